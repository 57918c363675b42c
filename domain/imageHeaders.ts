/**
 * The pixel size of a PNG or JPEG, read from its header without decoding it. An image is decoded
 * into width × height × 4 bytes wherever it is shown or printed, so a small file can still be far
 * too large to draw (a 20000 × 20000 PNG of one colour compresses to under 1 MB and decodes to 1.6
 * GB); the upload check refuses it by these numbers before anything is stored.
 */
export interface PixelSize {
  width: number;
  height: number;
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const ihdrType = [0x49, 0x48, 0x44, 0x52] as const; // "IHDR"

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const uint32At = (bytes: Uint8Array, at: number) => ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
const uint16At = (bytes: Uint8Array, at: number) => (bytes[at]! << 8) | bytes[at + 1]!;
const matches = (bytes: Uint8Array, expected: readonly number[], at: number) => expected.every((byte, index) => bytes[at + index] === byte);

export const hasPngSignature = (bytes: Uint8Array) => matches(bytes, pngSignature, 0);

/** Bit depths the PNG standard allows per colour type (greyscale, RGB, palette, grey+alpha, RGBA). */
const pngDepths: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/**
 * The size from a PNG's IHDR chunk, which the standard puts right after the signature: 13 bytes
 * of width, height, depth, colour type, compression, filter and interlace, with a matching CRC.
 * Null when the bytes only start like a PNG (the signature followed by HTML, say).
 */
export function pngSize(bytes: Uint8Array): PixelSize | null {
  if (bytes.length < 33 || !hasPngSignature(bytes) || uint32At(bytes, 8) !== 13 || !matches(bytes, ihdrType, 12)) return null;
  if (crc32(bytes.subarray(12, 29)) !== uint32At(bytes, 29)) return null;
  const width = uint32At(bytes, 16);
  const height = uint32At(bytes, 20);
  const [depth, colourType, compression, filter, interlace] = bytes.subarray(24, 29);
  const valid =
    width > 0 && height > 0 && width < 2 ** 31 && height < 2 ** 31 &&
    (pngDepths[colourType!] ?? []).includes(depth!) && compression === 0 && filter === 0 && interlace! <= 1;
  return valid ? { width, height } : null;
}

/** JPEG frame markers (SOF0–SOF15 without DHT C4, JPG C8 and DAC CC) carry the image size. */
const isFrameMarker = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * The size from a JPEG's frame header, found by walking the marker segments after SOI. Null when
 * the segments end, the image data starts (SOS) or the file ends before a frame header says how
 * large it is, or when it leaves the height to a later DNL marker (height 0): then it cannot be
 * checked, and a logo never needs that.
 */
export function jpegSize(bytes: Uint8Array): PixelSize | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: the last four bytes never hold a frame header's size, so walking into them or not gives null either way.
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9 || marker === 0xda) return null;
    const length = uint16At(bytes, at + 2);
    // Stryker disable next-line ConditionalExpression: a length of 0 or 1 would step onto its own length bytes, which are never a marker, so the walk ends with null anyway.
    if (length < 2) return null;
    if (isFrameMarker(marker)) {
      if (length < 8 || at + 9 > bytes.length) return null;
      const height = uint16At(bytes, at + 5);
      const width = uint16At(bytes, at + 7);
      return width > 0 && height > 0 ? { width, height } : null;
    }
    at += 2 + length;
  }
  return null;
}
