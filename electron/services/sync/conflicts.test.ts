import { describe, expect, it } from 'vitest';
import type { Mutation, PushOutcome } from '../../../domain/sync/protocol';
import { backofficeOn, cheapTestHashing, fixedClock } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { createSqliteLedger } from './sqliteLedger';

/**
 * The Conflicten screen and the refused changes, as a shop manager uses them: which item and field
 * a conflict is about, both values and who made them, choosing one or typing another, and
 * correcting or throwing away a change the cloud refused. The cloud's answers are written out by
 * hand in the wire shape, on a real SQLite file (the same paths run against the real cloud in
 * twoDesktops.test.ts and syncEngine.test.ts).
 */
const tempDir = useTempDir();
const anna = { by: 'Anna', userId: 'user-anna', lang: 'nl' as const };
const at = new Date('2026-11-28T12:00:00Z');
const bramAt = '2026-11-28T11:30:00.000Z';

function setup() {
  // No cloud checks a hash here, so a password may be hashed at the cheap test cost.
  const office = backofficeOn(tempDir(), { clock: fixedClock('2026-11-28T10:00:00Z'), hashingCost: cheapTestHashing });
  const ledger = createSqliteLedger(office.store);
  const { lists, settings, sync } = office.services;
  const seen: string[] = [];
  office.events.subscribe((name, payload) => seen.push(`${name} ${JSON.stringify(payload)}`));
  // Bram is a user of the shop, as a pull brings him; Anna's own user record has not arrived yet.
  ledger.applyPulled([{ seq: 1, collection: 'users', recordId: 'user-bram', data: { name: 'Bram de Vries' }, revs: { name: 1 }, deleted: false, updatedBy: 'user-bram', updatedAt: bramAt }], '1');
  /** Everything waiting, sent and answered by the cloud with `answer`. */
  const answer = (reply: (mutation: Mutation) => PushOutcome) => {
    const batch = ledger.pendingBatch(50);
    return ledger.recordOutcomes(batch, batch.map(reply), at);
  };
  const acceptAll = () => answer((m) => ({ mutationId: m.mutationId, status: 'accepted', fields: Object.fromEntries(Object.keys(m.changes).map((field) => [field, { status: 'applied', rev: 2 }])) }));
  const paymentMethod = (nameNl: string) => {
    const created = lists.create('paymentMethods', { nameNl }, anna);
    if (!created.ok) throw new Error(created.error.message);
    acceptAll();
    return created.value.id;
  };
  const item = (id: string) => {
    const all = lists.list('paymentMethods');
    return all.ok ? all.value.find((entry) => entry.id === id) : undefined;
  };
  const names = () => {
    const all = lists.list('paymentMethods');
    return all.ok ? all.value.map((entry) => entry.values.nameNl) : [];
  };
  const companyName = () => {
    const group = settings.readGroup('company.general');
    return group.ok ? group.value.values.companyName : undefined;
  };
  return { office, ledger, lists, settings, conflicts: sync.conflicts, sync, seen, answer, acceptAll, paymentMethod, item, names, companyName };
}

const clash = (theirs: unknown, theirRev = 9) => ({ status: 'conflict' as const, theirs, theirRev, theirBy: 'user-bram', theirAt: bramAt });
const refused = (m: Mutation, nl: string, en: string): PushOutcome => ({ mutationId: m.mutationId, status: 'rejected', reason: { code: 'invalid', message: { nl, en } } });

