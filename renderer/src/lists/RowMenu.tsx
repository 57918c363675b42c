import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One thing a row's Acties menu can do, named in words. */
export interface RowAction {
  key: string;
  label: string;
  icon?: ReactNode;
  danger?: boolean;
  disabled?: boolean;
  run(): void;
}

/**
 * A row's actions behind one small button, so a table keeps the width of its data at 1024 and
 * 1280 pixels however many actions a list has (a webhook has five). A menu rather than tooltips on
 * icon buttons: each action has its label in words, and nothing floats over the next row to catch
 * its clicks. Keyboard: Enter or Space opens the menu with the focus in it, the arrow keys move,
 * Enter runs an action, Escape closes it and gives the focus back to the button.
 */
export function RowMenu({ name, actions }: { name: string; actions: readonly RowAction[] }) {
  const { t } = useTranslation();
  if (actions.length === 0) return null;
  return (
    <Dropdown
      trigger={['click']}
      autoFocus
      menu={{
        // The icon's own name ("arrow-up") is kept out of the entry's name, which is its label alone.
        items: actions.map(({ key, label, icon, danger, disabled }) => ({ key, label, icon: icon && <span aria-hidden>{icon}</span>, danger, disabled })),
        onClick: ({ key }) => actions.find((action) => action.key === key)?.run(),
      }}
    >
      <Button size="small" icon={<MoreOutlined />} aria-label={t('list.more', { name })} />
    </Dropdown>
  );
}
