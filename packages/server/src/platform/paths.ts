// Files shipped with the server package (migrations, the divisions extract), found from the package's
// root: the same from the TypeScript sources (tests, tsx) and from the bundle `npm start` runs
// (scripts/bundle.mjs), which lives elsewhere than the file that asks.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const SERVER_ROOT = dirname(createRequire(import.meta.url).resolve('@xiezuo/server/package.json'));

/** A path inside packages/server, e.g. serverFile('drizzle'). */
export const serverFile = (...parts: string[]) => join(SERVER_ROOT, ...parts);
