import { z } from 'zod';
import { hasPngSignature, jpegSize, pngSize } from './imageHeaders';
import { isSafeSvg } from './svgSafety';

/**
 * Attachments (logo, receipt logo, terms PDF) live once in the blobs table, addressed by the
 * sha-256 of their bytes. A settings record, its history and the outbox hold only this small
 * reference, so an upload is stored once and a save of another field never copies the file.
 */
export const attachmentTypes = {
  image: ['image/png', 'image/jpeg', 'image/svg+xml'],
  pdf: ['application/pdf'],
} as const;

export type AttachmentKind = keyof typeof attachmentTypes;
export type AttachmentType = (typeof attachmentTypes)[AttachmentKind][number];

const allTypes = [...attachmentTypes.image, ...attachmentTypes.pdf] as const;

/** The lowercase hex sha-256 of the bytes; the same file uploaded twice has the same hash. */
export const attachmentHash = z.string().regex(/^[0-9a-f]{64}$/);

export const attachmentRefSchema = z
  .object({
    hash: attachmentHash,
    type: z.enum(allTypes),
    /** The file name as the user chose it, for the upload field and mail attachments. */
    name: z.string().min(1).max(255),
    size: z.number().int().positive(),
  })
  .strict();

export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

/** The reference a stored value holds, or null for "no file" (also for the '' older versions kept). */
export function attachmentOf(value: unknown): AttachmentRef | null {
  const parsed = attachmentRefSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((byte, index) => bytes[at + index] === byte);

/** An SVG is text: after an optional BOM, XML declaration, comments or doctype, its first element is `<svg`. */
function isSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const prolog = /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/i.exec(head)?.[0] ?? '';
  return /^<svg[\s>/]/i.test(head.slice(prolog.length));
}

/**
 * What the bytes really are, by their first bytes (a PNG signature with its IHDR header right
 * after it, the JPEG signature, `%PDF-`, an SVG root element), never by the name or the type the
 * browser claimed: a renamed file, or one that only starts like a PNG, is refused.
 */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (hasPngSignature(bytes)) return pngSize(bytes) ? 'image/png' : null;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (isSvg(bytes)) return 'image/svg+xml';
  return null;
}

export const isTypeOfKind = (kind: AttachmentKind, type: string): type is AttachmentType =>
  (attachmentTypes[kind] as readonly string[]).includes(type);

/**
 * The largest width and height a logo may have, in pixels. Shown and printed images are decoded
 * to 4 bytes a pixel, so 4000 × 4000 is 64 MB at most; a logo of 240 px wide in a mail or 576
 * dots on an 80 mm receipt never needs more.
 */
export const maxImageSide = 4000;

export type ImageRefusal =
  | { reason: 'image.type' }
  | { reason: 'image.tooManyPixels'; values: { width: number; height: number; max: number } }
  | { reason: 'image.unsafeSvg' };

/**
 * Why an image of the sniffed type is not taken as a logo, or null: a PNG or JPEG whose header
 * gives no size, one wider or taller than maxImageSide, or an SVG that does more than draw.
 */
export function imageRefusal(bytes: Uint8Array, type: AttachmentType): ImageRefusal | null {
  if (type === 'image/svg+xml') return isSafeSvg(new TextDecoder('utf-8', { fatal: false }).decode(bytes)) ? null : { reason: 'image.unsafeSvg' };
  if (type !== 'image/png' && type !== 'image/jpeg') return null;
  const size = type === 'image/png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size) return { reason: 'image.type' };
  if (size.width > maxImageSide || size.height > maxImageSide) return { reason: 'image.tooManyPixels', values: { ...size, max: maxImageSide } };
  return null;
}
