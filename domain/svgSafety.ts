/**
 * Whether an SVG logo is only a drawing. The app shows SVGs in <img> (where nothing in them runs),
 * but the logo also goes to customers as the mail attachment logo.svg, and an SVG opened in a
 * browser runs its scripts and loads what it links to. So an SVG is refused when it has anything
 * that runs or reaches outside the file: a script element, an event attribute (onload=…), a
 * javascript: URL, a <foreignObject> (HTML inside the drawing), an href, src or CSS url() to
 * anything but a #fragment of the file itself, a CSS @import, an animation that sets an href or
 * event attribute, entity declarations (which could spell any of these in pieces), HTML elements,
 * or a character encoding this check cannot read the way a browser would. This is a
 * refusal, not a clean-up: a logo is a drawing, and any design tool can export it without these.
 */

/** Character references (&#106; &#x6A;) and the XML entities decoded, so an encoded name is still seen. */
function decodeReferences(text: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  let decoded = text;
  // Twice, so a reference written as another reference (&amp;#106;) is decoded as well.
  for (let round = 0; round < 2; round += 1) {
    decoded = decoded.replace(/&(#x[0-9a-f]+|#[0-9]+|lt|gt|amp|quot|apos);?/gi, (whole, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith('#')) {
        const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
        const inRange =
          code > 0 &&
          // Stryker disable next-line EqualityOperator: dropping U+10FFFF (a noncharacter) instead of keeping it could only refuse more.
          code <= 0x10ffff;
        return inRange ? String.fromCodePoint(code) : '';
      }
      return named[lower] ?? whole;
    });
  }
  return decoded;
}

/** A name with an optional namespace prefix (svg:script, xlink:href). */
const prefixed = (name: string) => `(?:[\\w.-]+:)?${name}`;

const unsafe: readonly RegExp[] = [
  new RegExp(`<\\s*${prefixed('(?:script|foreignObject|iframe|embed|object)')}\\b`, 'i'),
  new RegExp(`(?:^|[\\s"'/])${prefixed('on[\\w-]+')}\\s*=`, 'i'),
  new RegExp(`(?:^|[\\s"'/])${prefixed('(?:href|src)')}\\s*=\\s*(?!["']\\s*#)`, 'i'),
  /url\s*\(\s*(?!["']?\s*#)/i,
  /@import/i,
  new RegExp(`attributeName\\s*=\\s*["']\\s*${prefixed('(?:href|on[\\w-]*)')}`, 'i'),
  /<!ENTITY/i,
  // HTML elements in an SVG (meta refresh, forms, frames) act in a browser just like in a page.
  /http:\/\/www\.w3\.org\/1999\/xhtml/i,
  // Decoded here as UTF-8; an encoding that would spell other letters in a browser is not checked.
  /<\?xml[^>]*\bencoding\s*=\s*["'](?!(?:utf-8|us-ascii|iso-8859-1|windows-1252)["'])/i,
];

/** Letters that browsers drop from a URL scheme (tabs, newlines, spaces, control characters). */
const ignoredInScheme = /[\u0000-\u0020\u007f]+/g;

export function isSafeSvg(text: string): boolean {
  const decoded = decodeReferences(text);
  if (/javascript:|vbscript:/i.test(decoded.replace(ignoredInScheme, ''))) return false;
  return !unsafe.some((pattern) => pattern.test(text) || pattern.test(decoded));
}
