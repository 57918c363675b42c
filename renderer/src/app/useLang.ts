import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../domain/text';

/** The UI language as the catalogue's key into its `{nl, en}` texts. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'nl';
}
