// The one sheet layout for templates, exports and error workbooks, so that export → edit → import
// round-trips: a title row, Chinese headers (* = required, a note with format and unit), English
// headers, then the rows. Written with exceljs' streaming writer: large exports never sit in memory.
import type { Writable } from 'node:stream';
import { maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import { catalogues } from '@xiezuo/shared/i18n/index';
import { yuanIn } from '@xiezuo/shared/ledgerValues/amount';
import { neutraliseFormula } from '@xiezuo/shared/ledgerValues/formula';
import ExcelJS from 'exceljs';
import type { Translate } from '../i18n';
import { columnLetter } from './problems';
import { type LedgerColumn, type LedgerDefinition, type LedgerRow, RECORD_KEY_HEADER } from './types';

export const FIRST_DATA_ROW = 4; // 1 title, 2 Chinese headers, 3 English headers
const VALIDATION_ROWS = 5000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

export interface SheetOptions {
  t: Translate;
  /** Typed rows (export, template sample) converted cell by cell, or raw cells written as read (error workbook). */
  rows: AsyncIterable<LedgerRow> | Iterable<LedgerRow>;
  raw?: boolean;
  /** An extra last column (问题说明) holding `row.__reason`. */
  reasonColumn?: boolean;
  mask?: (column: LedgerColumn) => boolean;
  sampleRow?: boolean;
  /** Exports: a hidden last column (记录标识) with each row's record key and version (LedgerDefinition.recordKey). */
  recordKey?: boolean;
}

/** A sheet's shape: a ledger's, or any table written in the same layout (the assessment's scoring table). */
export type SheetShape = Pick<LedgerDefinition, 'title' | 'titleEn' | 'columns' | 'recordKey'>;

export async function writeLedgerWorkbook(out: Writable, def: SheetShape, opts: SheetOptions): Promise<number> {
  const { t } = opts;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(def.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 3 }] });
  const cols = def.columns;
  const width = cols.length + (opts.reasonColumn ? 1 : 0);
  const keyed = !!(opts.recordKey && def.recordKey);
  ws.columns = [
    ...cols.map((c) => ({ key: c.key, width: c.width ?? Math.max(12, c.header.length * 2 + 4), style: columnStyle(c) })),
    ...(opts.reasonColumn ? [{ key: '__reason', width: 60 }] : []),
    ...(keyed ? [{ key: '__record', width: 16, hidden: true }] : []),
  ];

  const title = ws.getRow(1);
  title.getCell(1).value = `${def.title}（${def.titleEn}）`;
  title.getCell(1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, width);
  title.commit();

  const zh = ws.getRow(2);
  const en = ws.getRow(3);
  cols.forEach((c, i) => {
    const cell = zh.getCell(i + 1);
    cell.value = c.required ? `*${c.header}` : c.header;
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    cell.fill = HEADER_FILL;
    cell.note = headerNote(c, t);
    const e = en.getCell(i + 1);
    e.value = c.headerEn;
    e.font = { italic: true, color: { argb: 'FF666666' } };
    const list = dropdown(c, t);
    if (list)
      (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
        `${columnLetter(i)}${FIRST_DATA_ROW}:${columnLetter(i)}${FIRST_DATA_ROW + VALIDATION_ROWS}`,
        list,
      );
  });
  if (opts.reasonColumn) {
    zh.getCell(width).value = t('ledgers.sheet.reason');
    zh.getCell(width).font = { bold: true, color: { argb: 'FFC00000' } };
    en.getCell(width).value = 'Problems';
  }
  if (keyed) {
    zh.getCell(width + 1).value = RECORD_KEY_HEADER;
    en.getCell(width + 1).value = 'Record key';
  }
  zh.commit();
  en.commit();

  let n = 0;
  const write = (row: LedgerRow) => {
    const r = ws.getRow(FIRST_DATA_ROW + n++);
    cols.forEach((c, i) => {
      const v = row[c.key];
      // text that a spreadsheet could take for a formula is written with a leading ' (read back without it)
      r.getCell(i + 1).value = neutraliseFormula(opts.raw ? rawCell(v) : toCell(c, v, opts.mask?.(c) ?? false, t)) as ExcelJS.CellValue;
    });
    if (opts.reasonColumn) r.getCell(width).value = neutraliseFormula(String(row.__reason ?? ''));
    if (keyed) {
      const k = def.recordKey!.of(row);
      if (k) r.getCell(width + 1).value = `${k.id}:${k.version}`;
    }
    if (opts.sampleRow) {
      r.font = { italic: true, color: { argb: 'FF808080' } };
      r.getCell(width + 1).value = t('ledgers.sheet.sampleMarker'); // what tells the sample from a real row equal to it
    }
    r.commit();
  };
  for await (const row of opts.rows) write(row);
  ws.commit();
  await wb.commit();
  return n;
}

