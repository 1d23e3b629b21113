// Column presets: the kinds of column every ledger has, each with one list of the headers people write
// for it. A ledger names its columns with these and overrides only what differs (key, header, example):
//   idNumber({ key: 'headIdNumber', header: '户主身份证号' }), date({ key: 'startDate', header: '开始日期', required: true })
import type { LedgerColumn } from './types';

/**
 * What a ledger says of its column beyond the preset. `generic: false` drops the preset's generic headers:
 * a ledger with two columns of one kind (派出地 and 接收地 codes) must not let a bare 区划代码 name either.
 */
type Preset = Partial<LedgerColumn> & { generic?: false };

const column = (base: LedgerColumn, { generic, ...over }: Preset): LedgerColumn => {
  const synonyms = [...(over.synonyms ?? []), ...(generic === false ? [] : (base.synonyms ?? []))];
  return { ...base, ...over, synonyms: [...new Set(synonyms)].filter((s) => s !== (over.header ?? base.header)) };
};

/** A citizen ID number (GB 11643): checked, sensitive (masked in exports, encrypted by the module). */
export const idNumber = (over: Preset = {}) =>
  column(
    {
      key: 'idNumber',
      header: '身份证号',
      headerEn: 'ID number',
      synonyms: ['身份证号码', '公民身份号码', '证件号码', '身份证'],
      type: 'idNumber',
      required: true,
      sensitive: true,
      width: 22,
    },
    over,
  );

/** A statistical division code (12 digits). */
export const divisionCode = (over: Preset = {}) =>
  column(
    {
      key: 'divisionCode',
      header: '区划代码',
      headerEn: 'Division code',
      synonyms: ['行政区划代码', '统计用区划代码'],
      type: 'divisionCode',
      width: 16,
    },
    over,
  );

/**
 * A division written by name as clerks write it (兴义村, 兴义村委会, 兴义, 岗坪镇兴义村) or by its code: the
 * import resolves the name within the user's scope to the one division of `level` it names; an unknown or
 * ambiguous name is a cell error listing the candidates.
 */
export const divisionByName = (over: Preset & { level: NonNullable<LedgerColumn['level']> }) =>
  column(
    {
      key: 'divisionCode',
      header: '所在村',
      headerEn: 'Village',
      synonyms: ['行政村', '村名称', '村', '所属村', '区划代码', '行政区划代码'],
      type: 'division',
      width: 16,
    },
    over,
  );

/** A calendar day, as people write it (2025-03-01, 2025/3/1, 2025年3月1日, 20250301, an Excel date). */
export const date = (over: Preset & { key: string; header: string; headerEn: string }) => column({ type: 'date', width: 14, ...over }, {});

/** Money in 元 (12.5万元, 1,234.00 and 万元 columns read too). */
export const amount = (over: Preset & { key: string; header: string; headerEn: string }) =>
  column({ type: 'amount', width: 14, ...over }, {});

/** A phone number. */
export const phone = (over: Preset = {}) =>
  column(
    { key: 'phone', header: '联系电话', headerEn: 'Phone', synonyms: ['手机号码', '电话', '手机', '联系方式'], type: 'phone', width: 16 },
    over,
  );

/** One of a fixed list of values, shown as a dropdown in the template with the labels people read. */
export const enumOf = <K extends string>(
  values: readonly K[],
  labels: Record<K, string>,
  over: Preset & { key: string; header: string; headerEn: string; words?: Record<string, K> },
) => column({ type: 'enum', options: optionsOf(values, labels), ...over }, {});

/** Dropdown options from a contract's values and the catalogue's labels. */
export function optionsOf<K extends string>(values: readonly K[], labels: Record<K, string>): { value: string; label: string }[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
