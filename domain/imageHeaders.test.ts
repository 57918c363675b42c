import { describe, expect, it } from 'vitest';
import { pngChunk, pngFile } from '../test/pngFile';
import { jpegSize, pngSize } from './imageHeaders';

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Ihdr {
  width: number;
  height: number;
  depth: number;
  colourType: number;
  compression: number;
  filter: number;
  interlace: number;
}
const rgb: Ihdr = { width: 120, height: 40, depth: 8, colourType: 2, compression: 0, filter: 0, interlace: 0 };

/** The first 33 bytes of a PNG: signature and an IHDR chunk with a correct CRC, whatever it says. */
function pngHeader(fields: Partial<Ihdr> = {}, type = 'IHDR', extra = 0): Buffer {
  const { width, height, depth, colourType, compression, filter, interlace } = { ...rgb, ...fields };
  const data = Buffer.alloc(13 + extra);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([depth, colourType, compression, filter, interlace], 8);
  return Buffer.concat([signature, pngChunk(type, data)]);
}

describe('the pixel size of a PNG, from its header', () => {
  it('reads width and height from a real PNG and from the header alone', () => {
    expect(pngSize(pngFile(7, 3, [200, 0, 0]))).toEqual({ width: 7, height: 3 });
    expect(pngSize(pngHeader())).toEqual({ width: 120, height: 40 });
    expect(pngSize(pngHeader({ width: 2 ** 31 - 1, height: 2 ** 31 - 1 }))).toEqual({ width: 2 ** 31 - 1, height: 2 ** 31 - 1 });
  });

  it('takes every bit depth the standard allows for each colour type, and interlaced images', () => {
    const allowed: [number, number][] = [[0, 1], [0, 16], [2, 16], [3, 1], [3, 8], [4, 8], [4, 16], [6, 8], [6, 16]];
    for (const [colourType, depth] of allowed) expect(pngSize(pngHeader({ colourType, depth })), `type ${colourType}, depth ${depth}`).not.toBeNull();
    expect(pngSize(pngHeader({ interlace: 1 }))).toEqual({ width: 120, height: 40 });
  });

  it('gives no size for a header cut short, a wrong signature, a first chunk that is not a 13-byte IHDR, or a broken CRC', () => {
    expect(pngSize(pngHeader().subarray(0, 32))).toBeNull();
    const otherSignature = pngHeader();
    otherSignature[0] = 0x88;
    expect(pngSize(otherSignature)).toBeNull();
    expect(pngSize(pngHeader({}, 'IDAT'))).toBeNull();
    expect(pngSize(pngHeader({}, 'IHDR', 1))).toBeNull();
    const lying = pngHeader();
    lying[19] = 0xff; // the width grown after the CRC was taken
    expect(pngSize(lying)).toBeNull();
  });

  it('gives no size when the header is impossible: zero or over 2^31 pixels, an unknown colour type or depth, other compression, filter or interlace', () => {
    const impossible: Partial<Ihdr>[] = [
      { width: 0 },
      { height: 0 },
      { width: 2 ** 31 },
      { height: 2 ** 31 },
      { colourType: 2, depth: 4 },
      { colourType: 3, depth: 16 },
      { colourType: 5 },
      { compression: 1 },
      { filter: 1 },
      { interlace: 2 },
    ];
    for (const fields of impossible) expect(pngSize(pngHeader(fields)), JSON.stringify(fields)).toBeNull();
  });
});

const soi = [0xff, 0xd8];
const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
/** A frame header (SOFn): length, precision, height, width, then one component. */
const frame = (width: number, height: number, marker = 0xc0) => [0xff, marker, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00];
/** A segment that is not a frame header but is long enough to be misread as one. */
const segment = (marker: number) => [0xff, marker, 0x00, 0x0a, 0x00, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde];
const jpeg = (...parts: number[][]) => Uint8Array.from(parts.flat());

describe('the pixel size of a JPEG, from its frame header', () => {
  it('reads the size of baseline, progressive and other frame types after any other segments', () => {
    expect(jpegSize(jpeg(soi, app0, frame(640, 480)))).toEqual({ width: 640, height: 480 });
    expect(jpegSize(jpeg(soi, frame(1024, 768, 0xc2)))).toEqual({ width: 1024, height: 768 });
    expect(jpegSize(jpeg(soi, frame(16, 9, 0xcf)))).toEqual({ width: 16, height: 9 });
    // Huffman tables (C4), a JPG extension (C8) and arithmetic conditioning (CC) are no frame headers.
    expect(jpegSize(jpeg(soi, segment(0xc4), segment(0xc8), segment(0xcc), frame(300, 200)))).toEqual({ width: 300, height: 200 });
  });

  it('steps over fill bytes, markers without a length and empty segments', () => {
    const restartAndTem = [0xff, 0xd0, 0xff, 0xd7, 0xff, 0x01];
    const fill = [0xff, 0xff];
    const empty = [0xff, 0xfe, 0x00, 0x02];
    expect(jpegSize(jpeg(soi, restartAndTem, fill, empty, frame(50, 60)))).toEqual({ width: 50, height: 60 });
  });

  it('reads a frame header that ends the file right after the width, and one without components', () => {
    expect(jpegSize(jpeg(soi, frame(640, 480).slice(0, 9)))).toEqual({ width: 640, height: 480 });
    expect(jpegSize(jpeg(soi, [0xff, 0xc0, 0x00, 0x08, 0x08, 0x01, 0xe0, 0x02, 0x80]))).toEqual({ width: 640, height: 480 });
  });

  it('gives no size for a file that does not start as a JPEG', () => {
    expect(jpegSize(jpeg([0x00, 0xd8], frame(640, 480)))).toBeNull();
    expect(jpegSize(jpeg([0xff, 0xd9], frame(640, 480)))).toBeNull();
  });

  it('gives no size when the image data, the end or a second start comes before any frame header', () => {
    const header = [0x00, 0x02];
    for (const marker of [0xda, 0xd9, 0xd8]) expect(jpegSize(jpeg(soi, [0xff, marker], header, frame(640, 480))), marker.toString(16)).toBeNull();
  });

  it('gives no size for a lying or truncated header: junk between segments, a frame cut inside its width, too short a frame, a zero width or height', () => {
    expect(jpegSize(jpeg(soi, app0, [0x00], frame(640, 480).slice(1)))).toBeNull();
    expect(jpegSize(jpeg(soi, frame(640, 480).slice(0, 8)))).toBeNull();
    expect(jpegSize(jpeg(soi, [0xff, 0xc0, 0x00, 0x07, 0x08, 0x01, 0xe0, 0x02, 0x80]))).toBeNull();
    expect(jpegSize(jpeg(soi, frame(640, 0)))).toBeNull();
    expect(jpegSize(jpeg(soi, frame(0, 480)))).toBeNull();
  });
});