describe('a conflict on the Conflicten screen', () => {
  it('names the item and the field in the reader’s language, shows both values and who made each', () => {
    const { office, lists, conflicts, answer, paymentMethod } = setup();
    const id = paymentMethod('iDEAL');
    lists.update('paymentMethods', id, { nameEn: 'iDEAL (NL)' }, anna);
    answer((m) => ({ mutationId: m.mutationId, status: 'accepted', fields: { nameEn: clash('iDEAL Bank') } }));

    expect(conflicts.open('nl')).toEqual([
      {
        id: expect.any(Number),
        collection: 'paymentMethods',
        recordId: id,
        field: 'nameEn',
        recordLabel: 'Betaalmethode: iDEAL',
        fieldLabel: 'Naam (Engels)',
        kind: 'value',
        base: '',
        mine: 'iDEAL (NL)',
        theirs: 'iDEAL Bank',
        // Anna's user record never came, so her id stands in for her name.
        mineBy: 'user-anna',
        mineAt: expect.any(String),
        theirBy: 'Bram de Vries',
        theirAt: bramAt,
        detectedAt: at.toISOString(),
      },
    ]);
    expect(conflicts.open('en')).toEqual([expect.objectContaining({ recordLabel: 'Payment method: iDEAL', fieldLabel: 'Name (English)' })]);
    office.store.close();
  });

  it('names a settings group by its title, and an item the cloud has but this version does not know by its list and id', () => {
    const { office, settings, conflicts, answer } = setup();
    settings.writeGroup('company.general', { companyName: 'Van Anna' }, anna);
    answer((m) => ({ mutationId: m.mutationId, status: 'accepted', fields: { companyName: clash('Van Bram') } }));
    // As a later version with a list this one lacks would leave it behind in the same database.
    office.store.sqlite
      .prepare("INSERT INTO conflicts (collection, record_id, field, base, mine, theirs, their_rev, detected_at, mutation_id, mine_by, mine_at, their_by, their_at) VALUES ('giftCards', 'kaart-7', 'balance', NULL, '10', '12', 3, ?, 'x', NULL, NULL, NULL, NULL)")
      .run(at.toISOString());

    expect(conflicts.open('nl')).toEqual([
      expect.objectContaining({ recordLabel: 'Algemene informatie', fieldLabel: 'Bedrijfsnaam', mine: 'Van Anna', theirs: 'Van Bram' }),
      expect.objectContaining({ recordLabel: 'giftCards: kaart-7', fieldLabel: 'balance', mine: 10, theirs: 12, mineBy: '', theirBy: '', mineAt: null }),
    ]);
    office.store.close();
  });

  it('names what this version does not know (a settings group, an item that never arrived) by its id', () => {
    const { office, conflicts } = setup();
    const leftBehind = office.store.sqlite.prepare(
      "INSERT INTO conflicts (collection, record_id, field, base, mine, theirs, their_rev, detected_at, mutation_id) VALUES (?, ?, ?, NULL, '1', '2', 3, '2026-11-28T12:00:00.000Z', 'x')",
    );
    leftBehind.run('settings', 'company.loyalty', 'stampsPerCard');
    leftBehind.run('paymentMethods', 'verdwenen-item', 'nameNl');
    expect(conflicts.open('en')).toEqual([
      expect.objectContaining({ recordLabel: 'company.loyalty', fieldLabel: 'stampsPerCard', base: null, mine: 1, theirs: 2 }),
      expect.objectContaining({ recordLabel: 'Payment method: verdwenen-item', fieldLabel: 'Name (Dutch)' }),
    ]);
    office.store.close();
  });

  it('keeping the cloud’s value closes it and sends nothing; the screens are told to refresh', () => {
    const { office, ledger, lists, conflicts, answer, paymentMethod, item, seen } = setup();
    const id = paymentMethod('iDEAL');
    lists.update('paymentMethods', id, { nameEn: 'Mine' }, anna);
    answer((m) => ({ mutationId: m.mutationId, status: 'accepted', fields: { nameEn: clash('Theirs') } }));
    const [conflict] = conflicts.open('nl');
    seen.length = 0;

    expect(conflicts.resolve(conflict!.id, { choose: 'theirs' }, anna)).toEqual({ ok: true, value: null });
    expect(conflicts.open('nl')).toEqual([]);
    expect(item(id)?.values.nameEn).toBe('Theirs');
    expect(ledger.pendingBatch(10)).toEqual([]);
    expect(seen).toEqual(['records.changed {"collection":"paymentMethods","by":"Anna"}', 'sync.changed {}']);
    const closed = office.store.sqlite.prepare('SELECT resolution, resolved_by, resolved_at FROM conflicts').get();
    expect(closed).toEqual({ resolution: 'theirs', resolved_by: 'user-anna', resolved_at: '2026-11-28T10:00:00.000Z' });
    office.store.close();
  });

  it('a value typed in instead is checked like an edit: refused with the field named, the conflict stays open; a good one is a new change', () => {
    const { office, ledger, lists, conflicts, answer, paymentMethod, item } = setup();
    const id = paymentMethod('iDEAL');
    lists.update('paymentMethods', id, { nameNl: 'iDEAL (Anna)' }, anna);
    answer((m) => ({ mutationId: m.mutationId, status: 'accepted', fields: { nameNl: clash('iDEAL (Bram)') } }));
    const [conflict] = conflicts.open('nl');

    const refusal = conflicts.resolve(conflict!.id, { choose: 'value', value: '' }, anna);
    expect(refusal).toMatchObject({ ok: false, error: { fields: [{ field: 'nameNl', message: expect.stringContaining('Naam (Nederlands)') }] } });
    expect(conflicts.open('nl')).toHaveLength(1);
    expect(ledger.pendingBatch(10)).toEqual([]);

    expect(conflicts.resolve(conflict!.id, { choose: 'value', value: 'iDEAL (samen)' }, anna)).toEqual({ ok: true, value: null });
    expect(item(id)?.values.nameNl).toBe('iDEAL (samen)');
    expect(ledger.pendingBatch(10)).toEqual([expect.objectContaining({ changes: { nameNl: 'iDEAL (samen)' }, baseRevs: { nameNl: 9 } })]);
    expect(office.store.sqlite.prepare('SELECT resolution FROM conflicts').get()).toEqual({ resolution: 'merged' });
    office.store.close();
  });

  it('a conflict solved already, or on another workstation’s screen, says so in the reader’s language', () => {
    const { office, settings, conflicts, answer } = setup();
    settings.writeGroup('company.general', { companyName: 'Van Anna' }, anna);
    answer((m) => ({ mutationId: m.mutationId, status: 'accepted', fields: { companyName: clash('Van Bram') } }));
    const [conflict] = conflicts.open('nl');
    expect(conflicts.resolve(conflict!.id, { choose: 'mine' }, anna).ok).toBe(true);

    expect(conflicts.resolve(conflict!.id, { choose: 'theirs' }, anna)).toEqual({ ok: false, error: { code: 'unknown_conflict', message: 'Dit conflict bestaat niet of is al opgelost.' } });
    expect(conflicts.resolve(conflict!.id + 1, { choose: 'mine' }, { ...anna, lang: 'en' })).toEqual({ ok: false, error: { code: 'unknown_conflict', message: 'This conflict does not exist or was resolved already.' } });
    office.store.close();
  });
});

