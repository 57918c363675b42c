import { Form } from 'antd';
import { useEffect, useMemo } from 'react';
import type { CollectionDef, GroupDef } from '../../../domain/settings/types';
import { validateChange } from '../../../domain/settings/validate';
import { useLang } from '../app/useLang';
import { isChanged, toFormValue } from './formValues';

type Values = Record<string, unknown>;

/**
 * The form state of a settings group or list item: the editable fields (secrets never travel
 * with a form), the stored values as the controls show them, the fields that really changed, and
 * checking as the user types with the same rules the main process applies.
 */
export function useCatalogueForm(owner: GroupDef | CollectionDef, stored: Values) {
  const lang = useLang();
  const [form] = Form.useForm();
  const fields = useMemo(() => owner.fields.filter((field) => !field.secure), [owner]);
  const initial = useMemo(() => Object.fromEntries(fields.map((field) => [field.key, toFormValue(field, stored[field.key])])), [fields, stored]);

  useEffect(() => form.setFieldsValue(initial), [form, initial]);

  const changesOf = (values: Values): Values =>
    Object.fromEntries(fields.filter((field) => !field.readOnly && isChanged(field, values[field.key], stored[field.key])).map((field) => [field.key, values[field.key]]));

  /** Puts the refusals of the current values on their fields; returns what changed. */
  function checkAsTyped(values: Values): Values {
    const changes = changesOf(values);
    const result = validateChange(owner, stored, changes, { lang });
    const errors = result.ok ? [] : result.errors;
    form.setFields(fields.map((field) => ({ name: field.key, errors: errors.filter((error) => error.field === field.key).map((error) => error.message) })));
    return changes;
  }

  return { form, fields, initial, changesOf, checkAsTyped, fieldKeys: fields.map((field) => field.key) };
}
