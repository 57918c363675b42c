import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatEuro } from '../../../domain/money';
import type { SalesReport } from '../../../domain/sales/salesReport';
import { formatDay } from '../app/formatDate';

const colours = ['#1f6f5c', '#d48806', '#531dab', '#c41e3a', '#096dd9', '#389e0d'];

/** Revenue incl. VAT per day, one bar per sales channel; money stays in cents until it is shown. */
export function SalesReportChart({ report, names, language }: { report: SalesReport; names: Record<string, string>; language: string }) {
  const days = [...new Set(report.channels.flatMap((channel) => channel.days.map((day) => day.day)))].sort();
  const data = days.map((day) => ({
    day,
    ...Object.fromEntries(report.channels.map((channel) => [channel.channel, channel.days.find((entry) => entry.day === day)?.inclCents ?? 0])),
  }));
  return (
    <div style={{ width: '100%', height: 280 }} data-testid="sales-chart">
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={(day: string) => formatDay(day, language)} />
          <YAxis tickFormatter={(cents: number) => formatEuro(cents)} width={96} />
          <Tooltip formatter={(cents) => formatEuro(Number(cents))} labelFormatter={(day) => formatDay(String(day), language)} />
          <Legend />
          {report.channels.map((channel, index) => (
            <Bar key={channel.channel} dataKey={channel.channel} name={names[channel.channel] ?? channel.channel} fill={colours[index % colours.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
