import { Liquid } from 'liquidjs';
import { samplePlaceholderValues } from '../../../domain/lists/emailTemplates';

/**
 * E-mail templates are Liquid (`{{ customer.name }}`): one syntax, escaped as HTML on output so a
 * customer's name can never inject markup, and strict so a misspelt placeholder is an error
 * rather than an empty gap in a mail to a customer.
 */
const engine = new Liquid({ strictVariables: true, strictFilters: true, outputEscape: 'escape', ownPropertyOnly: true });
/** For what is not HTML (a subject line, the plain-text part): "Jansen & Zn" must stay "Jansen & Zn". */
const plainEngine = new Liquid({ strictVariables: true, strictFilters: true, ownPropertyOnly: true });

export type TemplateProblem = { reason: 'templates.syntax'; detail: string } | { reason: 'templates.unknownPlaceholder'; name: string };

/** Parses the text and checks every placeholder it uses against those the template offers. */
export function checkTemplate(text: string, offered: readonly string[]): TemplateProblem | null {
  let used: string[];
  try {
    used = engine.globalFullVariablesSync(text);
  } catch (error) {
    return { reason: 'templates.syntax', detail: (error as Error).message.split(',')[0] ?? 'syntax' };
  }
  const unknown = used.find((name) => !offered.includes(name));
  return unknown ? { reason: 'templates.unknownPlaceholder', name: unknown } : null;
}

/** `{'order.number': 'S4-1'}` → `{order: {number: 'S4-1'}}`, the shape Liquid reads. */
function nest(values: Readonly<Record<string, string>>): Record<string, unknown> {
  const root: Record<string, Record<string, string>> = {};
  for (const [path, value] of Object.entries(values)) {
    const [object = '', field = ''] = path.split('.');
    root[object] = { ...root[object], [field]: value };
  }
  return root;
}

export function renderTemplate(text: string, values: Readonly<Record<string, string>> = samplePlaceholderValues, as: 'html' | 'plain' = 'html'): string {
  return (as === 'html' ? engine : plainEngine).parseAndRenderSync(text, nest(values));
}
