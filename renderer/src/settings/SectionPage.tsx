import { Result, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailure } from '../app/LoadFailure';
import { loadLater, useFailedLoads, useLater, type LaterModule } from '../app/loadLater';
import { useLang } from '../app/useLang';
import { useSession } from '../app/useSession';
import { ConnectionTest } from '../carriers/ConnectionTest';
import { ListSection } from '../lists/ListSection';
import { SentMail } from '../mail/SentMail';
import { TestMail } from '../mail/TestMail';
import { StorekeeperPaymentsPage } from '../pages/StorekeeperPaymentsPage';
import { SystemInfoPage } from '../pages/SystemInfoPage';
import { kindOfSection } from '../print/documentKinds';
import type * as PrintPageModule from '../print/PrintPage';
import type * as SalesReportModule from '../reports/SalesReportPage';
import { ConflictsPage } from '../sync/ConflictsPage';
import { conflictsSection } from '../sync/conflictsSection';
import { GroupForm } from './GroupForm';
import { pageNode, parentOf, viewPermission } from './sections';

type PrintModule = typeof PrintPageModule;
type ReportModule = typeof SalesReportModule;
let printCode: LaterModule<PrintModule> | undefined;
let reportCode: LaterModule<ReportModule> | undefined;
// Print previews carry the barcode renderer (bwip-js, the largest package we ship): only when asked.
const printPageCode = () => (printCode ??= loadLater(() => import('../print/PrintPage'), { inPlace: true }));
// The report carries the chart library (recharts): loaded only when Rapportage opens.
const reportPageCode = () => (reportCode ??= loadLater(() => import('../reports/SalesReportPage'), { inPlace: true }));

/**
 * A page whose code is fetched when it is first opened, with a spinner meanwhile. Fetched through
 * loadLater rather than React.lazy: a lazy page whose code cannot be fetched throws, and without
 * an error boundary the whole window goes blank. A failed page's code is said here, in the
 * page's place, with the notice that offers to try again: the tree and the other sections stay
 * usable meanwhile.
 */
function LaterPage<T>({ code, children }: { code: LaterModule<T>; children: (loaded: T) => ReactNode }) {
  const loaded = useLater(code);
  const failed = useFailedLoads().includes(code);
  if (loaded) return children(loaded);
  return failed ? <LoadFailure modules={[code]} inPlace /> : <Spin />;
}

/** The right-hand side: the open section's form, list or information page. */
export function SectionPage({ section }: { section: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { can } = useSession();
  const printKind = kindOfSection(section);
  if (printKind)
    return (
      <LaterPage code={printPageCode()}>{(loaded) => <loaded.PrintPage kind={printKind} />}</LaterPage>
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
        <LaterPage code={reportPageCode()}>{(loaded) => <loaded.SalesReportPage />}</LaterPage>
      )}
    </article>
  );
}
