// A backup in a process of its own, for the test that kills one halfway (kill -9): `tsx backupChild.ts <pglite dir> <out dir>`.
import { backupDatabase } from '../backup';

const [dir, out] = process.argv.slice(2);
await backupDatabase({ kind: 'pglite-dir', dir }, out);
