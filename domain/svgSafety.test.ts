import { describe, expect, it } from 'vitest';
import { isSafeSvg } from './svgSafety';

const svg = (inner: string, attributes = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes}>${inner}</svg>`;

describe('an SVG logo that only draws', () => {
  it('is taken with local gradients and references, text and an ordinary encoding', () => {
    expect(isSafeSvg(svg('<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use href="#g"/><text>Fietsen &amp; onderdelen</text>'))).toBe(true);
    expect(isSafeSvg(`<?xml version="1.0" encoding="ISO-8859-1"?>${svg('<circle r="4"/>')}`)).toBe(true);
  });

  it('is taken when the text only mentions a script after two rounds of references', () => {
    // Decoded twice (enough for a reference written as a reference); what is left is shown as text.
    expect(isSafeSvg(svg('<text>&amp;amp;lt;script&amp;amp;gt;</text>'))).toBe(true);
  });
});

describe('a hostile SVG logo is refused', () => {
  it.each([
    ['a script element', '<script>alert(1)</script>'],
    ['a foreignObject with HTML', '<foreignObject><p>hallo</p></foreignObject>'],
    ['an iframe, embed or object', '<iframe src="#a"/>'],
    ['an event handler', '<rect onmouseover="alert(1)"/>'],
    ['a link to a website', '<a href="https://evil.example/"><rect/></a>'],
    ['an external image', '<image xlink:href="https://evil.example/pixel.png"/>'],
    ['a CSS url() to a website', '<rect style="fill:url(https://evil.example/t)"/>'],
    ['a CSS @import', '<style>@import url(#x);</style>'],
    ['an animation setting an event handler', '<set attributeName="onclick" to="alert(1)"/>'],
  ])('with %s', (_what, inner) => {
    expect(isSafeSvg(svg(inner))).toBe(false);
  });

  it('when a script or handler is spelled with the XML entities, as references, or as references in references', () => {
    expect(isSafeSvg(svg('<text>&lt;script&gt;alert(1)&lt;/script&gt;</text>'))).toBe(false);
    expect(isSafeSvg(svg('<text>&amp;lt;script&amp;gt;alert(1)</text>'))).toBe(false);
    expect(isSafeSvg(svg('<set attributeName=&quot;href&quot; to="https://evil.example"/>'))).toBe(false);
    expect(isSafeSvg(svg("<set attributeName=&apos;onclick&apos; to=\"alert(1)\"/>"))).toBe(false);
    expect(isSafeSvg(svg('<rect o&#x6e;click="alert(1)"/>'))).toBe(false);
    expect(isSafeSvg(svg('<rect o&#X6E;click="alert(1)"/>'))).toBe(false);
    expect(isSafeSvg(svg('<rect o&#110click="alert(1)"/>'))).toBe(false);
  });

  it('when a reference is empty or out of range, which the check drops without failing', () => {
    expect(isSafeSvg(svg('<rect o&#0;nclick="alert(1)"/>'))).toBe(false);
    expect(isSafeSvg(svg('<rect o&#x110000;nclick="alert(1)"/>'))).toBe(false);
  });

  it('when it says javascript: or vbscript: anywhere, also split by tabs or written as references', () => {
    expect(isSafeSvg(svg('<desc>javascript:alert(1)</desc>'))).toBe(false);
    expect(isSafeSvg(svg('<desc>VBScript:msgbox(1)</desc>'))).toBe(false);
    expect(isSafeSvg(svg('<desc>java\tscript:alert(1)</desc>'))).toBe(false);
    expect(isSafeSvg(svg('<desc>&#x6a;ava&#x0A;script:alert(1)</desc>'))).toBe(false);
  });
});
