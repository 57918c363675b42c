import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignOutMutation } from '../store/api';
import { useAppDispatch, useAppSelector } from '../store/store';
import { leaveAsked, leaveCancelled } from '../store/ui';
import { isFailure } from './serverErrors';

/**
 * Signing out from the top bar. With unsaved changes in a form (a settings group or a list item)
 * it asks first, with the same question as leaving the form for another section
 * (UnsavedChangesQuestion): signing out would drop the edits as surely as moving away.
 */
export function useSignOut() {
  const dispatch = useAppDispatch();
  const dirtySection = useAppSelector((state) => state.ui.dirtySection);
  const signOutNow = useSignOutNow();

  return function signOut(): void {
    if (dirtySection) dispatch(leaveAsked({ signOut: true }));
    else void signOutNow();
  };
}

/**
 * Signs out without asking: the question was answered, or there was nothing to lose. A sign-out
 * that fails says so, else the manager could walk away from a workstation still signed in.
 */
export function useSignOutNow() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const dispatch = useAppDispatch();
  const [signOut] = useSignOutMutation();

  return async function signOutNow(): Promise<void> {
    dispatch(leaveCancelled());
    const answer = await signOut();
    // The edits count as unsaved until the host says no one is signed in any more (ui.ts drops them then).
    if (!('error' in answer)) return;
    // Unanswered, the only reason at hand is the browser's own words ("Failed to fetch"), in English.
    const failure = answer.error;
    const reason = !isFailure(failure) ? String(failure) : failure.code === 'offline' ? t('top.noAnswer') : failure.message;
    void message.error(t('top.signOutFailed', { reason }));
  };
}
