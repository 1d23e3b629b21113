// The problem workbook as the user's own file: the uploaded .xlsx itself — same sheet, rows, row numbers
// and extra columns — with each bad cell filled red and carrying the message as a comment, and a 问题说明
// column added at the right of the header. The clerk fixes the cells in place and imports the file again.
// exceljs holds the whole workbook in memory, so only files up to ORIGINAL_MAX_BYTES are kept for this;
// larger ones (and CSV files) get the rejected rows in the template layout instead.
import ExcelJS from 'exceljs';
import { findHeader, HEADER_SCAN_ROWS } from './header';
import type { SheetRow } from './read/rows';
import type { LedgerDefinition } from './types';

export const ORIGINAL_MAX_BYTES = 8 * 1024 * 1024;
export const ORIGINAL_FILE = 'original.xlsx';

const RED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF9C9C' } };

export interface MarkedRow {
  n: number; // row number in the file
  reason: string; // every problem of the row, in words
  cells: { col: string; message: string }[]; // the cells at fault
}

/** The ledger's sheet of the workbook: the one whose opening rows match its header best. */
function ledgerSheet(wb: ExcelJS.Workbook, def: LedgerDefinition) {
  let best: { ws: ExcelJS.Worksheet; header: number; score: number } | null = null;
  for (const ws of wb.worksheets) {
    const rows: SheetRow[] = [];
    for (let n = 1; n <= Math.min(ws.rowCount, HEADER_SCAN_ROWS); n++) {
      const values = ws.getRow(n).values as unknown[];
      rows.push({
        number: n,
        cells: Array.isArray(values)
          ? values
              .slice(1)
              .map((v) =>
                v && typeof v === 'object' && 'richText' in v
                  ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('')
                  : v,
              )
          : [],
      });
    }
    const m = findHeader(def, rows);
    if (m && m.columns.length > (best?.score ?? 0)) best = { ws, header: m.row, score: m.columns.length };
  }
  return best;
}

/** The user's workbook with its rejected rows marked; null when the ledger's sheet cannot be found again. */
export async function markedWorkbook(
  path: string,
  def: LedgerDefinition,
  rows: AsyncIterable<MarkedRow>,
  reasonHeader: string,
): Promise<Buffer | null> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const found = ledgerSheet(wb, def);
  if (!found) return null;
  const { ws, header } = found;
  const reasonCol = Math.max(ws.getRow(header).cellCount, ws.actualColumnCount) + 1;
  const head = ws.getCell(header, reasonCol);
  head.value = reasonHeader;
  head.style = { ...head.style, font: { bold: true, color: { argb: 'FFC00000' } } };
  ws.getColumn(reasonCol).width = 60;
  for await (const r of rows) {
    for (const c of r.cells) {
      const cell = ws.getCell(`${c.col}${r.n}`);
      cell.style = { ...cell.style, fill: RED }; // a copy: exceljs shares one style object among a column's cells
      cell.note = c.message;
    }
    const reason = ws.getCell(r.n, reasonCol);
    reason.value = r.reason;
    reason.style = { ...reason.style, font: { color: { argb: 'FFC00000' } }, alignment: { wrapText: true, vertical: 'top' } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
