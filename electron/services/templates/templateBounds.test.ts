import { describe, expect, it } from 'vitest';
import { apiTable } from '../../api/table';
import { createDispatch } from '../../api/dispatch';
import type { Session } from '../access/session';
import { backofficeOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';

const tempDir = useTempDir();
const anna: Session = { id: 's-anna', userId: 'u-anna', name: 'Anna', email: 'anna@winkel.nl', role: 'administrator', lang: 'nl' };

describe('template previews are bounded (issue 11, item 17)', () => {
  it('stops a preview with a huge loop with a message on the field, and the back end keeps answering', async () => {
    const app = backofficeOn(tempDir());
    const dispatch = createDispatch({ table: apiTable, services: app.services, logger: app.logger });
    const caller = { session: anna, bindSession: () => undefined };
    const heavy = '{% for a in (1..100000) %}{% for b in (1..100000) %}{{ customer.name }} {% endfor %}{% endfor %}';
    const rssBefore = process.memoryUsage().rss;
    const preview = dispatch('templates.preview', { kind: 'invoice', subject: 'Factuur', body: heavy }, caller);
    const meanwhile = dispatch('app.info', {}, caller);
    expect(await preview).toMatchObject({
      ok: false,
      error: { code: 'invalid', fields: [{ field: 'bodyNl', reason: 'templates.tooHeavy', message: expect.stringMatching(/^Tekst.*te veel werk/) }] },
    });
    expect(await meanwhile).toMatchObject({ ok: true });
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
    expect(await dispatch('templates.preview', { kind: 'invoice', subject: 'Factuur', body: 'Beste {{ customer.name }}' }, caller)).toMatchObject({ ok: true });
    await app.close();
  });
});
