import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignInMutation } from '../store/startApi';
import { CenteredCard } from './CenteredCard';
import { refusalText } from './serverErrors';

/**
 * E-mail and password. Plain markup and CSS (screens.css) rather than antd's form: this screen is
 * drawn from the first script, which carries no antd. Every refusal (a wrong password, a blocked
 * account, a role without access to the back office, an empty field) is the main process's own
 * message in the UI's language, shown above the form and read out at once (role="alert"); the
 * browser's own checks are off (noValidate) so none of them comes in the browser's language.
 */
export function SignInScreen() {
  const { t } = useTranslation();
  const [signIn, { isLoading }] = useSignInMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const password = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    setProblem(null);
    const result = await signIn({ email: String(values.get('email') ?? ''), password: String(values.get('password') ?? '') });
    if ('error' in result) {
      setProblem(refusalText(result.error, []));
      // A new try starts in the emptied password field, where the focus was before the button took it.
      if (password.current) {
        password.current.value = '';
        password.current.focus();
      }
    }
  }

  return (
    <CenteredCard title={t('signIn.title')}>
      {problem && (
        <p className="bo-alert bo-alert-error" role="alert">
          {problem}
        </p>
      )}
      <form name="signIn" className="bo-form" onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="signIn_email">{t('signIn.email')}</label>
        <input id="signIn_email" name="email" type="email" autoComplete="username" autoFocus />
        <label htmlFor="signIn_password">{t('signIn.password')}</label>
        <input id="signIn_password" name="password" type="password" autoComplete="current-password" ref={password} />
        <button type="submit" className="bo-button-primary" disabled={isLoading} aria-busy={isLoading}>
          {t('signIn.submit')}
        </button>
      </form>
    </CenteredCard>
  );
}
