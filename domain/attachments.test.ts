import { describe, expect, it } from 'vitest';
import { sniffAttachmentType } from './attachments';
import { findField, findGroup } from './settings/catalogue';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('what a file really is, by its first bytes', () => {
  it('knows PNG, JPEG, PDF and SVG, whatever the name says', () => {
    expect(sniffAttachmentType(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffAttachmentType(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffAttachmentType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffAttachmentType(bytes('\uFEFF<?xml version="1.0"?>\n<!-- logo -->\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('image/svg+xml');
    expect(sniffAttachmentType(bytes('<svg>'))).toBe('image/svg+xml');
  });

  it('refuses look-alikes: a PNG signature cut short, HTML, text that mentions <svg later, nothing at all', () => {
    expect(sniffAttachmentType(Uint8Array.of(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(sniffAttachmentType(bytes('<html><svg></svg></html>'))).toBeNull();
    expect(sniffAttachmentType(bytes('Dit is geen <svg>'))).toBeNull();
    expect(sniffAttachmentType(bytes('<svgx>'))).toBeNull();
    expect(sniffAttachmentType(bytes('PDF-1.7'))).toBeNull();
    expect(sniffAttachmentType(new Uint8Array())).toBeNull();
  });
});

describe('an upload field holds a reference', () => {
  const logo = findField(findGroup('company.general')!, 'logo')!;
  const terms = findField(findGroup('orders.terms')!, 'generalTermsPdf')!;
  const ref = { hash: 'c'.repeat(64), type: 'image/png', name: 'logo.png', size: 2048 };

  it('takes a reference of the right type and size, and "no file" as null', () => {
    expect(logo.schema.parse(ref)).toEqual(ref);
    expect(logo.schema.parse('')).toBeNull();
    expect(logo.schema.parse(null)).toBeNull();
  });

  it('refuses a data URL, a PDF for an image, a logo over its limit and a reference with extra keys', () => {
    const reason = (field: typeof logo, value: unknown) => field.schema.safeParse(value).error?.issues[0]?.message;
    expect(reason(logo, 'data:image/png;base64,iVBORw0KGgo=')).toBe('image.type');
    expect(reason(logo, { ...ref, type: 'application/pdf' })).toBe('image.type');
    expect(reason(logo, { ...ref, size: 1025 * 1024 })).toBe('image.tooLarge');
    expect(reason(logo, { ...ref, bytes: 'x' })).toBe('image.type');
    expect(terms.schema.safeParse({ ...ref, type: 'image/png' }).error?.issues[0]?.message).toBe('pdf.type');
  });
});
