import { useTranslation } from 'react-i18next';
import type { LaterModule } from './loadLater';

/**
 * Said instead of an endless "Bezig met laden…" when part of the app's code could not be fetched.
 * The button fetches it again in place, which is enough after a network hiccup; when that failed
 * too, fetching the same file again will not help (a new build replaced it under the window), so
 * the next press reloads the whole window, which asks for the current build's files. Nothing
 * unsaved is lost either way: the forms that hold changes are in the code that is missing.
 * Plain markup (a button in screens.css): antd's code may be what is missing.
 */
export function LoadFailure({ modules }: { modules: readonly LaterModule<unknown>[] }) {
  const { t } = useTranslation();
  const retry = () => {
    if (modules.some((module) => module.failures >= 2)) window.location.reload();
    else for (const module of modules) module.retry();
  };
  return (
    <div className="bo-load-failure" role="alert" aria-labelledby="load-failure-title" style={overlay}>
      <div style={card}>
        <h1 id="load-failure-title" style={{ fontSize: 18, margin: '0 0 8px' }}>
          {t('app.loadFailed.title')}
        </h1>
        <p style={{ margin: '0 0 16px' }}>{t('app.loadFailed.body')}</p>
        {/* Focus moves here, so a keyboard user can press Enter at once and a screen reader lands on it. */}
        <button type="button" className="bo-button-primary" autoFocus onClick={retry}>
          {t('app.loadFailed.retry')}
        </button>
      </div>
    </div>
  );
}

// Over whatever part of the app did arrive (the settings tree, when only the open section failed).
const overlay = { position: 'fixed', inset: 0, zIndex: 1000, display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'rgba(255, 255, 255, 0.9)' } as const;
const card = { maxWidth: 480, padding: 24, border: '1px solid #d9d9d9', borderRadius: 8, background: '#fff', color: '#262626' } as const;
