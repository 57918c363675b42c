import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsTree } from '../settings/SettingsTree';
import { usePreferencesQuery } from '../store/startApi';
import { useAppDispatch, useAppSelector } from '../store/store';
import { openSection } from '../store/ui';
import { firstScreenDrawn } from './firstScreen';
import { loadLater, useLater } from './loadLater';
import type { ShellPlaces } from './shellParts';
import { parseHash, useNavigation } from './useNavigation';

// Fetched once the first screen is drawn (on the sign-in screen too, while the user types), so
// compiling it never delays that screen's frame.
const parts = loadLater(() => firstScreenDrawn.then(() => import('./shellParts')));

/**
 * The app once signed in: the top bar, the settings tree with its search, and the open section.
 * The frame and the tree are plain markup and CSS (shell.css), drawn from the first script; the
 * rest comes with antd in the parts' chunk and is drawn into the frame's empty places.
 */
export function Shell() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const go = useNavigation();
  const section = useAppSelector((state) => state.ui.section);
  const dirty = useAppSelector((state) => state.ui.dirtySection !== null);
  const preferences = usePreferencesQuery();
  const topBar = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLElement>(null);
  const [places, setPlaces] = useState<ShellPlaces | null>(null);
  // The first frame is the tree; the search box, the top bar and the open section (a form of
  // dozens of antd controls, the costliest render of a start) follow in a render React runs
  // after that frame and may interrupt, so the way around the settings appears first.
  const loaded = useLater(parts);
  const complete = useDeferredValue(loaded, undefined);

  // The empty places exist from the first commit on. They are handed on in an effect, which runs
  // after that first frame; state set from ref callbacks would render the shell and the tree a
  // second time before it.
  useEffect(() => {
    if (topBar.current && search.current && content.current) setPlaces({ topBar: topBar.current, search: search.current, content: content.current });
  }, []);

  // Once, on first show: the deep link, else where the user was last time. Later moves go
  // through the guarded navigation.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !preferences.isSuccess) return;
    started.current = true;
    const linked = parseHash(window.location.hash);
    const last = preferences.data.lastSection ? parseHash(`#/${preferences.data.lastSection}`) : null;
    const start = linked ?? last;
    if (start) dispatch(openSection(start));
  }, [preferences.isSuccess, preferences.data, dispatch]);

  useEffect(() => {
    const onHashChange = () => {
      const target = parseHash(window.location.hash);
      // A pasted link to a field of the open section still scrolls to the field and highlights it.
      if (target && (target.section !== section || target.field)) go(target.section, target.field);
    };
    window.addEventListener('hashchange', onHashChange);
    window.addEventListener('popstate', onHashChange);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      window.removeEventListener('popstate', onHashChange);
    };
  }, [go, section]);

  // Closing the window or reloading with unsaved changes asks the browser's own question.
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return (
    <div className="bo-shell">
      <div className="bo-top-bar-place" ref={topBar} />
      <div className="bo-shell-body">
        <aside className="bo-sider">
          <nav aria-label={t('tree.label')} className="bo-nav">
            <div className="bo-search-place" ref={search} />
            <SettingsTree />
          </nav>
        </aside>
        <main className="bo-content" ref={content} />
      </div>
      {complete && places && <complete.ShellParts places={places} section={section} />}
    </div>
  );
}
