import { describe, expect, it } from 'vitest';
import { mutation, useFileCloud, type Workstation } from './test/harness';

/**
 * The pull cursor as a workstation keeps it between pulls: "0" for a shop with nothing yet, and a
 * cursor the cloud cannot continue (damaged, or from before a restore) answered with "start over".
 */
const cloud = useFileCloud();

const newStation = (): Promise<Workstation> => cloud.station();

describe('pulling', () => {
  it('from a shop with nothing synced yet answers no changes and keeps the cursor at "0"', async () => {
    const station = await newStation();
    expect(await station.pull('0')).toEqual({ kind: 'changes', records: [], cursor: '0', more: false });
  });

  it('says "start over" to a cursor with anything before or after it, or a counter too long to be one', async () => {
    const station = await newStation();
    await station.push([mutation({ collection: 'settings', recordId: 'company.general', changes: { companyName: 'De Spaak' } })]);
    const page = await station.pull('0');
    if (page.kind !== 'changes') throw new Error('expected changes');
    expect(page.records).toHaveLength(1);
    expect(await station.pull(page.cursor)).toEqual({ kind: 'changes', records: [], cursor: page.cursor, more: false });
    const shopPart = page.cursor.split('.')[1];
    for (const damaged of [`x0.${shopPart}`, `0.${shopPart}x`, `x${page.cursor}`, `${page.cursor}0`, page.cursor.toUpperCase().replace(/^\d+/, '1'), `1234567890123456.${page.cursor.split('.')[1]}`]) {
      expect(await station.pull(damaged)).toEqual({ kind: 'startOver' });
    }
  });

  it('a page exactly as long as what is left says there is no more', async () => {
    const station = await newStation();
    await station.push([
      mutation({ collection: 'settings', recordId: 'company.general', changes: { companyName: 'De Spaak' } }),
      mutation({ collection: 'settings', recordId: 'company.contact', changes: { city: 'Utrecht' } }),
    ]);
    expect(await station.pull('0', 2)).toMatchObject({ kind: 'changes', records: [{ recordId: 'company.general' }, { recordId: 'company.contact' }], more: false });
    expect(await station.pull('0', 1)).toMatchObject({ kind: 'changes', records: [{ recordId: 'company.general' }], more: true });
  });

  it('without a device token, or with one the cloud does not know, is 401 for pull and push, telling the workstation to pair again', async () => {
    const unknown = { authorization: `Bearer ${'x'.repeat(43)}` };
    const push = { mutations: [mutation({ collection: 'settings', recordId: 'company.general', changes: { companyName: 'De Spaak' } })] };
    for (const refused of [
      await fetch(`${cloud.url}/v1/pull?after=0`),
      await fetch(`${cloud.url}/v1/pull?after=0`, { headers: unknown }),
      await fetch(`${cloud.url}/v1/push`, { method: 'POST', headers: { ...unknown, 'content-type': 'application/json' }, body: JSON.stringify(push) }),
    ]) {
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({ error: { code: 'unauthorized', message: 'No valid device token: pair this workstation again.' } });
    }
  });
});
