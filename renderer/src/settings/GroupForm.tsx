import { Alert, App, Button, Flex, Form, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findGroup } from '../../../domain/settings/catalogue';
import type { GroupDef, TreeNode } from '../../../domain/settings/types';
import { formatDateTime } from '../app/formatDate';
import { showServerErrors } from '../app/serverErrors';
import { useLang } from '../app/useLang';
import { useSession } from '../app/useSession';
import { usePolicy } from '../policy/usePolicy';
import { CatalogueField, VisibleWhen } from '../fields/CatalogueField';
import { useCatalogueForm } from '../fields/useCatalogueForm';
import { SecretField } from '../fields/SecretField';
import { useSettingsSnapshotQuery, useWriteSettingsMutation } from '../store/api';
import { useAppDispatch, useAppSelector } from '../store/store';
import { highlightShown, setDirty } from '../store/ui';
import { FieldHistory } from './FieldHistory';
import { PreviewButtons } from '../print/PreviewButtons';
import { editPermission } from './sections';

type Values = Record<string, unknown>;

/**
 * The form of one settings group, generated from the catalogue. Checks as the user types with the
 * same rules the main process applies, sends only the changed fields, and shows the main
 * process's answer on the fields it names.
 */
export function GroupForm({ node, groupKey }: { node: TreeNode; groupKey: string }) {
  const group = findGroup(groupKey) as GroupDef;
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const { can } = useSession();
  const policy = usePolicy();
  const dispatch = useAppDispatch();
  const highlight = useAppSelector((state) => state.ui.highlight);
  const snapshot = useSettingsSnapshotQuery();
  const [write, writing] = useWriteSettingsMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const state = snapshot.data?.[groupKey];
  const canEdit = can(editPermission(node));
  const stored = useMemo(() => state?.values ?? {}, [state]);
  const { form, initial, changesOf, checkAsTyped: check, fieldKeys } = useCatalogueForm(group, stored);

  // Fresh values from the store (after a save, or a change in another window) are not unsaved.
  useEffect(() => {
    dispatch(setDirty({ section: node.key, dirty: false }));
  }, [initial, dispatch, node.key]);

  useEffect(() => {
    // Wait for the form: a deep link opened on start arrives before the group's values do.
    if (highlight?.section !== node.key || !state) return;
    const element = document.querySelector<HTMLElement>(`[data-field="${highlight.field}"]`);
    if (element) {
      element.scrollIntoView({ block: 'center' });
      element.classList.add('bo-highlight');
      element.querySelector<HTMLElement>('input, textarea, button, [role="combobox"]')?.focus();
      window.setTimeout(() => element.classList.remove('bo-highlight'), 2500);
    }
    dispatch(highlightShown());
  }, [highlight, node.key, dispatch, state]);

  function checkAsTyped(values: Values) {
    dispatch(setDirty({ section: node.key, dirty: Object.keys(check(values)).length > 0 }));
  }

  async function save() {
    setProblem(null);
    const changes = changesOf(form.getFieldsValue(true));
    if (Object.keys(changes).length === 0) return void message.info(t('form.nothingChanged'));
    const result = await write({ group: groupKey, changes });
    if ('error' in result) return setProblem(showServerErrors(form, result.error, fieldKeys));
    dispatch(setDirty({ section: node.key, dirty: false }));
    void message.success(t('form.saved', { section: node.label[lang] }));
  }

  if (!state) return null;
  return (
    <Form form={form} name={groupKey} layout="vertical" initialValues={initial} onValuesChange={(_, all) => checkAsTyped(all)} onFinish={() => void save()} disabled={!canEdit} requiredMark>
      {group.help && <Typography.Paragraph type="secondary">{group.help[lang]}</Typography.Paragraph>}
      <Typography.Paragraph type="secondary" data-testid="last-changed">
        {state.updatedBy && state.updatedAt ? t('form.lastChanged', { by: state.updatedBy, date: formatDateTime(state.updatedAt, i18n.language) }) : t('form.neverChanged')}
      </Typography.Paragraph>
      {!canEdit && <Alert type="info" showIcon message={t('form.readOnly')} style={{ marginBottom: 16 }} />}
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} role="alert" />}
      {group.fields.map((field) =>
        field.secure ? (
          <VisibleWhen key={field.key} field={field}>
            <SecretField groupKey={groupKey} field={field} disabled={!canEdit} />
          </VisibleWhen>
        ) : (
          <CatalogueField
            key={field.key}
            field={field}
            formName={groupKey}
            locked={policy.isLocked(groupKey, field.key)}
            beside={<FieldHistory group={groupKey} field={field.key} label={field.label[lang]} />}
          />
        ),
      )}
      {canEdit && (
        <Flex gap={8} wrap style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '12px 0', borderTop: '1px solid #f0f0f0' }}>
          <Button type="primary" htmlType="submit" loading={writing.isLoading}>
            {t('form.save')}
          </Button>
          <Button
            onClick={() => {
              form.setFieldsValue(initial);
              checkAsTyped(initial);
            }}
          >
            {t('form.discard')}
          </Button>
          <PreviewButtons groupKey={groupKey} />
        </Flex>
      )}
    </Form>
  );
}
