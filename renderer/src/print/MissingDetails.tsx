import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MissingDetail } from '../../../domain/print/companyDetails';
import { useLang } from '../app/useLang';
import { sectionHash, useNavigation } from '../app/useNavigation';

/** The company details a document cannot be printed without, each a link to its field. */
export function MissingDetails({ missing }: { missing: readonly MissingDetail[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const go = useNavigation();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="missing-details"
      style={{ marginBottom: 12 }}
      message={t('document.missingTitle')}
      description={
        <ul style={{ margin: 0 }}>
          {missing.map((detail) => (
            <li key={`${detail.group}.${detail.field}`}>
              <a
                href={sectionHash(detail.group, detail.field)}
                onClick={(event) => {
                  event.preventDefault();
                  go(detail.group, detail.field);
                }}
              >
                {t('document.missingLink', { group: detail.groupLabel[lang], field: detail.label[lang] })}
              </a>
            </li>
          ))}
        </ul>
      }
    />
  );
}
