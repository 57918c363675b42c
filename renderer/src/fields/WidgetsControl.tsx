import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, List, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '../../../domain/settings/types';
import { useLang } from '../app/useLang';

interface Props {
  field: FieldDef;
  id?: string;
  value: string[];
  onChange: (value: string[]) => void;
  disabled?: boolean;
}

/** The dashboard widgets: an ordered choice, at most `field.max`; dragged with the mouse, or moved with buttons so the keyboard can do it all. */
export function WidgetsControl({ field, id, value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const max = field.max ?? 9;
  const nameOf = (key: string) => field.options?.find((option) => option.value === key)?.label[lang] ?? key;
  const available = (field.options ?? []).filter((option) => !value.includes(option.value));
  const full = value.length >= max;
  const moveTo = (from: number, to: number) => {
    const next = [...value];
    const [item] = next.splice(from, 1);
    if (item !== undefined) next.splice(to, 0, item);
    onChange(next);
  };
  const move = (index: number, by: -1 | 1) => moveTo(index, index + by);
  const [dragging, setDragging] = useState<number | null>(null);
  // Letting go anywhere else cancels the drag.
  useEffect(() => {
    if (dragging === null) return undefined;
    const cancel = () => setDragging(null);
    window.addEventListener('pointerup', cancel);
    return () => window.removeEventListener('pointerup', cancel);
  }, [dragging]);

  return (
    <Flex vertical gap={12} style={{ maxWidth: 520 }}>
      <Typography.Text type="secondary">{t('widgets.count', { count: value.length, max })}</Typography.Text>
      <List
        bordered
        size="small"
        dataSource={value}
        renderItem={(key, index) => (
          <List.Item
            // Pointer events rather than native HTML5 drag and drop: the same for mouse, pen and
            // touch, and no ghost image that can get stuck between windows.
            onPointerDown={(event) => {
              if (!disabled && !(event.target as HTMLElement).closest('button')) setDragging(index);
            }}
            onPointerUp={() => {
              if (dragging !== null && dragging !== index) moveTo(dragging, index);
              setDragging(null);
            }}
            style={{ cursor: disabled ? undefined : dragging === null ? 'grab' : 'grabbing', userSelect: 'none', background: dragging === index ? '#e6f4ef' : undefined }}
            actions={[
              <Button key="up" size="small" icon={<ArrowUpOutlined />} aria-label={t('widgets.up', { name: nameOf(key) })} disabled={disabled || index === 0} onClick={() => move(index, -1)} />,
              <Button key="down" size="small" icon={<ArrowDownOutlined />} aria-label={t('widgets.down', { name: nameOf(key) })} disabled={disabled || index === value.length - 1} onClick={() => move(index, 1)} />,
              <Button key="remove" size="small" danger icon={<DeleteOutlined />} aria-label={t('widgets.remove', { name: nameOf(key) })} disabled={disabled} onClick={() => onChange(value.filter((item) => item !== key))} />,
            ]}
          >
            {index + 1}. {nameOf(key)}
          </List.Item>
        )}
      />
      {full && <Alert type="info" showIcon message={t('widgets.full', { max })} role="status" />}
      <Flex gap={8}>
        <Select
          id={id}
          aria-label={t('widgets.add')}
          placeholder={t('widgets.choose')}
          value={null}
          disabled={disabled || full}
          options={available.map((option) => ({ value: option.value, label: option.label[lang] }))}
          onChange={(key: string) => onChange([...value, key])}
          style={{ width: 280 }}
        />
        <Button onClick={() => onChange(field.default as string[])} disabled={disabled}>
          {t('widgets.reset')}
        </Button>
      </Flex>
      <div aria-label={t('widgets.preview')} role="img" className="bo-widget-grid">
        {value.map((key) => (
          <div key={key} className="bo-widget-tile">
            {nameOf(key)}
          </div>
        ))}
      </div>
    </Flex>
  );
}
