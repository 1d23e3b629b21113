// The service worker of the installable app (PWA), written by hand and completed at build time by
// vite.config.ts (serviceWorker plugin), which puts the build's file list and version in place of the two
// markers below. It keeps the app shell (index.html, scripts, styles, icons) so the visit form opens with no
// signal. API answers are never cached here: the household cards and the queue live encrypted in IndexedDB.
/* global self, caches, fetch, URL */
const VERSION = '__XZ_VERSION__';
const SHELL = __XZ_PRECACHE__;
const CACHE = `xz-shell-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('xz-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  // pages: the network first (a new release shows at once), the cached shell when there is no signal
  if (req.mode === 'navigate') {
    event.respondWith(fetch(req).catch(() => caches.match('/index.html', { cacheName: CACHE })));
    return;
  }
  // files of the build never change under their hashed names: the cache first, else the network (kept for next time)
  event.respondWith(
    caches.match(req, { cacheName: CACHE }).then(
      (hit) =>
        hit ||
        fetch(req).then((res) => {
          if (res.ok && url.pathname.startsWith('/assets/')) {
            const copy = res.clone();
            caches.open(CACHE).then((cache) => cache.put(req, copy));
          }
          return res;
        }),
    ),
  );
});