describe('deleted on one side, edited on the other', () => {
  it('deleted here while the cloud kept an edit: one question; choosing the delete removes the item everywhere', () => {
    const { office, ledger, lists, conflicts, answer, paymentMethod, names } = setup();
    const id = paymentMethod('Contant');
    expect(lists.remove('paymentMethods', id, anna).ok).toBe(true);
    answer((m) => ({ mutationId: m.mutationId, status: 'accepted', deleted: false, fields: { nameNl: clash('Contant (kassa)', 5) } }));

    expect(conflicts.open('nl')).toEqual([expect.objectContaining({ kind: 'deleted', field: '_deleted', fieldLabel: 'Verwijderd', mine: true, theirs: false, recordLabel: 'Betaalmethode: Contant (kassa)' })]);
    expect(conflicts.open('en')[0]?.fieldLabel).toBe('Deleted');
    // The cloud kept it, so it is back in the list until a person chooses.
    expect(names()).toContain('Contant (kassa)');

    const [conflict] = conflicts.open('nl');
    expect(conflicts.resolve(conflict!.id, { choose: 'mine' }, anna)).toEqual({ ok: true, value: null });
    expect(names()).not.toContain('Contant (kassa)');
    expect(ledger.pendingBatch(10)).toEqual([expect.objectContaining({ op: 'delete', recordId: id })]);
    office.store.close();
  });

  it('edited here while another workstation deleted it: keeping the edit brings the item back as a new one, at the end of the list', () => {
    const { office, ledger, lists, conflicts, answer, paymentMethod, names, item } = setup();
    paymentMethod('PayPal');
    const id = paymentMethod('Bancontact');
    paymentMethod('Apple Pay');
    expect(lists.update('paymentMethods', id, { nameEn: 'Bancontact (BE)' }, anna).ok).toBe(true);
    answer((m) => ({ mutationId: m.mutationId, status: 'accepted', deleted: true, fields: { nameEn: clash(null, 6) } }));
    expect(conflicts.open('nl')).toEqual([expect.objectContaining({ kind: 'deleted', mine: false, theirs: true })]);
    expect(names()).toEqual(['PayPal', 'Apple Pay']);

    const [conflict] = conflicts.open('nl');
    expect(conflicts.resolve(conflict!.id, { choose: 'mine' }, anna)).toEqual({ ok: true, value: null });
    expect(names()).toEqual(['PayPal', 'Apple Pay', 'Bancontact']);
    const back = lists.list('paymentMethods');
    const revived = back.ok ? back.value.find((entry) => entry.values.nameNl === 'Bancontact') : undefined;
    expect(revived?.id).not.toBe(id);
    expect(item(revived?.id ?? '')?.values.nameEn).toBe('Bancontact (BE)');
    expect(ledger.pendingBatch(10)).toEqual([expect.objectContaining({ op: 'create', recordId: revived?.id })]);
    office.store.close();
  });
});

