import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useFileCloud, type Workstation } from './test/harness';

/**
 * A shop's attachments (its logo, its terms as PDF) as its workstations send and fetch them by
 * their sha-256: stored once per shop, handed out only to that shop, and refused when damaged.
 */
const cloud = useFileCloud();

const logo = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><text>De Spaak</text></svg>');
const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const put = (station: Workstation, hash: string, bytes: Buffer, contentType = 'application/octet-stream') =>
  fetch(`${cloud.url}/v1/blobs/${hash}`, { method: 'PUT', headers: { authorization: `Bearer ${station.paired.token}`, 'content-type': contentType }, body: bytes });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe('a shop uploading its logo', () => {
  it('is told 201 the first time and 200 when the cloud had it already, with the hash and size each time', async () => {
    const station = await cloud.station();
    const first = await put(station, hashOf(logo), logo);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ hash: hashOf(logo), size: logo.length });
    const again = await put(station, hashOf(logo), logo);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ hash: hashOf(logo), size: logo.length });
  });

  it('damaged on the way is refused 400 and not stored', async () => {
    const station = await cloud.station();
    const damaged = Buffer.concat([logo, Buffer.from(' ')]);
    const refused = await put(station, hashOf(logo), damaged);
    expect(refused.status).toBe(400);
    expect(await errorOf(refused)).toEqual({ code: 'hash_mismatch', message: 'The file does not match its sha-256; it was damaged on the way. Send it again.' });
    expect((await station.call('HEAD', `/v1/blobs/${hashOf(logo)}`)).status).toBe(404);
  });

  it('sent as JSON instead of as a file is refused 415, and under a name that is no sha-256 400 naming the hash', async () => {
    const station = await cloud.station();
    const asJson = await put(station, hashOf(logo), Buffer.from('{"logo":"De Spaak"}'), 'application/json');
    expect(asJson.status).toBe(415);
    expect(await errorOf(asJson)).toEqual({ code: 'unsupported_media_type', message: 'Send the file as application/octet-stream.' });
    const upperCase = await put(station, hashOf(logo).toUpperCase(), logo);
    expect(upperCase.status).toBe(400);
    expect(await errorOf(upperCase)).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/^hash: /) });
    expect((await station.call('HEAD', `/v1/blobs/${hashOf(logo)}`)).status).toBe(404);
  });
});

describe('a workstation fetching an attachment', () => {
  it('gets the very bytes, marked as a file that never changes', async () => {
    const station = await cloud.station();
    expect((await put(station, hashOf(logo), logo)).status).toBe(201);
    const fetched = await station.call('GET', `/v1/blobs/${hashOf(logo)}`);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('application/octet-stream');
    expect(fetched.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(logo);
  });

  it('asks whether the cloud has it (HEAD) and learns its size, or 404 with size 0', async () => {
    const station = await cloud.station();
    expect((await put(station, hashOf(logo), logo)).status).toBe(201);
    const known = await station.call('HEAD', `/v1/blobs/${hashOf(logo)}`);
    expect(known.status).toBe(200);
    expect(known.headers.get('content-length')).toBe(String(logo.length));
    const unknown = await station.call('HEAD', `/v1/blobs/${'0'.repeat(64)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-length')).toBe('0');
  });

  it("never gets another shop's file: 404 as if the cloud had none", async () => {
    const spaak = await cloud.station();
    const other = await cloud.station('Bakkerij Het Korenschoofje');
    expect((await put(spaak, hashOf(logo), logo)).status).toBe(201);
    const fetched = await other.call('GET', `/v1/blobs/${hashOf(logo)}`);
    expect(fetched.status).toBe(404);
    expect(await errorOf(fetched)).toEqual({ code: 'unknown_blob', message: 'The cloud has no file with this hash for this shop.' });
    expect((await other.call('HEAD', `/v1/blobs/${hashOf(logo)}`)).status).toBe(404);
    // Its own upload of the same file is new to its shop.
    expect((await put(other, hashOf(logo), logo)).status).toBe(201);
  });

  it('without a device token gets 401, for the file, for whether it exists and for an upload', async () => {
    const station = await cloud.station();
    expect((await put(station, hashOf(logo), logo)).status).toBe(201);
    for (const method of ['GET', 'HEAD']) {
      expect((await fetch(`${cloud.url}/v1/blobs/${hashOf(logo)}`, { method })).status).toBe(401);
    }
    const stranger = await fetch(`${cloud.url}/v1/blobs/${hashOf(logo)}`, { method: 'PUT', headers: { authorization: `Bearer ${'x'.repeat(43)}`, 'content-type': 'application/octet-stream' }, body: logo });
    expect(stranger.status).toBe(401);
    expect(await errorOf(stranger)).toEqual({ code: 'unauthorized', message: 'No valid device token: pair this workstation again.' });
  });
});
