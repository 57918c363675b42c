import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { kindOfSection } from '../print/documentKinds';
import { conflictsSection } from '../sync/conflictsSection';
import { findNode } from '../settings/sections';
import { useSetPreferenceMutation } from '../store/api';
import { useAppDispatch, useAppSelector } from '../store/store';
import { openSection } from '../store/ui';
import { useLang } from './useLang';

/** The deep link of a section (and optionally a field): `#/company.business/iban`. */
export function sectionHash(section: string, field?: string): string {
  return `#/${section}${field ? `/${field}` : ''}`;
}

export function parseHash(hash: string): { section: string; field?: string } | null {
  const [section, field] = hash.replace(/^#\/?/, '').split('/');
  if (!section || !(findNode(section) || kindOfSection(section) || section === conflictsSection)) return null;
  return { section, ...(field ? { field } : {}) };
}

/**
 * Moving between sections. Leaving a form with unsaved changes asks first, whether the move
 * came from the tree, the search box or the browser's back button.
 */
export function useNavigation() {
  const { t } = useTranslation();
  const lang = useLang();
  const { modal } = App.useApp();
  const dispatch = useAppDispatch();
  const current = useAppSelector((state) => state.ui.section);
  const dirtySection = useAppSelector((state) => state.ui.dirtySection);
  const [setPreference] = useSetPreferenceMutation();

  return function go(section: string, field?: string): void {
    const proceed = () => {
      dispatch(openSection({ section, ...(field ? { field } : {}) }));
      // The address keeps the field part, so the link in the address bar can be shared and leads to the field.
      if (window.location.hash !== sectionHash(section, field)) window.history.pushState(null, '', sectionHash(section, field));
      void setPreference({ key: 'lastSection', value: section });
    };
    if (dirtySection && dirtySection !== section) {
      modal.confirm({
        title: t('form.unsavedTitle'),
        content: t('form.unsavedBody', { section: findNode(dirtySection)?.label[lang] ?? dirtySection }),
        okText: t('form.leave'),
        cancelText: t('form.stay'),
        onOk: proceed,
        onCancel: () => window.history.replaceState(null, '', sectionHash(current)),
      });
      return;
    }
    proceed();
  };
}
