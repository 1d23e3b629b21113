// Finding the header row: the first rows may hold a title (merged cells), a date line or blanks. The row
// matching most of the ledger's headers (by name, English name or synonym, ignoring blanks, full-width
// characters and required marks) is the header; a second row of English headers right below is skipped.

import type { AmountUnit } from '@xiezuo/shared/ledgerValues/amount';
import { cleanText, headerKey, headerUnit } from '@xiezuo/shared/ledgerValues/text';
import type { SheetRow } from './read/rows';
import type { LedgerColumn, LedgerDefinition } from './types';

export interface MatchedColumn {
  index: number; // 0-based cell index in the file
  column: LedgerColumn;
  written: string; // the header as the file writes it
  unit?: AmountUnit; // a unit the header declares, 金额（万元）
}

export interface HeaderMatch {
  row: number;
  columns: MatchedColumn[];
  missingRequired: LedgerColumn[];
  ignored: string[]; // headers the ledger does not know
  recordIndex?: number; // the hidden 记录标识 column of an export (-1: none)
}

export const HEADER_SCAN_ROWS = 30;

function lookup(def: LedgerDefinition): Map<string, LedgerColumn> {
  const map = new Map<string, LedgerColumn>();
  for (const c of def.columns) for (const name of [c.header, c.headerEn, ...(c.synonyms ?? [])]) map.set(headerKey(name), c);
  return map;
}

function matchRow(cells: unknown[], names: Map<string, LedgerColumn>): MatchedColumn[] {
  const found: MatchedColumn[] = [];
  const used = new Set<string>();
  cells.forEach((cell, index) => {
    const column = names.get(headerKey(cell));
    if (!column || used.has(column.key)) return;
    used.add(column.key);
    found.push({ index, column, written: cleanText(cell), unit: headerUnit(cell) });
  });
  return found;
}

/** The best header row among the first rows, or null when no row names any of the ledger's columns. */
export function findHeader(def: LedgerDefinition, rows: SheetRow[]): HeaderMatch | null {
  const names = lookup(def);
  let best: { row: SheetRow; columns: MatchedColumn[] } | null = null;
  for (const row of rows.slice(0, HEADER_SCAN_ROWS)) {
    const columns = matchRow(row.cells, names);
    if (columns.length > (best?.columns.length ?? 0)) best = { row, columns };
  }
  if (!best) return null;
  const matched = new Set(best.columns.map((c) => c.column.key));
  const known = new Set(best.columns.map((c) => c.index));
  return {
    row: best.row.number,
    columns: best.columns,
    missingRequired: def.columns.filter((c) => c.required && !matched.has(c.key)),
    ignored: best.row.cells.flatMap((c, i) => (known.has(i) || cleanText(c) === '' ? [] : [cleanText(c)])),
  };
}

/** How well a ledger's headers match a file's first rows (0…1): names the right template when the wrong one is used. */
export function headerScore(def: LedgerDefinition, rows: SheetRow[]): number {
  const m = findHeader(def, rows);
  if (!m) return 0;
  const required = def.columns.filter((c) => c.required).length || def.columns.length;
  return (
    Math.min(1, m.columns.filter((c) => c.column.required || required === def.columns.length).length / required) *
    (m.missingRequired.length ? 0.5 : 1)
  );
}

/** A row right below the header that repeats the headers in English (our template's second header row). */
export function isEnglishHeaderRow(match: HeaderMatch, row: SheetRow): boolean {
  const hits = match.columns.filter((c) => headerKey(row.cells[c.index]) === headerKey(c.column.headerEn)).length;
  return hits > 0 && hits >= match.columns.length / 2;
}