describe('a change the cloud refused', () => {
  it('a refused password is listed for the user it belongs to, without its value, and sends the person to Systeemgebruikers', async () => {
    const { office, lists, conflicts, answer } = setup();
    const created = await office.services.access.createUser({ name: 'Kees Bakker', email: 'kees@despaak.nl', role: 'fullUser' }, 'fietsbel oranje tweeënveertig', 'nl', (values) => lists.create('users', values, anna), anna.userId);
    if (!created.ok) throw new Error(created.error.message);
    answer((m) =>
      m.collection === 'credentials'
        ? refused(m, 'Deze hash is van een onbekende soort.', 'This hash is of an unknown kind.')
        : { mutationId: m.mutationId, status: 'accepted', fields: Object.fromEntries(Object.keys(m.changes).map((field) => [field, { status: 'applied', rev: 1 }])) },
    );

    expect(conflicts.rejected('nl')).toEqual([
      expect.objectContaining({ collection: 'credentials', recordLabel: 'Inloggegevens: Kees Bakker', changes: [{ field: 'password', label: 'Wachtwoord', value: null }], reason: 'Deze hash is van een onbekende soort.' }),
    ]);
    expect(conflicts.rejected('en')[0]).toMatchObject({ recordLabel: 'Sign-in credentials: Kees Bakker', changes: [{ field: 'password', label: 'Password', value: null }] });
    const [refusal] = conflicts.rejected('nl');
    expect(conflicts.revise(refusal!.mutationId, { password: 'iets anders' }, anna)).toEqual({
      ok: false,
      error: { code: 'not_revisable', message: 'Een geweigerd wachtwoord of PIN kan hier niet aangepast worden: stel het opnieuw in bij Systeemgebruikers.' },
    });
    expect(conflicts.rejected('nl')).toHaveLength(1);
    office.store.close();
  });

  it('a refused new item of a list this version does not know cannot be made here, and says so', () => {
    const { office, conflicts } = setup();
    // As a later version leaves it in the same database: no reason stored with it either.
    office.store.sqlite
      .prepare("INSERT INTO outbox (mutation_id, op, collection, record_id, changes, base_revs, created_at, state) VALUES ('0193a0c4-0000-7000-8000-00000000000a', 'create', 'giftCards', 'kaart-7', '{\"balance\":10}', '{}', '2026-11-28T10:00:00.000Z', 'rejected')")
      .run();
    expect(conflicts.rejected('nl')).toEqual([expect.objectContaining({ recordLabel: 'giftCards: kaart-7', changes: [{ field: 'balance', label: 'balance', value: 10 }], reason: '' })]);
    expect(conflicts.revise('0193a0c4-0000-7000-8000-00000000000a', { balance: 12 }, anna)).toMatchObject({ ok: false, error: { code: 'unknown_collection', message: expect.stringContaining('giftCards') } });
    expect(conflicts.rejected('nl')).toHaveLength(1);
    office.store.close();
  });

  it('lists the item, each changed field by its label and the cloud’s reason in the reader’s language', () => {
    const { office, lists, conflicts, answer, paymentMethod } = setup();
    const id = paymentMethod('iDEAL');
    lists.update('paymentMethods', id, { nameEn: 'iDEAL!', providerOptionId: 11 }, anna);
    answer((m) => refused(m, 'Betaaloptie-id bij provider: deze optie kent Pay.nl niet.', 'Provider payment option id: Pay.nl does not know this option.'));

    expect(conflicts.rejected('nl')).toEqual([
      {
        mutationId: expect.any(String),
        collection: 'paymentMethods',
        recordId: id,
        recordLabel: 'Betaalmethode: iDEAL',
        op: 'update',
        changes: [
          { field: 'nameEn', label: 'Naam (Engels)', value: 'iDEAL!' },
          { field: 'providerOptionId', label: 'Betaaloptie-id bij provider', value: 11 },
        ],
        reason: 'Betaaloptie-id bij provider: deze optie kent Pay.nl niet.',
        createdAt: '2026-11-28T10:00:00.000Z',
      },
    ]);
    expect(conflicts.rejected('en')[0]).toMatchObject({ recordLabel: 'Payment method: iDEAL', reason: 'Provider payment option id: Pay.nl does not know this option.' });
    office.store.close();
  });

  it('"aanpassen" of a refused new item makes it anew with the corrected values, at the end of the list', () => {
    const { office, ledger, lists, conflicts, answer, paymentMethod, names, seen } = setup();
    paymentMethod('iDEAL');
    lists.create('paymentMethods', { nameNl: 'Klarna', providerOptionId: 99 }, anna);
    answer((m) => refused(m, 'Onbekende betaaloptie.', 'Unknown payment option.'));
    paymentMethod('PayPal');
    expect(names()).toEqual(['iDEAL', 'PayPal']);
    const [refusal] = conflicts.rejected('nl');
    // A refused new item is not in the list, yet the screen still names it.
    expect(refusal).toMatchObject({ op: 'create', recordLabel: 'Betaalmethode: Klarna' });
    seen.length = 0;

    expect(conflicts.revise(refusal!.mutationId, { providerOptionId: 1717 }, anna)).toEqual({ ok: true, value: null });
    expect(names()).toEqual(['iDEAL', 'PayPal', 'Klarna']);
    expect(conflicts.rejected('nl')).toEqual([]);
    expect(ledger.pendingBatch(10)).toEqual([expect.objectContaining({ op: 'create', changes: expect.objectContaining({ nameNl: 'Klarna', providerOptionId: 1717 }) })]);
    expect(seen.slice(-2)).toEqual(['records.changed {"collection":"paymentMethods","by":"Anna"}', 'sync.changed {}']);
    office.store.close();
  });

  it('"aanpassen" of a refused edit edits the item; a correction that is still wrong is refused and the refusal stays', () => {
    const { office, lists, conflicts, answer, paymentMethod, item } = setup();
    const id = paymentMethod('iDEAL');
    lists.update('paymentMethods', id, { providerOptionId: 11 }, anna);
    answer((m) => refused(m, 'Onbekende betaaloptie.', 'Unknown payment option.'));
    const [refusal] = conflicts.rejected('nl');

    expect(conflicts.revise(refusal!.mutationId, { providerOptionId: 0 }, anna)).toMatchObject({ ok: false, error: { fields: [{ field: 'providerOptionId', message: 'Betaaloptie-id bij provider moet minstens 1 zijn.' }] } });
    expect(conflicts.rejected('nl')).toHaveLength(1);
    expect(conflicts.revise(refusal!.mutationId, { providerOptionId: 10 }, anna)).toEqual({ ok: true, value: null });
    expect(item(id)?.values.providerOptionId).toBe(10);
    expect(conflicts.rejected('nl')).toEqual([]);
    office.store.close();
  });

  it('"aanpassen" of a refused delete deletes it again; a refusal that is gone says so', () => {
    const { office, ledger, lists, conflicts, answer, paymentMethod, names } = setup();
    const id = paymentMethod('Contant');
    lists.remove('paymentMethods', id, anna);
    answer((m) => refused(m, 'In gebruik bij een kassa.', 'In use by a till.'));
    expect(names()).toEqual(['Contant']);
    const [refusal] = conflicts.rejected('nl');
    expect(refusal).toMatchObject({ op: 'delete', changes: [] });

    expect(conflicts.revise(refusal!.mutationId, {}, anna)).toEqual({ ok: true, value: null });
    expect(names()).toEqual([]);
    expect(ledger.pendingBatch(10)).toEqual([expect.objectContaining({ op: 'delete', recordId: id })]);
    expect(conflicts.revise(refusal!.mutationId, {}, anna)).toEqual({ ok: false, error: { code: 'unknown_rejected', message: 'Deze geweigerde wijziging bestaat niet (meer).' } });
    expect(conflicts.revise(refusal!.mutationId, {}, { ...anna, lang: 'en' })).toEqual({ ok: false, error: { code: 'unknown_rejected', message: 'This refused change does not exist (any more).' } });
    office.store.close();
  });

  it('"weggooien" keeps the cloud’s value and tells the status bar; a refused settings change is corrected in its group', () => {
    const { office, settings, conflicts, answer, companyName, seen, sync } = setup();
    settings.writeGroup('company.general', { companyName: 'Eerste' }, anna);
    answer((m) => refused(m, 'Nee.', 'No.'));
    settings.writeGroup('company.general', { companyName: 'Tweede' }, anna);
    answer((m) => refused(m, 'Nee.', 'No.'));
    const [first, second] = conflicts.rejected('nl');
    seen.length = 0;

    expect(conflicts.discard(first!.mutationId, 'nl')).toEqual({ ok: true, value: null });
    expect(seen).toEqual(['sync.changed {}']);
    expect(sync.read()).toMatchObject({ rejected: 1 });
    expect(conflicts.discard(first!.mutationId, 'en')).toEqual({ ok: false, error: { code: 'unknown_rejected', message: 'This refused change does not exist (any more).' } });

    seen.length = 0;
    expect(conflicts.revise(second!.mutationId, { companyName: 'Derde' }, anna)).toEqual({ ok: true, value: null });
    expect(companyName()).toBe('Derde');
    expect(seen.slice(-2)).toEqual(['settings.changed {"group":"*","by":"Anna"}', 'sync.changed {}']);
    expect(sync.read()).toMatchObject({ rejected: 0, pending: 1 });
    office.store.close();
  });
});
