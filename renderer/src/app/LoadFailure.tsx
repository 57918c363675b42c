import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { LaterModule } from './loadLater';

/**
 * Said instead of an endless "Bezig met laden…" when part of the app's code could not be fetched.
 * The button fetches it again in place, which is enough after a network hiccup; when that failed
 * too, fetching the same file again will not help (a new build replaced it under the window), so
 * the next press reloads the whole window, which asks for the current build's files. Nothing
 * unsaved is lost either way: the forms that hold changes are in the code that is missing.
 * Plain markup (a button in screens.css): antd's code may be what is missing.
 *
 * `inPlace`: an optional page's code (SectionPage), said in that page's place; the tree and the
 * other sections stay usable. Otherwise the app cannot go on without it (the shell's parts, the
 * setup screen): a modal over the whole window, with everything behind it inert.
 */
export function LoadFailure({ modules, inPlace = false }: { modules: readonly LaterModule<unknown>[]; inPlace?: boolean }) {
  const { t } = useTranslation();
  const retry = () => {
    if (modules.some((module) => module.failures >= 2)) window.location.reload();
    else for (const module of modules) module.retry();
  };
  const content = (
    <>
      <h1 id="load-failure-title" style={{ fontSize: 18, margin: '0 0 8px' }}>
        {t('app.loadFailed.title')}
      </h1>
      <p id="load-failure-body" style={{ margin: '0 0 16px' }}>
        {t('app.loadFailed.body')}
      </p>
      {/* Focus moves here, so a keyboard user can press Enter at once and a screen reader lands on it. */}
      <button type="button" className="bo-button-primary" autoFocus onClick={retry}>
        {t('app.loadFailed.retry')}
      </button>
    </>
  );
  if (inPlace)
    return (
      <div className="bo-load-failure" role="alert" aria-labelledby="load-failure-title" style={{ ...card, margin: '24px 0' }}>
        {content}
      </div>
    );
  return <WindowModal>{content}</WindowModal>;
}

/** Drawn beside the app's root, which is made inert meanwhile: Tab and clicks cannot reach the screen behind. */
function WindowModal({ children }: { children: ReactNode }) {
  const own = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const behind = [...document.body.children].filter((element): element is HTMLElement => element instanceof HTMLElement && element !== own.current && !element.inert);
    for (const element of behind) element.inert = true;
    return () => {
      for (const element of behind) element.inert = false;
    };
  }, []);
  return createPortal(
    <div ref={own} className="bo-load-failure" role="alertdialog" aria-modal="true" aria-labelledby="load-failure-title" aria-describedby="load-failure-body" style={overlay}>
      <div style={card}>{children}</div>
    </div>,
    document.body,
  );
}

const overlay = { position: 'fixed', inset: 0, zIndex: 1000, display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'rgba(255, 255, 255, 0.9)' } as const;
const card = { maxWidth: 480, padding: 24, border: '1px solid #d9d9d9', borderRadius: 8, background: '#fff', color: '#262626' } as const;
