import type { Result } from './result';

/** The calls whose answers decide the first screen: who is signed in (or setup), and in which language. */
export const firstCalls = ['access.state', 'preferences.get'] as const;
export type FirstCall = (typeof firstCalls)[number];
export type FirstAnswers = Record<FirstCall, Result<unknown>>;

/** The page's JSON data block that carries them; the renderer reads it before its first render. */
export const firstAnswersElementId = 'first-answers';

/**
 * The page with the first screen's answers in it, as both hosts serve it: the first render can
 * draw that screen without waiting for a round trip. A JSON data block (type application/json) is
 * never run, so the CSP's `script-src 'self'` stays as it is; `<` is written as \u003c so no value
 * (a shop's or user's name) can close the element or open markup.
 */
export function pageWithFirstAnswers(html: string, answers: FirstAnswers): string {
  const json = JSON.stringify(answers).replace(/</g, '\\u003c');
  const block = `<script type="application/json" id="${firstAnswersElementId}">${json}</script>`;
  const head = html.indexOf('</head>');
  return head < 0 ? html : `${html.slice(0, head)}${block}\n  ${html.slice(head)}`;
}
