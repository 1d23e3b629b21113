// Display formats for the web; amounts and dates come from the shared formatter so reports agree.
export { formatAmount, formatCount, formatDate, formatPercent } from '@xiezuo/shared/format';

/** "2025-03-01T06:05:00Z" → "2025-03-01 14:05" in China Standard Time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}
