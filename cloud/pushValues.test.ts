import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PushOutcome } from '../domain/sync/protocol';
import { mutation, pullAll, useFileCloud, type Workstation } from './test/harness';

/**
 * Pushed values that are more than one piece of text: attachment references (the logo, the terms
 * PDF), which wait for their file, and lists, whose order is what the user set.
 */
const cloud = useFileCloud();

const newStation = (): Promise<Workstation> => cloud.station();

const fieldsOf = (outcome: PushOutcome | undefined) => {
  if (outcome?.status !== 'accepted') throw new Error(`expected accepted, got ${JSON.stringify(outcome)}`);
  return outcome.fields;
};

function file(text: string, type: 'image/svg+xml' | 'application/pdf', name: string) {
  const bytes = Buffer.from(text);
  return { bytes, ref: { hash: createHash('sha256').update(bytes).digest('hex'), type, name, size: bytes.length } };
}
const logo = file('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>', 'image/svg+xml', 'logo.svg');
const terms = file('%PDF-1.4 algemene voorwaarden De Spaak', 'application/pdf', 'voorwaarden.pdf');

async function upload(station: Workstation, bytes: Buffer, hash: string): Promise<void> {
  const stored = await fetch(`${cloud.url}/v1/blobs/${hash}`, { method: 'PUT', headers: { authorization: `Bearer ${station.paired.token}`, 'content-type': 'application/octet-stream' }, body: bytes });
  expect(stored.status).toBe(201);
}

describe('a change naming an attachment', () => {
  it('waits for its file: answered 503 naming each file still missing, keeping nothing, and applied once the files are there', async () => {
    const station = await newStation();
    const changes = [
      mutation({ collection: 'settings', recordId: 'company.general', changes: { logo: logo.ref } }),
      mutation({ collection: 'settings', recordId: 'orders.terms', changes: { generalTermsFormat: 'pdf', generalTermsPdf: terms.ref } }),
    ];
    const waiting = await station.call('POST', '/v1/push', { mutations: changes });
    expect(waiting.status).toBe(503);
    expect(waiting.headers.get('retry-after')).not.toBeNull();
    expect(await waiting.json()).toEqual({ error: { code: 'blob_missing', message: `Upload these attachments before the changes that name them: ${logo.ref.hash}, ${terms.ref.hash}` } });

    await upload(station, logo.bytes, logo.ref.hash);
    const stillWaiting = await station.call('POST', '/v1/push', { mutations: changes });
    expect(stillWaiting.status).toBe(503);
    expect(((await stillWaiting.json()) as { error: { message: string } }).error.message).toBe(`Upload these attachments before the changes that name them: ${terms.ref.hash}`);
    expect((await pullAll(station)).records).toEqual([]);

    await upload(station, terms.bytes, terms.ref.hash);
    // The same mutation ids again: nothing of the refused pushes was kept, so they apply now.
    const applied = await station.push(changes);
    expect(fieldsOf(applied.results[0]).logo).toMatchObject({ status: 'applied' });
    expect(fieldsOf(applied.results[1]).generalTermsPdf).toMatchObject({ status: 'applied' });
    const { records } = await pullAll(station);
    expect(Object.fromEntries(records.map((record) => [record.recordId, record.data]))).toEqual({
      'company.general': { logo: logo.ref },
      'orders.terms': { generalTermsFormat: 'pdf', generalTermsPdf: terms.ref },
    });
  });

  it('needs no file to take the logo away', async () => {
    const station = await newStation();
    await upload(station, logo.bytes, logo.ref.hash);
    fieldsOf((await station.push([mutation({ collection: 'settings', recordId: 'company.general', changes: { logo: logo.ref } })])).results[0]);
    const seen = (await pullAll(station)).records[0];
    const removed = await station.push([mutation({ collection: 'settings', recordId: 'company.general', changes: { logo: null }, baseRevs: seen?.revs })]);
    expect(fieldsOf(removed.results[0]).logo).toMatchObject({ status: 'applied' });
    expect((await pullAll(station)).records[0]?.data).toEqual({ logo: null });
  });

  it('is unchanged when the cloud holds the same reference, whatever order its keys arrive in, and applies for another file', async () => {
    const station = await newStation();
    await upload(station, logo.bytes, logo.ref.hash);
    const general = { collection: 'settings', recordId: 'company.general' };
    fieldsOf((await station.push([mutation({ ...general, changes: { logo: logo.ref } })])).results[0]);
    const seen = (await pullAll(station)).records[0];
    const { hash, type, name, size } = logo.ref;
    // Another workstation sends the same file with its keys in another order (and jsonb keeps its own).
    const same = await station.push([mutation({ ...general, changes: { logo: { size, name, type, hash } } })]);
    expect(fieldsOf(same.results[0]).logo).toMatchObject({ status: 'unchanged' });
    const renamed = await station.push([mutation({ ...general, changes: { logo: { ...logo.ref, name: 'logo-2026.svg' } }, baseRevs: seen?.revs })]);
    expect(fieldsOf(renamed.results[0]).logo).toMatchObject({ status: 'applied' });
  });
});

describe('a list in a setting', () => {
  it('keeps the order the user gave: the same widgets in another order is a change, the same order is not', async () => {
    const station = await newStation();
    const backoffice = { collection: 'settings', recordId: 'backoffice' };
    fieldsOf((await station.push([mutation({ ...backoffice, changes: { dashboardWidgets: ['revenueToday', 'lowStock', 'openRepairs'] } })])).results[0]);
    const seen = (await pullAll(station)).records[0];
    const again = await station.push([mutation({ ...backoffice, changes: { dashboardWidgets: ['revenueToday', 'lowStock', 'openRepairs'] } })]);
    expect(fieldsOf(again.results[0]).dashboardWidgets).toMatchObject({ status: 'unchanged' });
    const reordered = await station.push([mutation({ ...backoffice, changes: { dashboardWidgets: ['openRepairs', 'revenueToday', 'lowStock'] }, baseRevs: seen?.revs })]);
    expect(fieldsOf(reordered.results[0]).dashboardWidgets).toMatchObject({ status: 'applied' });
    expect((await pullAll(station)).records[0]?.data).toEqual({ dashboardWidgets: ['openRepairs', 'revenueToday', 'lowStock'] });
  });
});
