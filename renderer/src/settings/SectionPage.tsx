import { Result, Spin, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../app/useLang';
import { useSession } from '../app/useSession';
import { ConnectionTest } from '../carriers/ConnectionTest';
import { ListSection } from '../lists/ListSection';
import { SentMail } from '../mail/SentMail';
import { TestMail } from '../mail/TestMail';
import { StorekeeperPaymentsPage } from '../pages/StorekeeperPaymentsPage';
import { SystemInfoPage } from '../pages/SystemInfoPage';
import { kindOfSection } from '../print/documentKinds';
import { ConflictsPage } from '../sync/ConflictsPage';
import { conflictsSection } from '../sync/conflictsSection';
import { GroupForm } from './GroupForm';
import { pageNode, parentOf, viewPermission } from './sections';

// Print previews carry the barcode renderer (bwip-js, the largest package we ship): only when asked.
const PrintPage = lazy(() => import('../print/PrintPage').then((module) => ({ default: module.PrintPage })));
// The report carries the chart library (recharts): loaded only when Rapportage opens.
const SalesReportPage = lazy(() => import('../reports/SalesReportPage').then((module) => ({ default: module.SalesReportPage })));

/** The right-hand side: the open section's form, list or information page. */
export function SectionPage({ section }: { section: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { can } = useSession();
  const printKind = kindOfSection(section);
  if (printKind)
    return (
      <Suspense fallback={<Spin />}>
        <PrintPage kind={printKind} />
      </Suspense>
    );
  if (section === conflictsSection) return <ConflictsPage />;
  const node = pageNode(section);
  if (!node?.content) return <Typography.Paragraph>{t('section.choose')}</Typography.Paragraph>;
  const parent = parentOf(node.key);
  if (!can(viewPermission(node))) return <Result status="403" title={t('section.noAccess')} />;

  const content = node.content;
  return (
    <article aria-labelledby="section-title">
      <Typography.Title level={1} id="section-title" style={{ fontSize: 22, marginTop: 8 }}>
        {parent ? `${parent.label[lang]} › ` : ''}
        {node.label[lang]}
      </Typography.Title>
      {content.kind === 'group' && <GroupForm node={node} groupKey={content.group} />}
      {content.kind === 'group' && content.group === 'email' && (
        <>
          <TestMail />
          <SentMail />
        </>
      )}
      {content.kind === 'group' && content.group === 'orders.shipping' && <ConnectionTest />}
      {content.kind === 'list' && <ListSection node={node} collection={content.collection} />}
      {content.kind === 'info' && content.page === 'system' && <SystemInfoPage />}
      {content.kind === 'info' && content.page === 'storekeeperPayments' && <StorekeeperPaymentsPage />}
      {content.kind === 'info' && content.page === 'salesReport' && (
        <Suspense fallback={<Spin />}>
          <SalesReportPage />
        </Suspense>
      )}
    </article>
  );
}
