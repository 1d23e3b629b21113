// Ledger (台账) import and export, shared by every module.
//
// A module declares a ledger with `defineLedger({...})` (types.ts: columns, naturalKey, findExisting,
// write, exportRows) and registers it in its routes function: `registerLedger(app, myLedger)`. It then has:
//   GET  /api/ledgers                         ledgers the user may import or export
//   GET  /api/ledgers/:key                    columns (for the web dialog)
//   GET  /api/ledgers/:key/template           .xlsx template: Chinese + English headers, * required, notes, dropdowns, a sample row
//   POST /api/ledgers/:key/imports            multipart `file` (.xlsx/.csv) → 202 {id, status:'reading'}; dry run in the background
//   GET  /api/ledgers/imports/:id             progress (rowsRead, valid, rejected), counts (toInsert/toUpdate/unchanged),
//                                             problems “第12行 D列〔身份证号〕：校验位不正确”; status reading|ready|failed|committing|committed
//   POST /api/ledgers/imports/:id/commit      {mode:'all-or-nothing'|'valid-rows'} → 202; one transaction; then status 'committed'
//   GET  /api/ledgers/imports/:id/errors.xlsx the rejected rows + a 问题说明 column, ready to fix and re-import
//   GET  /api/ledgers/:key/export?<filters>   .xlsx in the template layout, rows from exportRows(ctx, filters); audited;
//                                             sensitive columns masked unless a POST asks `reveal` and the role has sensitive.reveal
// Values reach findExisting/write already normalised (see LedgerValueType in types.ts). write() must do its
// own writes and audit them (auditLedgerWrite helps) inside the given transaction; it must also check scope.
export { auditLedgerWrite } from './audit';
export { amount, date, divisionCode, enumOf, idNumber, optionsOf, phone } from './columns';
export { type SheetShape, writeLedgerWorkbook } from './layout';
export { registerLedger } from './registry';
export { ledgerRoutes } from './routes';
export { defineLedger, type LedgerColumn, type LedgerContext, type LedgerDefinition, type LedgerRow, naturalKeyOf } from './types';
