import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../app/useLang';
import { sectionHash, useMove } from '../app/useNavigation';
import { useAppDispatch, useAppSelector } from '../store/store';
import { leaveCancelled } from '../store/ui';
import { findNode } from './sections';

/**
 * The question asked when the user moves away from a form with unsaved changes (useNavigation
 * notes the move). Going on drops the changes and makes the move; staying keeps the form, and a
 * move made with the browser's back button is undone in the address bar.
 */
export function UnsavedChangesQuestion() {
  const { t } = useTranslation();
  const lang = useLang();
  const dispatch = useAppDispatch();
  const move = useMove();
  const leaving = useAppSelector((state) => state.ui.leaving);
  const current = useAppSelector((state) => state.ui.section);
  const dirtySection = useAppSelector((state) => state.ui.dirtySection);

  return (
    <Modal
      open={leaving !== null}
      title={t('form.unsavedTitle')}
      okText={t('form.leave')}
      cancelText={t('form.stay')}
      onOk={() => leaving && move(leaving.section, leaving.field)}
      onCancel={() => {
        dispatch(leaveCancelled());
        window.history.replaceState(null, '', sectionHash(current));
      }}
    >
      {t('form.unsavedBody', { section: (dirtySection && findNode(dirtySection)?.label[lang]) ?? dirtySection ?? '' })}
    </Modal>
  );
}
