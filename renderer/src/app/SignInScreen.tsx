import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { signInLimits } from '../../../domain/access/signInLimits';
import { useSignInMutation } from '../store/startApi';
import { CenteredCard } from './CenteredCard';
import { isFailure, refusalText } from './serverErrors';

type Field = keyof typeof signInLimits;
const fields: readonly Field[] = ['email', 'password'];

/**
 * E-mail and password. Plain markup and CSS (screens.css) rather than antd's form: this screen is
 * drawn from the first script, which carries no antd. Every refusal is the main process's own
 * message in the UI's language: one about a field (empty, too long) is shown under that field,
 * which is marked invalid and described by it, and the first such field gets the focus; any
 * other (a wrong password, a blocked account, a role without access to the back office) is shown
 * above the form and read out at once (role="alert"). The browser's own checks are off
 * (noValidate) so none of them comes in the browser's language.
 */
export function SignInScreen() {
  const { t } = useTranslation();
  const [signIn, { isLoading }] = useSignInMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const inputs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    setProblem(null);
    setFieldErrors({});
    const result = await signIn({ email: String(values.get('email') ?? ''), password: String(values.get('password') ?? '') });
    if (!('error' in result)) return;
    const refused = isFailure(result.error) ? (result.error.fields ?? []) : [];
    const onScreen = fields.filter((field) => refused.some((error) => error.field === field));
    const first = onScreen[0];
    if (first) {
      // Drawn first, so the focused field is already marked invalid and described by its message when a screen reader reads it.
      flushSync(() => {
        setFieldErrors(Object.fromEntries(refused.filter((error) => onScreen.includes(error.field as Field)).map((error) => [error.field, error.message])));
        const elsewhere = refused.filter((error) => !onScreen.includes(error.field as Field));
        setProblem(elsewhere.length > 0 ? elsewhere.map((error) => error.message).join(' ') : null);
      });
      inputs[first].current?.focus();
      return;
    }
    setProblem(refusalText(result.error, []));
    // A new try starts in the emptied password field, where the focus was before the button took it.
    const password = inputs.password.current;
    if (password) {
      password.value = '';
      password.focus();
    }
  }

  // Typing in a field takes its message away: it spoke of what was there before.
  const edited = (field: Field) => () => {
    if (fieldErrors[field]) setFieldErrors(({ [field]: _gone, ...rest }) => rest);
  };

  const input = (field: Field, type: string, autoComplete: string) => {
    const error = fieldErrors[field];
    const errorId = `signIn_${field}_error`;
    return (
      <>
        <label htmlFor={`signIn_${field}`}>{t(`signIn.${field}`)}</label>
        <input
          id={`signIn_${field}`}
          name={field}
          type={type}
          autoComplete={autoComplete}
          autoFocus={field === 'email'}
          required
          maxLength={signInLimits[field]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          ref={inputs[field]}
          onInput={edited(field)}
        />
        {error && (
          <p id={errorId} className="bo-field-error">
            {error}
          </p>
        )}
      </>
    );
  };

  return (
    <CenteredCard title={t('signIn.title')}>
      {problem && (
        <p className="bo-alert bo-alert-error" role="alert">
          {problem}
        </p>
      )}
      <form name="signIn" className="bo-form" onSubmit={(event) => void submit(event)} noValidate>
        {input('email', 'email', 'username')}
        {input('password', 'password', 'current-password')}
        <button type="submit" className="bo-button-primary" disabled={isLoading} aria-busy={isLoading}>
          {t('signIn.submit')}
        </button>
      </form>
    </CenteredCard>
  );
}
