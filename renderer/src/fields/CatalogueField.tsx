import { LockOutlined } from '@ant-design/icons';
import { Flex, Form, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '../../../domain/settings/types';
import { useLang } from '../app/useLang';
import { useListItemsQuery } from '../store/api';
import { FieldControl } from './FieldControl';

/** Shown only while the field it depends on has one of the listed values. */
function VisibleWhen({ field, children }: { field: FieldDef; children: ReactNode }) {
  const form = Form.useFormInstance();
  const watched: unknown = Form.useWatch(field.visibleIf?.field ?? '__none__', form);
  if (field.visibleIf && !field.visibleIf.in.includes(watched as never)) return null;
  return <>{children}</>;
}

/** Choices from a list the user keeps (sales channels), loaded only for fields that need them. */
function useListOptions(field: FieldDef) {
  const { data } = useListItemsQuery({ collection: field.optionsFrom ?? 'salesChannels' }, { skip: !field.optionsFrom });
  return field.optionsFrom ? (data ?? []).map((item) => ({ value: item.id, label: String(item.values.name ?? item.id) })) : undefined;
}

/** Beside a field IT fixed by policy: why it cannot be changed here. */
function LockedByPolicy({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" id={id} data-testid="policy-lock">
      <LockOutlined aria-hidden /> {t('policy.locked')}
    </Typography.Text>
  );
}

/**
 * One catalogue field in a form: its label (which is also the control's accessible name), help
 * text, control, and whatever sits beside it (the history button). Used by settings groups and
 * list items alike. A field locked by IT's policy shows its value, read-only, with a lock.
 */
export function CatalogueField({ field, formName, beside, disabled, locked }: { field: FieldDef; formName: string; beside?: ReactNode; disabled?: boolean; locked?: boolean }) {
  const lang = useLang();
  const listOptions = useListOptions(field);
  const lockId = `${formName}_${field.key}_policy`;
  return (
    <VisibleWhen field={field}>
      <div data-field={field.key} data-locked={locked ? 'policy' : undefined}>
        <Form.Item label={field.label[lang]} htmlFor={`${formName}_${field.key}`} extra={field.help?.[lang]} required={field.required}>
          <Flex align="flex-start" gap={4} wrap>
            <Form.Item name={field.key} noStyle>
              <FieldControl field={field} group={formName} listOptions={listOptions} disabled={disabled || field.readOnly || locked} describedBy={locked ? lockId : undefined} />
            </Form.Item>
            {beside}
          </Flex>
          {locked && <LockedByPolicy id={lockId} />}
        </Form.Item>
      </div>
    </VisibleWhen>
  );
}

export { VisibleWhen };
