import { ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import nlNL from 'antd/locale/nl_NL';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccessStateQuery, usePreferencesQuery } from '../store/api';
import { LoadFailure } from './LoadFailure';
import { loadLater, useFailedLoads, useLater } from './loadLater';
import { SignInScreen } from './SignInScreen';
import { StartupNotices } from './StartupNotices';

// The app behind sign-in (the catalogue with its validators, forms, lists, print previews) and
// the one-time setup load on demand, so the sign-in screen paints from a small first download;
// the shell's download starts at once in the background.
const shell = loadLater(() => import('./Shell').then((module) => module.Shell));
const SetupScreen = lazy(() => import('./SetupScreen').then((module) => ({ default: module.SetupScreen })));

/**
 * Secondary and placeholder text darker than antd's defaults so they keep a 4.5:1 contrast (WCAG
 * AA). Motion off: a back office has no need for it, and antd's leave animation of a button's
 * loading icon can stall, leaving "loading" in the button's accessible name ("loading Opslaan").
 */
const theme = {
  token: { colorPrimary: '#1f6f5c', borderRadius: 6, fontSize: 14, colorTextDescription: '#595959', colorTextSecondary: '#595959', colorTextPlaceholder: '#767676', motion: false },
};

/** Which screen: setup on a fresh install, sign-in, or the app. The body says which, for tests. */
export function App() {
  const { t, i18n } = useTranslation();
  const preferences = usePreferencesQuery();
  const access = useAccessStateQuery();
  const language = preferences.data?.language;

  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = i18n.language;
  }, [language, i18n]);

  const Shell = useLater(shell);
  const failedLoads = useFailedLoads();
  const unauthorized = access.error && 'code' in access.error && access.error.code === 'unauthorized';
  const signedIn = access.data?.session && !access.data.needsSetup;
  const screen = unauthorized ? 'launch' : !access.data || (signedIn && !Shell) ? 'loading' : access.data.needsSetup ? 'setup' : access.data.session ? 'app' : 'signIn';
  useEffect(() => {
    document.body.dataset.screen = screen;
  }, [screen]);

  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : nlNL} theme={theme}>
      {screen === 'launch' && <Result status="403" title={t('launch.title')} subTitle={t('launch.body')} />}
      {/* Said where the missing code is needed; sign-in and setup go on meanwhile. */}
      {failedLoads.length > 0 && (screen === 'loading' || screen === 'app') ? <LoadFailure modules={failedLoads} /> : screen === 'loading' && <Loading />}
      <StartupNotices />
      <Suspense fallback={<Loading />}>
        {screen === 'setup' && <SetupScreen />}
        {screen === 'signIn' && <SignInScreen />}
        {screen === 'app' && Shell && <Shell />}
      </Suspense>
    </ConfigProvider>
  );
}

/**
 * Shown while the first answers or the app's code arrive. Plain markup and CSS rather than an
 * antd Spin: the first antd component drawn derives antd's theme and generates its styles (some
 * 100 ms), which the settings tree would otherwise wait for behind a spinner.
 */
function Loading() {
  const { t } = useTranslation();
  return (
    <div className="bo-loading" role="status">
      {t('app.loading')}
    </div>
  );
}
