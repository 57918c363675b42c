import { Liquid } from 'liquidjs';
import { samplePlaceholderValues } from '../../../domain/lists/emailTemplates';

/**
 * E-mail templates are Liquid (`{{ customer.name }}`): one syntax, escaped as HTML on output so a
 * customer's name can never inject markup, and strict so a misspelt placeholder is an error
 * rather than an empty gap in a mail to a customer.
 */
/**
 * Bounds on one render, so a template with a huge loop cannot freeze the back end or fill its
 * memory: a mail template renders in a few milliseconds, so 250 ms is far above any real one and
 * short enough that other calls wait at most that long. `memoryLimit` counts the items and
 * characters Liquid's loops and filters create.
 */
export const renderBounds = { parseLimit: 100_000, renderLimit: 250, memoryLimit: 2_000_000 };

const engine = new Liquid({ strictVariables: true, strictFilters: true, outputEscape: 'escape', ownPropertyOnly: true, ...renderBounds });
/** For what is not HTML (a subject line, the plain-text part): "Jansen & Zn" must stay "Jansen & Zn". */
const plainEngine = new Liquid({ strictVariables: true, strictFilters: true, ownPropertyOnly: true, ...renderBounds });

/** A template that asks for more time or memory than any mail needs; the caller names the field. */
export class TemplateTooHeavyError extends Error {
  readonly reason = 'templates.tooHeavy';
}

export interface TemplateProblem {
  reason: 'templates.syntax' | 'templates.unclosed' | 'templates.unknownTag' | 'templates.unknownFilter' | 'templates.unknownPlaceholder';
  values: Record<string, string | number>;
}

/**
 * Liquid's parser speaks English ("tag {% if x %} not closed, line:1, col:7"); the user hears
 * what went wrong and on which line in their own language, never the parser's sentence.
 */
function describeParseError(error: unknown): TemplateProblem {
  // Stryker disable next-line StringLiteral: Liquid throws Errors; the fallback only keeps a stray throw from breaking the check.
  const message = error instanceof Error ? error.message : '';
  const position = (error as { token?: { getPosition?: () => [number, number] } }).token?.getPosition?.();
  const line = position?.[0] ?? 1;
  // Liquid's messages begin with these words; a group that matched always has its text.
  // Stryker disable next-line Regex: see above.
  const unknownTag = /^tag "([^"]+)" not found/.exec(message);
  // Stryker disable next-line StringLiteral: see above.
  if (unknownTag) return { reason: 'templates.unknownTag', values: { line, name: unknownTag[1] ?? '' } };
  // Stryker disable next-line Regex: see above.
  const unknownFilter = /^undefined filter: ([^\s,]+)/.exec(message);
  // Stryker disable next-line StringLiteral: see above.
  if (unknownFilter) return { reason: 'templates.unknownFilter', values: { line, name: unknownFilter[1] ?? '' } };
  if (/not closed/.test(message)) return { reason: 'templates.unclosed', values: { line } };
  return { reason: 'templates.syntax', values: { line } };
}

/** Parses the text and checks every placeholder it uses against those the template offers. */
export function checkTemplate(text: string, offered: readonly string[]): TemplateProblem | null {
  let used: string[];
  try {
    used = engine.globalFullVariablesSync(text);
  } catch (error) {
    return describeParseError(error);
  }
  const unknown = used.find((name) => !offered.includes(name));
  return unknown ? { reason: 'templates.unknownPlaceholder', values: { name: unknown } } : null;
}

/** `{'order.number': 'S4-1'}` → `{order: {number: 'S4-1'}}`, the shape Liquid reads. */
function nest(values: Readonly<Record<string, string>>): Record<string, unknown> {
  const root: Record<string, Record<string, string>> = {};
  for (const [path, value] of Object.entries(values)) {
    // Stryker disable next-line StringLiteral: every placeholder is `object.field`, so both parts are always there.
    const [object = '', field = ''] = path.split('.');
    root[object] = { ...root[object], [field]: value };
  }
  return root;
}

/** Renders within `renderBounds`; throws TemplateTooHeavyError past them, never running on. */
export function renderTemplate(text: string, values: Readonly<Record<string, string>> = samplePlaceholderValues, as: 'html' | 'plain' = 'html'): string {
  try {
    return (as === 'html' ? engine : plainEngine).parseAndRenderSync(text, nest(values));
  } catch (error) {
    if (/limit exceeded/.test((error as Error).message)) throw new TemplateTooHeavyError((error as Error).message);
    throw error;
  }
}
