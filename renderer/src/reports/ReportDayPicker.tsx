import { DatePicker } from 'antd';
import dayjs from 'dayjs';
// antd's pickers read week days and month names through dayjs in the ConfigProvider's locale; the
// Dutch locale has to be loaded for that to be Dutch (maandag first, "okt").
import 'dayjs/locale/nl';
import type { Lang } from '../../../domain/text';

/** How a day is typed and shown: the way a Dutch shop writes a date, and day-first in English too. */
const formats: Record<Lang, string> = { nl: 'DD-MM-YYYY', en: 'DD/MM/YYYY' };

interface Props {
  id: string;
  /** The day as the cloud takes it, `YYYY-MM-DD`. */
  value: string;
  onChange: (day: string) => void;
  lang: Lang;
}

/**
 * One day of a report period. A native date input follows the browser's locale rather than the
 * app's language (month-first in an English Chromium while the screen is Dutch), so the day is
 * picked and typed in the app's own format and handed on as an ISO day.
 */
export function ReportDayPicker({ id, value, onChange, lang }: Props) {
  return (
    <DatePicker
      id={id}
      value={dayjs(value)}
      format={formats[lang]}
      allowClear={false}
      onChange={(day) => {
        if (day) onChange(day.format('YYYY-MM-DD'));
      }}
    />
  );
}
