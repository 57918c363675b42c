import { Modal } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../app/useLang';
import { sectionHash, useMove } from '../app/useNavigation';
import { useSignOutNow } from '../app/useSignOut';
import { useAppDispatch, useAppSelector } from '../store/store';
import { leaveCancelled } from '../store/ui';
import { findNode } from './sections';

/**
 * The question asked when the user moves away from a form with unsaved changes (useNavigation
 * notes the move, useSignOut a sign-out). Going on drops the changes and makes the move or signs
 * out; staying keeps the form, signed in, and a move made with the browser's back button is
 * undone in the address bar.
 */
export function UnsavedChangesQuestion() {
  const { t } = useTranslation();
  const lang = useLang();
  const dispatch = useAppDispatch();
  const move = useMove();
  const signOutNow = useSignOutNow();
  const leaving = useAppSelector((state) => state.ui.leaving);
  const current = useAppSelector((state) => state.ui.section);
  const dirtySection = useAppSelector((state) => state.ui.dirtySection);
  // The button keeps its words while the dialog fades out after an answer.
  const signingOut = useRef(false);
  if (leaving) signingOut.current = 'signOut' in leaving;

  return (
    <Modal
      open={leaving !== null}
      title={t('form.unsavedTitle')}
      okText={signingOut.current ? t('form.signOutAnyway') : t('form.leave')}
      cancelText={t('form.stay')}
      onOk={() => {
        if (leaving && 'signOut' in leaving) void signOutNow();
        else if (leaving) move(leaving.section, leaving.field);
      }}
      onCancel={() => {
        dispatch(leaveCancelled());
        if (leaving && !('signOut' in leaving)) window.history.replaceState(null, '', sectionHash(current));
      }}
    >
      {t('form.unsavedBody', { section: (dirtySection && findNode(dirtySection)?.label[lang]) ?? dirtySection ?? '' })}
    </Modal>
  );
}
