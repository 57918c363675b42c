import { Alert, App, Button, Drawer, Flex, Form } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionDef } from '../../../domain/settings/types';
import { validateChange } from '../../../domain/settings/validate';
import { showServerErrors } from '../app/serverErrors';
import { useLang } from '../app/useLang';
import { CatalogueField } from '../fields/CatalogueField';
import { isChanged, toFormValue } from '../fields/formValues';
import type { ListItem } from '../../../electron/services/lists/listService';
import { useCreateItemMutation, useUpdateItemMutation } from '../store/api';

interface Props {
  def: CollectionDef;
  /** The item being edited, or null for a new one. */
  item: ListItem | null;
  title: string;
  canEdit: boolean;
  onClose: () => void;
  /** What a list adds below the fields: a user's password and PIN, a template's preview. */
  children?: (form: ReturnType<typeof Form.useForm>[0]) => ReactNode;
}

/** Create or edit one list item in a form generated from the catalogue, like a settings group. */
export function ItemDrawer({ def, item, title, canEdit, onClose, children }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [create, creating] = useCreateItemMutation();
  const [update, updating] = useUpdateItemMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const fields = useMemo(() => def.fields.filter((field) => !field.secure), [def]);
  const stored = useMemo(() => item?.values ?? Object.fromEntries(fields.map((field) => [field.key, field.default])), [item, fields]);
  const initial = useMemo(() => Object.fromEntries(fields.map((field) => [field.key, toFormValue(field, stored[field.key])])), [fields, stored]);
  const formName = `${def.key}-item`;

  useEffect(() => form.setFieldsValue(initial), [form, initial]);

  function checkAsTyped(values: Record<string, unknown>) {
    const changes = Object.fromEntries(fields.filter((f) => !f.readOnly && isChanged(f, values[f.key], stored[f.key])).map((f) => [f.key, values[f.key]]));
    const result = validateChange(def, stored, changes, { lang });
    const errors = result.ok ? [] : result.errors;
    form.setFields(fields.map((field) => ({ name: field.key, errors: errors.filter((e) => e.field === field.key).map((e) => e.message) })));
  }

  async function save() {
    setProblem(null);
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    const editable = fields.filter((field) => !field.readOnly);
    const result = item
      ? await update({ collection: def.key, id: item.id, changes: Object.fromEntries(editable.filter((f) => isChanged(f, values[f.key], stored[f.key])).map((f) => [f.key, values[f.key]])) })
      : await create({ collection: def.key, values: Object.fromEntries(editable.map((f) => [f.key, values[f.key]])) });
    if ('error' in result) return setProblem(showServerErrors(form, result.error, fields.map((f) => f.key)));
    void message.success(t('list.saved', { name: String(result.data.values[def.titleField] ?? def.itemLabel[lang]) }));
    onClose();
  }

  return (
    <Drawer open title={title} width={def.key === 'emailTemplates' ? 960 : 560} onClose={onClose} destroyOnHidden>
      <Form form={form} name={formName} layout="vertical" initialValues={initial} onValuesChange={(_, all) => checkAsTyped(all)} onFinish={() => void save()} disabled={!canEdit} requiredMark>
        {problem && <Alert type="error" showIcon message={problem} role="alert" style={{ marginBottom: 16 }} />}
        {fields.map((field) => (
          <CatalogueField key={field.key} field={field} formName={formName} />
        ))}
        {canEdit && (
          <Flex gap={8} style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={creating.isLoading || updating.isLoading}>
              {t('list.save')}
            </Button>
            <Button onClick={onClose}>{t('list.cancel')}</Button>
          </Flex>
        )}
      </Form>
      {children?.(form)}
    </Drawer>
  );
}
