import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useRef, type ReactNode } from 'react';
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
 * Enter runs an action, Escape closes it; either way the focus is back on the button.
 */
export function RowMenu({ name, actions }: { name: string; actions: readonly RowAction[] }) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  if (actions.length === 0) return null;
  return (
    <Dropdown
      trigger={['click']}
      autoFocus
      menu={{
        // The icon's own name ("arrow-up") is kept out of the entry's name, which is its label alone.
        items: actions.map(({ key, label, icon, danger, disabled }) => ({ key, label, icon: icon && <span aria-hidden>{icon}</span>, danger, disabled })),
        // The focus goes back to the button first, so a keyboard user stays on the row, and a dialog
        // the action opens gives it back there when it closes. Enter's keydown is kept from becoming
        // a keypress: that would land on the dialog's focused button and press it too (Verwijderen
        // would remove at once, its confirmation answered "Ja" by the same key).
        onClick: ({ key, domEvent }) => {
          domEvent.preventDefault();
          button.current?.focus();
          actions.find((action) => action.key === key)?.run();
        },
      }}
    >
      <Button ref={button} size="small" icon={<MoreOutlined />} aria-label={t('list.more', { name })} data-row-menu />
    </Dropdown>
  );
}
