import { App as AntApp, Layout } from 'antd';
import { useDeferredValue, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsSearch } from '../settings/SettingsSearch';
import { SettingsTree } from '../settings/SettingsTree';
import { SectionPage } from '../settings/SectionPage';
import { usePreferencesQuery } from '../store/api';
import { useAppDispatch, useAppSelector } from '../store/store';
import { openSection } from '../store/ui';
import { TopBar } from './TopBar';
import { parseHash, useNavigation } from './useNavigation';

/** The app once signed in: the top bar, the settings tree with its search, and the open section. */
export function Shell() {
  return (
    <AntApp style={{ height: '100%' }}>
      <ShellLayout />
    </AntApp>
  );
}

function ShellLayout() {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const go = useNavigation();
  const section = useAppSelector((state) => state.ui.section);
  const dirty = useAppSelector((state) => state.ui.dirtySection !== null);
  const preferences = usePreferencesQuery();
  // The first frame is the tree and its search box; the top bar and the open section (a form
  // of dozens of antd controls, the costliest render of a start) follow in a render React runs
  // after that frame and may interrupt, so the way around the settings appears first.
  const complete = useDeferredValue(true, false);

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
    <Layout style={{ height: '100%' }}>
      {complete ? <TopBar /> : <div style={{ background: '#1f6f5c', height: 56, flex: 'none' }} />}
      <Layout>
        <Layout.Sider width={300} theme="light" style={{ borderRight: '1px solid #f0f0f0', overflow: 'auto' }}>
          <nav aria-label={t('tree.label')} style={{ padding: 12 }}>
            <SettingsSearch />
            <SettingsTree />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ overflow: 'auto', padding: '16px 32px 48px', background: '#fff' }}>
          {complete && <SectionPage key={section} section={section} />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
