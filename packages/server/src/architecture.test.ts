// The import graph, read from the sources: the platform is the ground floor (it never imports a module),
// and no file reaches itself through its imports — type-only and dynamic imports included, since a
// type cycle is a design cycle all the same.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const SPEC =
  /(?:^|[\s;])(?:import|export)\s[^;'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourcesUnder(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined; // packages (@xiezuo/shared is checked as its own tree)
  const base = resolve(dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
    (p) => existsSync(p) && statSync(p).isFile(),
  );
}

/** file → the files it imports, relative to the repository root. */
export function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourcesUnder(dir)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(SPEC)].map((m) => resolveImport(file, m[1] ?? m[2] ?? m[3]));
    graph.set(relative(ROOT, file), [...new Set(targets.filter((t) => t !== undefined).map((t) => relative(ROOT, t)))]);
  }
  return graph;
}

/** Strongly connected components of more than one file (or a file importing itself): the cycles. */
export function cyclesOf(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

describe('import graph', () => {
  const server = importGraph(join(ROOT, 'packages/server/src'));

  it('reads the imports it is meant to check (a known edge is found)', () => {
    expect(server.get('packages/server/src/main.ts')).toContain('packages/server/src/modules/index.ts');
    expect(
      cyclesOf(
        new Map([
          ['a', ['b']],
          ['b', ['a']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b']]);
  });

  it('the platform never imports a module', () => {
    const upward = [...server].flatMap(([file, targets]) =>
      file.startsWith('packages/server/src/platform/')
        ? targets.filter((t) => t.startsWith('packages/server/src/modules/')).map((t) => `${file} → ${t}`)
        : [],
    );
    expect(upward).toEqual([]);
  });

  it('a module reaches another only through its index.ts (its manifest and published kernel), never its tables or files', () => {
    const across = [...server].flatMap(([file, targets]) => {
      const own = /^packages\/server\/src\/modules\/([^/]+)\//.exec(file)?.[1];
      if (!own) return [];
      return targets
        .filter((t) => {
          const other = /^packages\/server\/src\/modules\/([^/]+)\//.exec(t)?.[1];
          return other && other !== own && !t.endsWith(`modules/${other}/index.ts`);
        })
        .map((t) => `${file} → ${t}`);
    });
    expect(across).toEqual([]);
  });

  for (const pkg of ['server', 'shared', 'web']) {
    it(`packages/${pkg} has no import cycle`, () => {
      expect(cyclesOf(pkg === 'server' ? server : importGraph(join(ROOT, `packages/${pkg}/src`)))).toEqual([]);
    });
  }
});
