import { Modal } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../app/useLang';
import { sectionHash, useMove } from '../app/useNavigation';
import { useSignOutNow } from '../app/useSignOut';
import { useAppDispatch, useAppSelector } from '../store/store';
import { editsDropped, leaveCancelled, type LeaveTarget } from '../store/ui';
import { findNode } from './sections';

/**
 * The question asked when the user moves away from a form with unsaved changes (useNavigation
 * notes the move, useSignOut a sign-out, ItemDrawer the closing of a list item form). Going on
 * drops the changes and makes the move, signs out or lets the item form close; staying keeps the
 * form, signed in, and a move made with the browser's back button is undone in the address bar.
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
  const goingOn = useRef<GoOnText>('form.leave');
  if (leaving) goingOn.current = goOnText(leaving);

  return (
    <Modal
      open={leaving !== null}
      // Above the form it asks about and that form's pop-ups (antd draws both at 1000 to 1070): a
      // list item form opened after the question was first shown lies later in the page and would
      // otherwise cover it, leaving its buttons out of reach.
      zIndex={questionLayer}
      title={t('form.unsavedTitle')}
      okText={t(goingOn.current)}
      cancelText={t('form.stay')}
      onOk={() => {
        if (!leaving) return;
        if ('signOut' in leaving) void signOutNow();
        else if ('closeItemForm' in leaving) dispatch(editsDropped());
        else move(leaving.section, leaving.field);
      }}
      onCancel={() => {
        dispatch(leaveCancelled());
        if (leaving && 'section' in leaving) window.history.replaceState(null, '', sectionHash(current));
      }}
    >
      {t('form.unsavedBody', { section: (dirtySection && findNode(dirtySection)?.label[lang]) ?? dirtySection ?? '' })}
    </Modal>
  );
}

const questionLayer = 1100;

type GoOnText = 'form.leave' | 'form.signOutAnyway' | 'form.closeAnyway';

/** The words of the button that drops the changes: it names what happens next. */
function goOnText(leaving: LeaveTarget): GoOnText {
  if ('signOut' in leaving) return 'form.signOutAnyway';
  if ('closeItemForm' in leaving) return 'form.closeAnyway';
  return 'form.leave';
}
