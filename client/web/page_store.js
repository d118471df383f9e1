// The device's data folder (/data) kept in IndexedDB as fixed-size chunks of each file, so a flush writes only
// the chunks written since the last one, not every file whole (IDBFS copies each changed file whole: a flush of
// one typed note cost the size of the database, and a first sync flushed tens of megabytes again and again).
//
// A flush is one IndexedDB transaction: a browser killed during it reopens on the state before it or after it,
// never a mixture. The files live in Emscripten's in-memory file system; writes, truncations, renames and
// removals under /data are noted as they happen by wrapping FS's own entry points, which every write from
// SQLite and from C++ streams goes through.
//
// Two tabs on one device: each flush bumps a version kept in the same transaction. A tab whose last flush is no
// longer the newest (another tab flushed since) writes its files whole, so what is stored is always one tab's
// consistent copy, as with IDBFS, never pages of two.
//
// Included into tandem.js with --pre-js: FS and IDBFS are the runtime's own.
var TandemPageStore = (function () {
  "use strict";
  var ROOT = "/data";
  var DATABASE = "tandem-data";
  var LEGACY_DATABASE = "/data";  // IDBFS names its database after its mount point
  var CHUNK = 64 * 1024;
  var database = null;
  var version = 0;                      // the store's version after this tab's last load or flush
  var tab = Math.random().toString(36).slice(2) + Date.now().toString(36);
  var dirty = new Map();                // path -> Set of chunk indices written since the last flush
  var whole = new Set();                // paths to write whole (renamed, created by unknown means)
  var removed = new Set();              // paths removed since the last flush
  var tracking = false;
  var stats = {flushes: 0, chunksWritten: 0, bytesWritten: 0, flushing: false, flushingChunks: 0, lastFlushMs: 0};

  function under(path) { return typeof path === "string" && path.indexOf(ROOT + "/") === 0; }
  function relative(path) { return path.slice(ROOT.length + 1); }

  function markWrite(path, position, length) {
    if (!tracking || !under(path) || length <= 0) return;
    var name = relative(path);
    removed.delete(name);
    var chunks = dirty.get(name);
    if (!chunks) { chunks = new Set(); dirty.set(name, chunks); }
    for (var i = Math.floor(position / CHUNK); i <= Math.floor((position + length - 1) / CHUNK); i++) chunks.add(i);
  }
  function markResized(path) {
    if (!tracking || !under(path)) return;
    var name = relative(path);
    removed.delete(name);
    if (!dirty.has(name)) dirty.set(name, new Set());  // the size record is rewritten, stale chunks dropped
  }
  function markRemoved(path) {
    if (!tracking || !under(path)) return;
    var name = relative(path);
    dirty.delete(name);
    whole.delete(name);
    removed.add(name);
  }
  function markWhole(path) {
    if (!tracking || !under(path)) return;
    var name = relative(path);
    removed.delete(name);
    whole.add(name);
  }

  function nodePath(node) { try { return FS.getPath(node); } catch (error) { return ""; } }

  // FS calls its own entry points through the FS object (open with O_TRUNC calls FS.truncate), so wrapping
  // them here sees every change, whoever makes it.
  function track() {
    var write = FS.write, truncate = FS.truncate, unlink = FS.unlink, rename = FS.rename, msync = FS.msync;
    FS.write = function (stream, buffer, offset, length, position, canOwn) {
      var at = typeof position === "number" ? position : stream.position;
      var written = write.apply(FS, arguments);
      markWrite(stream.path || nodePath(stream.node), at, written);
      return written;
    };
    FS.truncate = function (path) {
      var result = truncate.apply(FS, arguments);
      markResized(typeof path === "string" ? path : nodePath(path));
      return result;
    };
    FS.unlink = function (path) {
      var result = unlink.apply(FS, arguments);
      markRemoved(path);
      return result;
    };
    FS.rename = function (from, to) {
      var result = rename.apply(FS, arguments);
      markRemoved(from);
      markWhole(to);
      return result;
    };
    FS.msync = function (stream) {
      var result = msync.apply(FS, arguments);
      markWhole(stream.path || nodePath(stream.node));
      return result;
    };
    tracking = true;
  }

  function request(req) {
    return new Promise(function (resolve, reject) {
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function open() {
    var req = indexedDB.open(DATABASE, 1);
    req.onupgradeneeded = function () {
      req.result.createObjectStore("files");   // name -> {size}; the key "" holds {version, tab}
      req.result.createObjectStore("chunks");  // [name, index] -> Uint8Array of at most CHUNK bytes
    };
    return request(req);
  }

  function listFiles(folder, prefix, into) {
    FS.readdir(folder).forEach(function (entry) {
      if (entry === "." || entry === "..") return;
      var path = folder + "/" + entry;
      var mode = FS.stat(path).mode;
      if (FS.isDir(mode)) listFiles(path, prefix + entry + "/", into);
      else if (FS.isFile(mode)) into.push(prefix + entry);
    });
    return into;
  }

  function writeFile(name, bytes) {
    var path = ROOT + "/" + name;
    var folder = path.slice(0, path.lastIndexOf("/"));
    if (folder !== ROOT) FS.mkdirTree(folder);
    FS.writeFile(path, bytes, {canOwn: true});
  }

  // Reads every stored file into /data.
  function loadStored() {
    var tx = database.transaction(["files", "chunks"], "readonly");
    var files = tx.objectStore("files"), chunks = tx.objectStore("chunks");
    return Promise.all([request(files.getAllKeys()), request(files.getAll()),
                        request(chunks.getAllKeys()), request(chunks.getAll())]).then(function (all) {
      var names = all[0], records = all[1], chunkKeys = all[2], chunkBytes = all[3];
      var contents = new Map();
      for (var i = 0; i < names.length; i++) {
        if (names[i] === "") { version = records[i].version; continue; }
        contents.set(names[i], new Uint8Array(records[i].size));
      }
      for (var j = 0; j < chunkKeys.length; j++) {
        var into = contents.get(chunkKeys[j][0]);
        var offset = chunkKeys[j][1] * CHUNK;
        if (into && offset < into.length) into.set(chunkBytes[j].subarray(0, into.length - offset), offset);
      }
      contents.forEach(function (bytes, name) { writeFile(name, bytes); });
      return names.length > 0;
    });
  }

  // Data saved by earlier versions of the app, which mounted IDBFS at /data: read once (IDBFS names its
  // database after the mount point, so it is mounted there), written whole into the chunk store, and only then
  // is the old database deleted.
  function loadLegacy() {
    return new Promise(function (resolve) {
      FS.mount(IDBFS, {}, ROOT);
      FS.syncfs(true, function (error) {
        var files = [];
        try {
          if (!error) listFiles(ROOT, "", []).forEach(function (name) {
            files.push([name, FS.readFile(ROOT + "/" + name)]);
          });
        } catch (failed) { error = failed; }
        FS.unmount(ROOT);
        if (IDBFS.dbs[LEGACY_DATABASE]) {  // IDBFS keeps its connection open; deleting waits for it
          IDBFS.dbs[LEGACY_DATABASE].close();
          delete IDBFS.dbs[LEGACY_DATABASE];
        }
        if (error) console.error("Tandem: reading data saved by an earlier version failed", error);
        files.forEach(function (file) { writeFile(file[0], file[1]); });
        resolve(files.map(function (file) { return file[0]; }));
      });
    });
  }

  // MEMFS grows a file past 1 MB by 12.5 % at a time, copying it whole each time: a first sync growing the
  // database to 50 MB copied it about thirty times (1.1 s of a 10.7 s sync in a profile). Doubling, at most
  // 32 MB at once, copies it five or six times and leaves at most 32 MB unused.
  function growFilesByDoubling() {
    var expand = MEMFS.expandFileStorage;
    var MOST_AT_ONCE = 32 * 1024 * 1024;
    MEMFS.expandFileStorage = function (node, wanted) {
      var capacity = node.contents ? node.contents.length : 0;
      if (capacity < wanted) wanted = Math.max(wanted, capacity + Math.min(capacity, MOST_AT_ONCE));
      return expand.call(MEMFS, node, wanted);
    };
  }

  function load(done) {
    growFilesByDoubling();
    FS.mkdir(ROOT);
    open().then(function (opened) {
      database = opened;
      return loadStored();
    }).then(function (found) {
      if (found) return [];
      return legacyDatabaseExists().then(function (exists) { return exists ? loadLegacy() : []; });
    }).then(function (legacy) {
      track();
      if (legacy.length === 0) return done(true);
      legacy.forEach(function (name) { whole.add(name); });
      flush(function (ok) {
        if (ok) indexedDB.deleteDatabase(LEGACY_DATABASE);
        done(true);
      });
    }).catch(function (error) {
      console.error("Tandem: loading saved data failed", error);
      tracking || track();
      done(false);
    });
  }

  // IDBFS's database was mounted at /data; without indexedDB.databases() (older browsers) it is opened, and
  // deleted again when opening it created it.
  function legacyDatabaseExists() {
    if (indexedDB.databases) {
      return indexedDB.databases().then(function (list) {
        return list.some(function (entry) { return entry.name === LEGACY_DATABASE; });
      }, function () { return false; });
    }
    return new Promise(function (resolve) {
      var created = false;
      var req = indexedDB.open(LEGACY_DATABASE);
      req.onupgradeneeded = function () { created = true; };
      req.onsuccess = function () {
        req.result.close();
        if (created) indexedDB.deleteDatabase(LEGACY_DATABASE);
        resolve(!created);
      };
      req.onerror = function () { resolve(false); };
    });
  }

  function exists(name) {
    try { return FS.isFile(FS.stat(ROOT + "/" + name).mode); } catch (error) { return false; }
  }

  // What a flush writes, copied now: the app keeps running while IndexedDB works, and the copy is what the files
  // held when persist() was called (between transactions). Without marks, every file under /data whole.
  function collect(marks) {
    var names = marks ? Array.from(new Set(Array.from(marks.dirty.keys()).concat(Array.from(marks.whole))))
                      : listFiles(ROOT, "", []);
    var writes = [];
    names.forEach(function (name) {
      if (!exists(name)) { if (marks) marks.removed.add(name); return; }
      var stream = FS.open(ROOT + "/" + name, "r");
      try {
        var size = stream.node.usedBytes !== undefined ? stream.node.usedBytes : FS.stat(ROOT + "/" + name).size;
        var count = Math.ceil(size / CHUNK);
        var indices = marks && !marks.whole.has(name) ? marks.dirty.get(name) : null;
        var chunks = [];
        for (var i = 0; i < count; i++) {
          if (indices && !indices.has(i)) continue;
          var bytes = new Uint8Array(Math.min(CHUNK, size - i * CHUNK));
          FS.read(stream, bytes, 0, bytes.length, i * CHUNK);
          chunks.push([i, bytes]);
        }
        writes.push({name: name, size: size, count: count, chunks: chunks});
      } finally {
        FS.close(stream);
      }
    });
    return writes;
  }

  function flush(done) {
    var pending = {dirty: dirty, whole: whole, removed: removed};
    dirty = new Map();
    whole = new Set();
    removed = new Set();
    // Marks written while IndexedDB works belong to the next flush; a failed flush puts its own back.
    var restore = function () {
      pending.dirty.forEach(function (chunks, name) {
        var now = dirty.get(name) || new Set();
        chunks.forEach(function (i) { now.add(i); });
        dirty.set(name, now);
      });
      pending.whole.forEach(function (name) { whole.add(name); });
      pending.removed.forEach(function (name) { if (!exists(name)) removed.add(name); });
    };
    if (!database) { restore(); return done(false); }
    var incremental = collect(pending), gone = Array.from(pending.removed);
    var started = performance.now();
    stats.flushing = true;
    var tx;
    try { tx = database.transaction(["files", "chunks"], "readwrite"); } catch (error) {
      stats.flushing = false;
      restore();
      return done(false);
    }
    var files = tx.objectStore("files"), chunks = tx.objectStore("chunks");
    var written = 0, bytes = 0;
    var put = function (writes, names) {
      writes.forEach(function (file) {
        files.put({size: file.size}, file.name);
        file.chunks.forEach(function (chunk) {
          chunks.put(chunk[1], [file.name, chunk[0]]);
          written++;
          bytes += chunk[1].length;
        });
        chunks.delete(IDBKeyRange.bound([file.name, file.count], [file.name, Infinity]));
      });
      names.forEach(function (name) {
        files.delete(name);
        chunks.delete(IDBKeyRange.bound([name, 0], [name, Infinity]));
      });
    };
    var meta = files.get("");
    meta.onsuccess = function () {
      var stored = meta.result || {version: 0};
      if (stored.version !== version) {
        // Another tab flushed since this one last did: this tab's copy replaces the store whole.
        files.clear();
        chunks.clear();
        put(collect(null), []);
      } else {
        put(incremental, gone);
      }
      files.put({version: stored.version + 1, tab: tab}, "");
      version = stored.version + 1;
      stats.flushingChunks = written;
    };
    tx.oncomplete = function () {
      stats.flushing = false;
      stats.flushes++;
      stats.chunksWritten += written;
      stats.bytesWritten += bytes;
      stats.lastFlushMs = performance.now() - started;
      done(true);
    };
    tx.onabort = tx.onerror = function () {
      if (!stats.flushing) return;
      stats.flushing = false;
      console.error("Tandem: saving to IndexedDB failed", tx.error);
      version = -1;  // unknown now: the next flush writes whole
      restore();
      done(false);
    };
  }

  return {load: load, flush: flush, stats: stats, chunkSize: CHUNK};
})();
