import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text asset at build time, so the server sends
 * them as they are (@fastify/static preCompressed) without compressing on each request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'xz-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = resolve(c.root, c.build.outDir); // the build may run from another directory (npm run build:web)
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
        const raw = readFileSync(file);
        if (raw.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
      }
    },
  };
}

/**
 * The service worker (sw/sw.js, written by hand): emitted as /sw.js with the build's files (the app shell,
 * every chunk so any page opens offline) and a version taken from their names, so a new build replaces the
 * old cache. Not used by the dev server.
 */
function serviceWorker(): Plugin {
  return {
    name: 'xz-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      // the dashboard's charts and map (≈ 0.8 MB) are not needed in the field: cached when first used, not up front
      const built = Object.keys(bundle).filter((f) => !f.endsWith('.map') && !/^assets\/(echarts|southMap)-/.test(f));
      const publicFiles = ['/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png'];
      const shell = ['/index.html', ...publicFiles, ...built.filter((f) => f !== 'index.html').map((f) => `/${f}`)];
      const version = createHash('sha256').update(built.sort().join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(resolve(__dirname, 'sw/sw.js'), 'utf8')
        .replace('__XZ_VERSION__', version)
        .replace('__XZ_PRECACHE__', JSON.stringify(shell));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

export default defineConfig({
  root: __dirname,
  plugins: [react(), precompress(), serviceWorker()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
