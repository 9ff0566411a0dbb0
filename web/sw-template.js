// Rapport's service worker: after one visit the app opens and works with no
// network. scripts/post_build writes the real sw.js from this template into
// every build, replacing the two placeholders with the build's version (a
// hash of its files) and the list of its files (hashed names), so each build
// has its own cache and an old one is dropped when the new one activates.
//
// - index.html (navigations): network first, the cached copy when offline;
// - everything else of the build (hashed, so never stale): cache first.
// Requests to other origins are not touched (the app makes none).

const VERSION = "__RAPPORT_VERSION__";
const FILES = __RAPPORT_FILES__;
const CACHE = "rapport-" + VERSION;
// The app's root: this worker is served from it.
const ROOT = new URL("./", self.location).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => ROOT + f)))
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith("rapport-") && k !== CACHE)
            .map((k) => caches.delete(k))
        )
      )
      .then(() => self.clients.claim())
  );
});

// The page asks a waiting new version to take over ("New version — reload").
self.addEventListener("message", (event) => {
  if (event.data === "rapport-skip-waiting") {
    self.skipWaiting();
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(ROOT)) {
    return;
  }
  if (request.mode === "navigate") {
    // Any in-app address is the app's index.html (the host's SPA fallback).
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(ROOT + "index.html", copy));
          }
          return response;
        })
        .catch(() =>
          caches
            .match(ROOT + "index.html", { cacheName: CACHE })
            .then((cached) => cached || Response.error())
        )
    );
    return;
  }
  event.respondWith(
    caches
      .match(request, { cacheName: CACHE, ignoreSearch: true })
      .then((cached) => cached || fetch(request))
  );
});
