import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../../domain/money';
import { relativeAge } from '../../../domain/relativeAge';
import { salesReportCsv } from '../../../domain/sales/reportCsv';
import type { SalesReport } from '../../../domain/sales/salesReport';
import { formatDateTime, formatDay } from '../app/formatDate';
import { isFailure } from '../app/serverErrors';
import { useLang } from '../app/useLang';
import { PrintButtons } from '../print/PrintButtons';
import { useCachedSalesReportQuery, useListItemsQuery, useSalesReportMutation } from '../store/api';
import { ReportDayPicker } from './ReportDayPicker';
import { SalesReportChart } from './SalesReportChart';

const isoDay = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

interface Row {
  key: string;
  channel: string;
  day: string;
  orders: number;
  inclCents: number;
  exclCents: number;
  total?: boolean;
}

function rowsOf(report: SalesReport, names: Record<string, string>, totalLabel: string): Row[] {
  return report.channels.flatMap((channel) => [
    ...channel.days.map((day) => ({ key: `${channel.channel}:${day.day}`, channel: names[channel.channel] ?? channel.channel, ...day })),
    { key: `${channel.channel}:total`, channel: names[channel.channel] ?? channel.channel, day: totalLabel, orders: channel.orders, inclCents: channel.inclCents, exclCents: channel.exclCents, total: true },
  ]);
}

/** Hands the CSV to the browser (or Electron's window) as a download; nothing is written by the app itself. */
function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Verkoopkanaal-instellingen › Rapportage: orders and revenue incl. and excl. VAT per sales channel
 * and day over a chosen period, from the cloud; the last report stays readable offline with its age.
 */
export function SalesReportPage() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const today = new Date();
  const [firstDay, setFirstDay] = useState(isoDay(new Date(today.getFullYear(), today.getMonth(), 1)));
  const [lastDay, setLastDay] = useState(isoDay(today));
  const [channel, setChannel] = useState<string>('all');
  const cached = useCachedSalesReportQuery();
  const [fetchReport, { error, isLoading }] = useSalesReportMutation();
  const channels = useListItemsQuery({ collection: 'salesChannels' });
  const names = Object.fromEntries((channels.data ?? []).map((item) => [String(item.values.orderNumberPrefix), String(item.values.name)]));

  const shown = cached.data ?? null;
  const report: SalesReport | null = shown ? { ...shown.report, channels: shown.report.channels.filter((entry) => channel === 'all' || entry.channel === channel) } : null;
  const fieldError = error && isFailure(error) ? error.fields?.find((field) => field.field === 'lastDay') : undefined;
  const money = (cents: number) => formatEuro(cents);

  return (
    <>
      <Form layout="inline" className="bo-no-print" style={{ rowGap: 12, marginBottom: 16 }} onFinish={() => void fetchReport({ firstDay, lastDay })}>
        <Form.Item label={t('report.firstDay')} htmlFor="report-first-day">
          <ReportDayPicker id="report-first-day" value={firstDay} onChange={setFirstDay} lang={lang} />
        </Form.Item>
        <Form.Item label={t('report.lastDay')} htmlFor="report-last-day" validateStatus={fieldError ? 'error' : undefined} help={fieldError?.message}>
          <ReportDayPicker id="report-last-day" value={lastDay} onChange={setLastDay} lang={lang} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<ReloadOutlined />} loading={isLoading}>
            {t('report.fetch')}
          </Button>
        </Form.Item>
      </Form>
      {error && !isLoading && !fieldError && (
        <Alert className="bo-no-print" type="warning" showIcon role="alert" style={{ marginBottom: 12 }} message={isFailure(error) ? error.message : String(error)} description={shown ? t('report.cachedNotice') : undefined} />
      )}
      {!shown || !report ? (
        <Typography.Paragraph type="secondary">{t('report.none')}</Typography.Paragraph>
      ) : (
        <div className="bo-print-area" data-testid="sales-report">
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            {t('report.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" data-testid="report-age">
            {t('report.period', { from: formatDay(shown.report.from, i18n.language), to: formatDay(shown.report.to, i18n.language) })}
            <br />
            {t('report.updated', { age: relativeAge(shown.fetchedAt, Date.now(), lang), date: formatDateTime(shown.fetchedAt, i18n.language) })}
          </Typography.Paragraph>
          <Flex gap={8} wrap className="bo-no-print" style={{ marginBottom: 12 }}>
            <Select
              aria-label={t('report.channel')}
              value={channel}
              onChange={setChannel}
              style={{ width: 240 }}
              options={[{ value: 'all', label: t('report.allChannels') }, ...shown.report.channels.map((entry) => ({ value: entry.channel, label: names[entry.channel] ?? entry.channel }))]}
            />
            <Button icon={<DownloadOutlined />} onClick={() => download(salesReportCsv(report, names, lang), `verkooprapport-${report.from}-${report.to}.csv`)}>
              {t('report.exportCsv')}
            </Button>
            <PrintButtons fileName={`verkooprapport-${report.from}-${report.to}.pdf`} />
          </Flex>
          {report.channels.length === 0 ? (
            <Typography.Paragraph>{t('report.empty')}</Typography.Paragraph>
          ) : (
            <>
              <Typography.Title level={3} style={{ fontSize: 15 }}>
                {t('report.chartTitle')}
              </Typography.Title>
              <SalesReportChart report={report} names={names} language={i18n.language} />
              <Table<Row>
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={rowsOf(report, names, t('report.total'))}
                rowClassName={(row) => (row.total ? 'bo-report-total' : '')}
                columns={[
                  { key: 'channel', title: t('report.channel'), dataIndex: 'channel' },
                  { key: 'day', title: t('report.day'), dataIndex: 'day', render: (day: string, row) => (row.total ? <strong>{day}</strong> : formatDay(day, i18n.language)) },
                  { key: 'orders', title: t('report.orders'), dataIndex: 'orders', align: 'right' },
                  { key: 'incl', title: t('report.incl'), dataIndex: 'inclCents', align: 'right', render: money },
                  { key: 'excl', title: t('report.excl'), dataIndex: 'exclCents', align: 'right', render: money },
                  { key: 'vat', title: t('report.vat'), align: 'right', render: (_: unknown, row) => money(row.inclCents - row.exclCents) },
                ]}
              />
            </>
          )}
        </div>
      )}
    </>
  );
}
