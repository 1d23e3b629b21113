// Display formats for the web, in the language the user chose; the shared formatter does the work so
// that pages, exports and reports agree.
import { type AmountUnit, formatAmount as amount, formatDate as date, formatMoment as moment } from '@xiezuo/shared/format';
import i18n from './i18n';

export { formatCount, formatPercent } from '@xiezuo/shared/format';

const lang = () => (i18n.language === 'en' ? 'en' : 'zh-CN');

/** 1.6775亿元 / 55万元 / 1,234.5元 (in English: 1.6775 ×100M yuan …). */
export const formatAmount = (yuan: number | null | undefined, unit?: AmountUnit) => amount(yuan, unit, lang());

/** 2025年3月1日 (in English: 2025-03-01). */
export const formatDate = (value: string | Date | null | undefined) => date(value, lang());

/** A moment as people write it: 今天 14:05, or 2026年12月5日 14:05 (English: today 14:05 / 2026-12-05 14:05). */
export const formatMoment = (value: string | Date | null | undefined) => moment(value, lang());

/** "2025-03-01T06:05:00Z" → "2025-03-01 14:05" in China Standard Time. */
export { formatDateTime, formatTableDate } from '@xiezuo/shared/format';
