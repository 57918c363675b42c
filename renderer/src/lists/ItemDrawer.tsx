import { Alert, App, Button, Drawer, Flex, Form, Input, type FormInstance } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionDef } from '../../../domain/settings/types';
import { showServerErrors } from '../app/serverErrors';
import { useLang } from '../app/useLang';
import { CatalogueField } from '../fields/CatalogueField';
import { useCatalogueForm } from '../fields/useCatalogueForm';
import type { ListItem } from '../../../domain/lists/listItem';
import { useCreateItemMutation, useCreateUserMutation, useUpdateItemMutation } from '../store/api';
import { useAppDispatch, useAppSelector } from '../store/store';
import { leaveAsked, setDirty } from '../store/ui';

interface Props {
  def: CollectionDef;
  /** The list's section: unsaved edits here make leaving it, closing the window or signing out ask first. */
  section: string;
  /** The item being edited, or null for a new one. */
  item: ListItem | null;
  title: string;
  canEdit: boolean;
  onClose: () => void;
  /** What a list adds below the fields: a user's password and PIN, a template's preview. */
  children?: (form: FormInstance) => ReactNode;
}

/** Create or edit one list item in a form generated from the catalogue, like a settings group. */
export function ItemDrawer({ def, section, item, title, canEdit, onClose, children }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const dispatch = useAppDispatch();
  const [create, creating] = useCreateItemMutation();
  const [createUser, creatingUser] = useCreateUserMutation();
  // A new user is created with a first password in the same step, never without one.
  const needsFirstPassword = def.key === 'users' && !item;
  const [update, updating] = useUpdateItemMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const stored = useMemo(() => item?.values ?? Object.fromEntries(def.fields.map((field) => [field.key, field.default])), [item, def]);
  const { form, fields, initial, changesOf, checkAsTyped: checkFields, fieldKeys } = useCatalogueForm(def, stored);
  const formName = `${def.key}-item`;

  // Closing (Escape, the cross, the mask, Cancel or Save) puts focus back on the button that opened the
  // drawer, so a keyboard user carries on where they were instead of at the top of the page.
  const opener = useRef(document.activeElement instanceof HTMLElement ? document.activeElement : null);
  useEffect(() => {
    const back = opener.current;
    return () => {
      if (back?.isConnected) back.focus();
    };
  }, []);

  // However the drawer closes (saved, cancelled, the section left), its edits no longer count as unsaved.
  useEffect(() => () => void dispatch(setDirty({ section, dirty: false })), [dispatch, section]);

  // Escape, the mask and the cross close a form with edits only after the question leaving a form
  // asks (UnsavedChangesQuestion). Its answer is read from the store: the question has gone and the
  // edits with it (closed), or the question has gone and the edits are still unsaved (stay).
  const unsaved = useAppSelector((state) => state.ui.dirtySection === section);
  const asking = useAppSelector((state) => state.ui.leaving !== null && 'closeItemForm' in state.ui.leaving);
  const closeAsked = useRef(false);
  useEffect(() => {
    if (asking || !closeAsked.current) return;
    closeAsked.current = false;
    if (!unsaved) onClose();
  }, [asking, unsaved, onClose]);

  // The field last in use: staying after the question puts the focus back there, not on the cross or behind the mask.
  const fieldArea = useRef<HTMLDivElement>(null);
  const lastField = useRef<HTMLElement | null>(null);

  function askToClose() {
    if (!unsaved) return onClose();
    const field = lastField.current?.isConnected ? lastField.current : fieldArea.current?.querySelector<HTMLElement>('input:not([disabled]), textarea:not([disabled])');
    // The question hands the focus back to whatever held it when it opened.
    field?.focus();
    closeAsked.current = true;
    dispatch(leaveAsked({ closeItemForm: true }));
  }

  function checkAsTyped(values: Record<string, unknown>) {
    const changed = Object.keys(checkFields(values)).length > 0 || (needsFirstPassword && String(values.password ?? '') !== '');
    dispatch(setDirty({ section, dirty: changed }));
  }

  async function save() {
    setProblem(null);
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    const newValues = Object.fromEntries(fields.filter((f) => !f.readOnly).map((f) => [f.key, values[f.key]]));
    const result = item
      ? await update({ collection: def.key, id: item.id, changes: changesOf(values) })
      : needsFirstPassword
        ? await createUser({ values: newValues, password: String(values.password ?? '') })
        : await create({ collection: def.key, values: newValues });
    if ('error' in result) return setProblem(showServerErrors(form, result.error, [...fieldKeys, 'password']));
    void message.success(t('list.saved', { name: String(result.data.values[def.titleField] ?? def.itemLabel[lang]) }));
    onClose();
  }

  return (
    <Drawer open title={title} width={def.key === 'emailTemplates' ? 960 : 560} onClose={askToClose} destroyOnHidden>
      <Form form={form} name={formName} layout="vertical" initialValues={initial} onValuesChange={(_, all) => checkAsTyped(all)} onFinish={() => void save()} disabled={!canEdit} requiredMark>
        {problem && <Alert type="error" showIcon message={problem} role="alert" style={{ marginBottom: 16 }} />}
        <div ref={fieldArea} onFocus={(event) => (lastField.current = event.target)}>
          {fields.map((field) => (
            <CatalogueField key={field.key} field={field} formName={formName} />
          ))}
          {needsFirstPassword && (
            <Form.Item name="password" label={t('users.firstPassword')} extra={t('users.firstPasswordHelp')} required>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
        </div>
        {canEdit && (
          <Flex gap={8} style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={creating.isLoading || creatingUser.isLoading || updating.isLoading}>
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