/** The template's sample row, from each column's `example` (skipped on import while it carries the marker and its values). */
export function sampleRowOf(def: LedgerDefinition): LedgerRow {
  return Object.fromEntries(def.columns.map((c) => [c.key, c.example ?? null]));
}

const SAMPLE_MARKERS = new Set(Object.values(catalogues).map((c) => c.ledgers.sheet.sampleMarker));

/** The sample row of a template, in any language, carries this marker in the cell after its columns. */
export function hasSampleMarker(cells: unknown[]): boolean {
  return cells.some((c) => typeof c === 'string' && SAMPLE_MARKERS.has(c.trim()));
}

function columnStyle(c: LedgerColumn): Partial<ExcelJS.Style> {
  // codes typed into an empty template stay text (no 4.5e+17, no lost leading zeros)
  if (['idNumber', 'creditCode', 'divisionCode', 'phone', 'text'].includes(c.type)) return { numFmt: '@' };
  if (c.type === 'date') return { numFmt: 'yyyy-mm-dd' };
  if (c.type === 'amount') return { numFmt: '#,##0.00' };
  return {};
}

function headerNote(c: LedgerColumn, t: Translate): string {
  const lines = [
    c.required ? t('ledgers.sheet.required') : null,
    t('ledgers.sheet.format', { format: t(`ledgers.formats.${c.type}`) }),
    c.type === 'amount' ? t('ledgers.sheet.unit', { unit: c.unit ?? '元' }) : null,
    c.options?.length ? t('ledgers.sheet.options', { options: c.options.map((o) => o.label).join('、') }) : null,
    c.note ?? null,
  ];
  return lines.filter(Boolean).join('\n');
}

function dropdown(c: LedgerColumn, t: Translate): ExcelJS.DataValidation | null {
  const labels = c.type === 'boolean' ? [t('common.yes'), t('common.no')] : c.type === 'enum' ? (c.options ?? []).map((o) => o.label) : [];
  const list = labels.join(',');
  // Excel refuses inline lists over 255 characters; such columns keep the note only
  if (!labels.length || list.length > 250 || labels.some((l) => l.includes(','))) return null;
  return {
    type: 'list',
    allowBlank: !c.required,
    formulae: [`"${list}"`],
    showErrorMessage: true,
    errorTitle: c.header,
    error: t('ledgers.value.enum', { options: labels.join('、') }),
  };
}

/** A typed ledger value as the cell a person would type: dates as dates, amounts in the column unit, labels for codes. */
export function toCell(c: LedgerColumn, v: unknown, masked: boolean, t: Translate): unknown {
  if (v == null || v === '') return null;
  if (masked) return maskValue(c, String(v));
  switch (c.type) {
    case 'date': {
      const [y, m, d] = String(v).slice(0, 10).split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d));
    }
    case 'amount':
      return yuanIn(v as string, c.unit ?? '元');
    case 'integer':
    case 'decimal':
      return Number(v);
    case 'boolean':
      return v === true || v === 'true' ? t('common.yes') : t('common.no');
    case 'enum':
      return c.options?.find((o) => o.value === v)?.label ?? String(v);
    default:
      return String(v);
  }
}

/** A sensitive value as whoever may not see it gets it: ID numbers and phones as usual; anything else (a
 *  health code, a disability grade) fully, in one length — a first letter or a length would tell them apart. */
export function maskValue(c: LedgerColumn, s: string): string {
  if (c.type === 'idNumber') return maskIdNumber(s);
  if (c.type === 'phone') return s.length > 7 ? `${s.slice(0, 3)}****${s.slice(-4)}` : '****';
  return '******';
}

function rawCell(v: unknown): unknown {
  if (v == null) return null;
  if (typeof v === 'object' && !(v instanceof Date)) return String((v as { error?: string }).error ?? '');
  return v;
}
