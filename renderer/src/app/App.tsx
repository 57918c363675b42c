import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccessStateQuery, usePreferencesQuery } from '../store/startApi';
import { CenteredCard } from './CenteredCard';
import { firstScreenCommitted } from './firstScreen';
import { LoadFailure } from './LoadFailure';
import { loadLater, useFailedLoads, useLater, type LaterModule } from './loadLater';
import type * as SetupScreenModule from './SetupScreen';
import { Shell } from './Shell';
import { SignInScreen } from './SignInScreen';
import { StartupNotices } from './StartupNotices';

type SetupModule = typeof SetupScreenModule;
let setupModule: LaterModule<SetupModule> | undefined;

/**
 * The one-time setup (drawn with antd, with the catalogue's labels and cloud pairing) is fetched
 * only on a fresh install, when it is first shown: every other start never asks for its code.
 */
function setupCode(): LaterModule<SetupModule> {
  setupModule ??= loadLater(() => import('./SetupScreen'));
  return setupModule;
}

/**
 * Which screen: setup on a fresh install, sign-in, or the app. The body says which, for tests.
 * Everything this first script draws (the loading screen, sign-in, the shell's frame and the
 * settings tree) is plain markup and CSS; antd and the parts drawn with it come in later chunks.
 */
export function App() {
  const { i18n } = useTranslation();
  const preferences = usePreferencesQuery();
  const access = useAccessStateQuery();
  const language = preferences.data?.language;

  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = i18n.language;
  }, [language, i18n]);

  // An optional page's code (a print preview, Rapportage) is said in that page's place (SectionPage).
  const failedLoads = useFailedLoads().filter((module) => !module.inPlace);
  const unauthorized = access.error && 'code' in access.error && access.error.code === 'unauthorized';
  const screen = unauthorized ? 'launch' : !access.data ? 'loading' : access.data.needsSetup ? 'setup' : access.data.session ? 'app' : 'signIn';
  useEffect(() => {
    document.body.dataset.screen = screen;
    if (screen !== 'loading') firstScreenCommitted();
  }, [screen]);

  return (
    <>
      {screen === 'launch' && <LaunchRefused />}
      {/* Said where the missing code is needed; sign-in and setup go on meanwhile. */}
      {failedLoads.length > 0 && (screen === 'loading' || screen === 'app') ? <LoadFailure modules={failedLoads} /> : screen === 'loading' && <Loading />}
      <StartupNotices />
      {screen === 'setup' && <Setup />}
      {screen === 'signIn' && <SignInScreen />}
      {screen === 'app' && <Shell />}
    </>
  );
}

/** The setup screen once its code is here; meanwhile the loading screen, and if it cannot be fetched, the notice that offers to try again. */
function Setup() {
  const code = setupCode();
  const loaded = useLater(code);
  const failed = useFailedLoads().includes(code);
  if (loaded) return <loaded.SetupScreen />;
  return failed ? <LoadFailure modules={[code]} /> : <Loading />;
}

/** Shown while the first answers arrive (screens.css draws the spinner). */
function Loading() {
  const { t } = useTranslation();
  return (
    <div className="bo-loading" role="status">
      {t('app.loading')}
    </div>
  );
}

/** The page was opened without the web host's launch token, so the host answers nothing. */
function LaunchRefused() {
  const { t } = useTranslation();
  return (
    <CenteredCard title={t('launch.title')}>
      <p>{t('launch.body')}</p>
    </CenteredCard>
  );
}
