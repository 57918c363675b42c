import type { FormInstance } from 'antd';
import type { Failure } from '../../../domain/result';

export function isFailure(error: unknown): error is Failure {
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/**
 * Puts the main process's refusal on the fields it names and returns the message for above the
 * form: the refusal itself ("Niet opgeslagen: …") plus whatever concerns no field on screen.
 */
export function showServerErrors(form: FormInstance, error: unknown, knownFields: readonly string[]): string {
  if (!isFailure(error)) return String(error);
  const onFields = (error.fields ?? []).filter((field) => knownFields.includes(field.field));
  form.setFields(onFields.map((field) => ({ name: field.field, errors: [field.message] })));
  const elsewhere = (error.fields ?? []).filter((field) => !knownFields.includes(field.field));
  return [error.message, ...elsewhere.map((field) => field.message)].join(' ');
}
