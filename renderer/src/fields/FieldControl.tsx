import { Input, InputNumber, Select, Switch } from 'antd';
import type { FieldDef } from '../../../domain/settings/types';
import { useLang } from '../app/useLang';
import { UploadControl } from './UploadControl';
import { WidgetsControl } from './WidgetsControl';

interface Props {
  field: FieldDef;
  id?: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
  disabled?: boolean;
  /** The element that says why the field cannot be changed (locked by policy). */
  describedBy?: string;
  /** Options for fields that choose from a list the user keeps (sales channels). */
  listOptions?: { value: string; label: string }[];
  /** The settings group (or list) the field belongs to; an upload is checked against it. */
  group?: string;
}

const autoComplete: Partial<Record<string, string>> = { email: 'email', tel: 'tel', url: 'url', postcode: 'postal-code', country: 'country' };
const inputMode: Partial<Record<string, 'email' | 'tel' | 'url' | 'numeric' | 'text'>> = { email: 'email', tel: 'tel', url: 'url', kvk: 'numeric' };

/** The control for one catalogue field, chosen by its kind; Form.Item passes id, value and onChange. */
export function FieldControl({ field, id, value, onChange, disabled, describedBy, listOptions, group }: Props) {
  const lang = useLang();
  const options = field.options?.map((option) => ({ value: option.value, label: option.label[lang] })) ?? listOptions ?? [];
  const unit = field.unit?.[lang];
  const aria = describedBy ? { 'aria-describedby': describedBy } : {};

  switch (field.kind) {
    case 'toggle':
      return <Switch id={id} {...aria} checked={value === true} onChange={(checked) => onChange?.(checked)} disabled={disabled} />;
    case 'number':
      return (
        <InputNumber
          id={id}
          {...aria}
          value={typeof value === 'number' ? value : null}
          onChange={(next) => onChange?.(next ?? null)}
          min={field.min}
          max={field.max}
          precision={0}
          disabled={disabled}
          style={{ width: 200 }}
          {...(unit ? { suffix: unit } : {})}
        />
      );
    case 'money':
      return <Input id={id} {...aria} value={String(value ?? '')} onChange={(event) => onChange?.(event.target.value)} prefix="€" inputMode="decimal" disabled={disabled} style={{ width: 200 }} />;
    case 'select':
      return <Select id={id} {...aria} value={value as string} onChange={(next) => onChange?.(next)} options={options} disabled={disabled} style={{ maxWidth: 480 }} showSearch={options.length > 8} optionFilterProp="label" />;
    case 'multiSelect':
      return <Select id={id} mode="multiple" value={(value as string[]) ?? []} onChange={(next) => onChange?.(next)} options={options} disabled={disabled} style={{ maxWidth: 480 }} optionFilterProp="label" allowClear />;
    case 'orderedMultiSelect':
      return <WidgetsControl id={id} field={field} value={(value as string[]) ?? []} onChange={(next) => onChange?.(next)} disabled={disabled} />;
    case 'longText':
      return <Input.TextArea id={id} {...aria} value={String(value ?? '')} onChange={(event) => onChange?.(event.target.value)} autoSize={{ minRows: 3, maxRows: 14 }} disabled={disabled} style={{ maxWidth: 640, fontFamily: field.key.endsWith('Footnote') ? 'monospace' : undefined }} />;
    case 'image':
    case 'pdf':
      return <UploadControl id={id} field={field} group={group ?? ''} value={value} onChange={(next) => onChange?.(next)} disabled={disabled} />;
    case 'text':
      return (
        <Input
          id={id}
          {...aria}
          value={String(value ?? '')}
          onChange={(event) => onChange?.(event.target.value)}
          disabled={disabled || field.readOnly}
          autoComplete={field.input ? (autoComplete[field.input] ?? 'off') : 'off'}
          inputMode={field.input ? inputMode[field.input] : undefined}
          style={{ maxWidth: 480 }}
        />
      );
    case 'secret':
      // Secrets never travel with the form; SecretField edits them through the keychain calls.
      return null;
  }
}
