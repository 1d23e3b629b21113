// One row of a sheet as the readers yield it (shared by the CSV, xlsx and merged-cell readers).
export interface SheetRow {
  number: number; // 1-based row number as Excel shows it
  cells: unknown[]; // 0-based: column A is cells[0]
  mergedFrom?: Record<number, number>; // cells copied down from a vertical merge: column index → the merge's first row
}
