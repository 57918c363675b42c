import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../../test/tempDir';
import { createRendererFiles } from './rendererFiles';

const tempDir = useTempDir();

describe('renderer files kept in memory', () => {
  it('keeps small files, streams big ones, and keeps no more than its budget, least recently served out first', async () => {
    const dir = tempDir();
    const write = (name: string, bytes: string) => {
      fs.writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    const files = createRendererFiles({ fileLimit: 10, totalLimit: 25 });
    const kassa = write('kassa.js', 'k'.repeat(10));
    const labels = write('labels.js', 'l'.repeat(10));
    const bon = write('bon.js', 'b'.repeat(10));
    const kassaBody = (await files.open(kassa))?.body;
    expect(kassaBody?.toString()).toBe('k'.repeat(10));
    expect((await files.open(kassa))?.body).toBe(kassaBody);
    // Over the file limit: the size, no bytes in memory; the bytes come as a stream.
    const map = write('kassa.js.map', 'm'.repeat(11));
    expect(await files.open(map)).toEqual({ size: 11, body: null });
    const streamed = await files.stream(map);
    const chunks: Buffer[] = [];
    for await (const chunk of streamed!.bytes) chunks.push(chunk as Buffer);
    expect([streamed?.size, Buffer.concat(chunks).toString()]).toEqual([11, 'm'.repeat(11)]);
    // Three files of 10 bytes in a budget of 25: the one served longest ago is read again.
    await files.open(labels);
    await files.open(bon);
    const kassaAgain = (await files.open(kassa))?.body;
    expect(kassaAgain).not.toBe(kassaBody);
    expect(kassaAgain?.toString()).toBe('k'.repeat(10));
    const bonBody = (await files.open(bon))?.body;
    expect((await files.open(bon))?.body).toBe(bonBody);
    fs.rmSync(bon);
    expect(await files.open(bon)).toBeNull();
    expect(await files.stream(bon)).toBeNull();
  });

  it('counts a file asked for twice at once only once, so the budget still holds what fits in it', async () => {
    const dir = tempDir();
    const kassa = path.join(dir, 'kassa.js');
    const labels = path.join(dir, 'labels.js');
    fs.writeFileSync(kassa, 'k'.repeat(10));
    fs.writeFileSync(labels, 'l'.repeat(10));
    const files = createRendererFiles({ fileLimit: 10, totalLimit: 25 });
    // Two tabs starting together: both requests read the file before either has kept it.
    await Promise.all([files.open(kassa), files.open(kassa)]);
    await files.open(labels);
    // Both files fit in the budget, so from now on every request is answered from memory.
    const reads = vi.spyOn(fs.promises, 'open');
    try {
      for (let round = 0; round < 3; round += 1) {
        expect((await files.open(kassa))?.body?.toString()).toBe('k'.repeat(10));
        expect((await files.open(labels))?.body?.toString()).toBe('l'.repeat(10));
      }
      expect(reads).not.toHaveBeenCalled();
    } finally {
      reads.mockRestore();
    }
  });

  it('streams a big file that was emptied meanwhile as no bytes', async () => {
    const dir = tempDir();
    const video = path.join(dir, 'uitleg.mp4');
    fs.writeFileSync(video, 'v'.repeat(11));
    const files = createRendererFiles({ fileLimit: 10 });
    expect(await files.open(video)).toEqual({ size: 11, body: null });
    fs.writeFileSync(video, '');
    const streamed = await files.stream(video);
    const chunks: Buffer[] = [];
    for await (const chunk of streamed!.bytes) chunks.push(chunk as Buffer);
    expect([streamed?.size, Buffer.concat(chunks).length]).toEqual([0, 0]);
  });
});
