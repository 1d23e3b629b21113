// The web app is sent pre-compressed (the build's .br and .gz copies) and cached as its names allow:
// hashed assets for a year without asking again, index.html (and every client-side route) revalidated.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app';
import { webCacheControl } from './app';

let t: TestApp;
let dist: string;
const script = `console.log(${JSON.stringify('协作'.repeat(2000))});`;
const html = `<!doctype html><html><head><script type="module" src="/assets/index-Ztol2cWm.js"></script></head><body><div id="root"></div>${' '.repeat(2000)}</body></html>`;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'xz-web-test-'));
  mkdirSync(join(dist, 'assets'));
  const put = (name: string, text: string) => {
    writeFileSync(join(dist, name), text);
    writeFileSync(join(dist, `${name}.br`), brotliCompressSync(text));
    writeFileSync(join(dist, `${name}.gz`), gzipSync(text));
  };
  put('index.html', html);
  put('assets/index-Ztol2cWm.js', script);
  t = await createTestApp({ webDist: dist });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('the web app on the wire', () => {
  it('sends a hashed asset as brotli to a browser that takes it, as immutable for a year', async () => {
    const res = await get('/assets/index-Ztol2cWm.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends gzip to a browser without brotli, and the file itself to one that takes neither', async () => {
    const gz = await get('/assets/index-Ztol2cWm.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await get('/assets/index-Ztol2cWm.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.payload).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('asks the browser to revalidate index.html, also when a client-side route answers with it', async () => {
    for (const url of ['/', '/index.html', '/monitoring/visit']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(html);
    }
  });

  it('answers an API path with JSON, never with the web app', async () => {
    const res = await get('/api/nothing-here', 'br');
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });

  it('calls only content-hashed asset names immutable', () => {
    expect(webCacheControl('/srv/web/dist/assets/DashboardPage-n4h6G2Xs.js.br')).toBe('public, max-age=31536000, immutable');
    expect(webCacheControl('/srv/web/dist/index.html')).toBe('no-cache');
    expect(webCacheControl('/srv/web/dist/favicon.svg')).toBe('no-cache');
  });
});
