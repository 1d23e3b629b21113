// A batch check over many keys in statements of a few thousand: PGlite serves one statement at a time, and one
// statement over the 20,000 ID numbers of a county's roster held every other request for seconds; between two
// parts the others' statements run.
import { setImmediate as yieldToOthers } from 'node:timers/promises';

export async function chunked<K, R>(keys: K[], query: (part: K[]) => Promise<R[]>, size = 2000): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < keys.length; i += size) {
    if (i) await yieldToOthers();
    out.push(...(await query(keys.slice(i, i + size))));
  }
  return out;
}
