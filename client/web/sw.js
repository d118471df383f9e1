// Tandem's service worker: the whole build (content-hashed files plus the page) is precached as one unit
// under a cache named after the build. A new build installs beside the old one and takes over only when
// complete, so a user never runs a mix of old and new files. The API is never cached.
const BUILD_ID = "@BUILD_ID@";
const CACHE = "tandem-" + BUILD_ID;
const FILES = @FILES@;

self.addEventListener("install", event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", event => {
  event.waitUntil(
    caches.keys()
      .then(names => Promise.all(names.filter(name => name.startsWith("tandem-") && name !== CACHE)
                                       .map(name => caches.delete(name))))
      .then(() => self.clients.claim()));
});

self.addEventListener("fetch", event => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin || url.pathname.startsWith("/api/") ||
      url.pathname === "/healthz") return;
  // Pages the server makes on its own (a survey link, an invitation) are not the app: never cached as it.
  if (url.pathname.startsWith("/answer") || url.pathname.startsWith("/invite")) return;
  // The page itself: network first so an online user gets the newest build, cache when offline.
  const isPage = event.request.mode === "navigate" || url.pathname === "/" || url.pathname.endsWith("/index.html");
  if (isPage) {
    event.respondWith(
      fetch(event.request).then(response => {
        if (response.ok) caches.open(CACHE).then(cache => cache.put("./", response.clone()));
        return response;
      }).catch(() => caches.open(CACHE).then(cache => cache.match("./"))));
    return;
  }
  // Hashed files never change: cache first.
  event.respondWith(caches.open(CACHE).then(cache => cache.match(event.request).then(hit => hit || fetch(event.request))));
});
