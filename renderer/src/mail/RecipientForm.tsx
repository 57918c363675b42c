import { Alert, Button, Flex, Input } from 'antd';
import { useId } from 'react';
import { isFailure } from '../app/serverErrors';

interface RecipientFormProps {
  label: string;
  sendLabel: string;
  to: string;
  onToChange: (to: string) => void;
  onSend: () => void;
  sending: boolean;
  /** The line shown once the mail server took the mail. */
  sentMessage: string | undefined;
  error: unknown;
  disabled: boolean;
  primary?: boolean;
}

/**
 * "Send a mail to this address" as the mail screens show it: the address, one button, then the
 * mail server's answer or the reason it refused. Used by the test mail and by a template's sample.
 */
export function RecipientForm({ label, sendLabel, to, onToChange, onSend, sending, sentMessage, error, disabled, primary = false }: RecipientFormProps) {
  const inputId = useId();
  return (
    <>
      <Flex gap={8} align="end" wrap>
        <div>
          <label htmlFor={inputId} style={{ display: 'block', marginBottom: 4 }}>
            {label}
          </label>
          <Input
            id={inputId}
            type="email"
            value={to}
            onChange={(event) => onToChange(event.target.value)}
            // Enter sends; inside a template's form it must not submit (save) the form around it.
            onPressEnter={(event) => {
              event.preventDefault();
              if (!disabled) onSend();
            }}
            style={{ width: 300 }}
            disabled={disabled}
          />
        </div>
        <Button type={primary ? 'primary' : 'default'} loading={sending} disabled={disabled} onClick={onSend}>
          {sendLabel}
        </Button>
      </Flex>
      {sentMessage && <Alert type="success" showIcon role="status" style={{ marginTop: 8 }} message={sentMessage} />}
      {isFailure(error) && <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} message={error.message} />}
    </>
  );
}
