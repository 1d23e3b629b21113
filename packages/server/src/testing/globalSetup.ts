// The unit tests' run: a folder where testing/database.ts keeps the dump of a migrated PGlite that each test file
// loads (made by the first file that needs it), removed when the run ends. Set in the environment, so the test
// workers forked after it see it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'xz-pglite-'));
  process.env.XZ_PGLITE_TEMPLATES = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
