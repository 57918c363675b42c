import { describe, expect, it } from 'vitest';
import { firstAnswersElementId, pageWithFirstAnswers, type FirstAnswers } from './firstAnswers';

const page = '<!doctype html>\n<html lang="nl">\n  <head>\n    <title>Backoffice</title>\n  </head>\n  <body><div id="root"></div></body>\n</html>';

const answers: FirstAnswers = {
  'access.state': { ok: true, value: { needsSetup: true, session: null, notices: [] } },
  'preferences.get': { ok: true, value: { language: 'en', lastSection: null } },
};

/** What the browser's parser would hand the renderer as the block's text. */
function blockText(html: string): string | undefined {
  return new RegExp(`<script type="application/json" id="${firstAnswersElementId}">([^<]*)</script>`).exec(html)?.[1];
}

describe('the first answers in the page', () => {
  it('go into the head as a JSON data block the renderer reads back as they were', () => {
    const answers: FirstAnswers = {
      'access.state': { ok: true, value: { needsSetup: false, session: { name: 'Anna de Vries', role: 'admin' }, notices: [] } },
      'preferences.get': { ok: true, value: { language: 'nl', lastSection: 'company.business' } },
    };
    const served = pageWithFirstAnswers(page, answers);
    expect(served.indexOf(firstAnswersElementId)).toBeLessThan(served.indexOf('</head>'));
    expect(JSON.parse(blockText(served) ?? '')).toEqual(answers);
  });

  it('go just before </head>, with all of the page before and after them kept as it was', () => {
    const served = pageWithFirstAnswers(page, answers);
    const head = page.indexOf('</head>');
    const block = /<script type="application\/json" id="first-answers">[^<]*<\/script>\s*/.exec(served);
    expect(served.slice(0, block?.index)).toBe(page.slice(0, head));
    expect(served.slice((block?.index ?? 0) + (block?.[0].length ?? 0))).toBe(page.slice(head));
  });

  it('go first in a page that opens with </head> (its head left empty)', () => {
    const bare = '</head><body><div id="root"></div></body>';
    const served = pageWithFirstAnswers(bare, answers);
    expect(served.startsWith('<script type="application/json" id="first-answers">')).toBe(true);
    expect(served.endsWith(bare)).toBe(true);
  });

  it('leave a page without </head> as it is: there is no head to put them in', () => {
    const headless = '<!doctype html><title>Backoffice</title><div id="root"></div>';
    expect(pageWithFirstAnswers(headless, answers)).toBe(headless);
  });

  it('cannot be closed or turned into markup by a name a user typed', () => {
    const name = '</script><script>alert(1)</script><!--';
    const answers: FirstAnswers = {
      'access.state': { ok: true, value: { session: { name } } },
      'preferences.get': { ok: false, error: { code: 'offline', message: 'Geen verbinding <b>nu</b>' } },
    };
    const served = pageWithFirstAnswers(page, answers);
    // One script element only, ending where the block ends; the name comes back intact.
    expect(served.match(/<script/g)).toHaveLength(1);
    expect(JSON.parse(blockText(served) ?? '')).toEqual(answers);
  });
});
