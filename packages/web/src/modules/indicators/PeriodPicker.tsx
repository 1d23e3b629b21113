// 统计期间: month, quarter, half-year, year or a custom month range, as a period key (H2026-1 …).
import { currentPeriod, type PeriodKind, parsePeriod } from '@xiezuo/shared/indicators/periods';
import { DatePicker, Segmented, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

const KINDS: PeriodKind[] = ['month', 'quarter', 'half', 'year', 'custom'];
const pad = (n: number) => String(n).padStart(2, '0');

export const todayIso = () => dayjs().format('YYYY-MM-DD');
export const defaultPeriod = () => currentPeriod('half', todayIso());

function keyFor(kind: PeriodKind, d: dayjs.Dayjs, half = 1): string {
  const y = d.year();
  if (kind === 'month') return `M${y}-${pad(d.month() + 1)}`;
  if (kind === 'quarter') return `Q${y}-${Math.floor(d.month() / 3) + 1}`;
  if (kind === 'half') return `H${y}-${half}`;
  return `Y${y}`;
}

export function PeriodPicker({ value, onChange }: { value: string; onChange: (key: string) => void }) {
  const { t } = useTranslation();
  const p = parsePeriod(value);
  const start = dayjs(p.start);
  const setKind = (kind: PeriodKind) => {
    if (kind === 'custom') onChange(`C${start.format('YYYY-MM')}~${dayjs(p.end).format('YYYY-MM')}`);
    else onChange(keyFor(kind, start, start.month() < 6 ? 1 : 2));
  };
  return (
    <Space wrap size={8} data-testid="period-picker">
      <Segmented
        size="small"
        value={p.kind}
        onChange={(k) => setKind(k as PeriodKind)}
        options={KINDS.map((k) => ({ value: k, label: t(`indicators.periodKinds.${k}`) }))}
      />
      {p.kind === 'custom' ? (
        <DatePicker.RangePicker
          picker="month"
          size="small"
          allowClear={false}
          value={[start, dayjs(p.end)]}
          onChange={(r) => r?.[0] && r[1] && onChange(`C${r[0].format('YYYY-MM')}~${r[1].format('YYYY-MM')}`)}
        />
      ) : (
        <DatePicker
          size="small"
          allowClear={false}
          picker={p.kind === 'month' ? 'month' : p.kind === 'quarter' ? 'quarter' : 'year'}
          value={start}
          onChange={(d) => d && onChange(keyFor(p.kind, d, value.endsWith('-2') && p.kind === 'half' ? 2 : 1))}
        />
      )}
      {p.kind === 'half' && (
        <Select
          size="small"
          value={value.slice(-1)}
          style={{ width: 96 }}
          onChange={(h) => onChange(`H${start.year()}-${h}`)}
          options={[
            { value: '1', label: t('indicators.halves.h1') },
            { value: '2', label: t('indicators.halves.h2') },
          ]}
        />
      )}
    </Space>
  );
}
