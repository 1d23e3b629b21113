// `node scripts/bundle.mjs <entry.ts> <out.js>`: the server (or a bench script) as one ES module that
// plain Node runs, so the running process carries no TypeScript loader: running the sources under tsx
// costs ~70 MB resident (its loader thread, esbuild's output and source maps of every file), which the
// embedded database needs more. Our own code (@xiezuo/*) is bundled; npm packages stay external and
// load from node_modules as usual — so <out.js> belongs under packages/server (npm leaves some of the
// server's packages in packages/server/node_modules). Files the server reads at run time are found from
// its package root (platform/paths.ts), wherever the bundle is.
import { build } from 'esbuild';

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error('usage: node scripts/bundle.mjs <entry.ts> <out.js>');
  process.exit(2);
}

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true, // run with --enable-source-maps: stack traces name the .ts files and lines
  logLevel: 'warning',
  plugins: [
    {
      name: 'npm-packages-external',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@xiezuo/') ? undefined : { external: true }));
      },
    },
  ],
});
