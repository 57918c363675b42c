import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A PNG chunk: length, type, data and the CRC over type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A real PNG a browser draws: `width`×`height` RGB pixels of one colour, or of noise (which does
 * not compress, so the file size follows the pixel count) when `noise` is given as a seed.
 */
export function pngFile(width: number, height: number, colour: [number, number, number], noise?: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter choice, no interlace
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  let seed = noise ?? 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      for (let c = 0; c < 3; c += 1) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        raw[y * row + 1 + x * 3 + c] = noise === undefined ? colour[c]! : seed >>> 24;
      }
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

/**
 * A PNG whose header says width × height over the image data of a 1 × 1 one: what an upload check
 * that reads only the header sees of a huge image (one colour at 20000 × 20000 compresses to a few
 * hundred kB, well under a logo's 1024 kB), without building 400 MB of pixels in a test.
 */
export function pngClaiming(width: number, height: number): Buffer {
  const small = pngFile(1, 1, [0, 0, 0]);
  const header = Buffer.from(small.subarray(16, 29));
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  return Buffer.concat([small.subarray(0, 8), pngChunk('IHDR', header), small.subarray(33)]);
}
