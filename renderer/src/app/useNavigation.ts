import { kindOfSection } from '../print/documentKinds';
import { conflictsSection } from '../sync/conflictsSection';
import { findNode } from '../settings/sections';
import { useSetPreferenceMutation } from '../store/startApi';
import { useAppDispatch, useAppSelector } from '../store/store';
import { leaveAsked, openSection } from '../store/ui';

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
 * came from the tree, the search box or the browser's back button: the move is then only noted,
 * and the question (UnsavedChangesQuestion, drawn with the form's own chunk) makes it or not.
 */
export function useNavigation() {
  const dispatch = useAppDispatch();
  const dirtySection = useAppSelector((state) => state.ui.dirtySection);
  const move = useMove();

  return function go(section: string, field?: string): void {
    if (dirtySection && dirtySection !== section) dispatch(leaveAsked({ section, ...(field ? { field } : {}) }));
    else move(section, field);
  };
}

/** Opens a section without asking: the address follows, and the next start opens it again. */
export function useMove() {
  const dispatch = useAppDispatch();
  const [setPreference] = useSetPreferenceMutation();

  return function move(section: string, field?: string): void {
    dispatch(openSection({ section, ...(field ? { field } : {}) }));
    // The address keeps the field part, so the link in the address bar can be shared and leads to the field.
    if (window.location.hash !== sectionHash(section, field)) window.history.pushState(null, '', sectionHash(section, field));
    void setPreference({ key: 'lastSection', value: section });
  };
}
