// Pure value parsers for ledger (台账) cells: used by the server's import and the web's preview.
export * from './amount';
export * from './cell';
export * from './date';
export * from './formula';
export * from './text';
