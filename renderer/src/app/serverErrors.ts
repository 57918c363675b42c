import type { FormInstance } from 'antd';
import type { Failure } from '../../../domain/result';

export function isFailure(error: unknown): error is Failure {
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/**
 * The message for above a form: the refusal itself ("Niet opgeslagen: …") plus whatever concerns
 * no field on screen (`knownFields` are the ones that show their own message).
 */
export function refusalText(error: unknown, knownFields: readonly string[]): string {
  if (!isFailure(error)) return String(error);
  const elsewhere = (error.fields ?? []).filter((field) => !knownFields.includes(field.field));
  return [error.message, ...elsewhere.map((field) => field.message)].join(' ');
}

/** Puts the main process's refusal on the antd form's fields it names and returns the message for above the form. */
export function showServerErrors(form: FormInstance, error: unknown, knownFields: readonly string[]): string {
  if (!isFailure(error)) return String(error);
  const onFields = (error.fields ?? []).filter((field) => knownFields.includes(field.field));
  form.setFields(onFields.map((field) => ({ name: field.field, errors: [field.message] })));
  return refusalText(error, knownFields);
}
