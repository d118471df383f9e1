// The device's storage (client/web/page_store.js): a flush writes only the chunks written since the last one,
// in one IndexedDB transaction. A browser killed in the middle of flushing a large change reopens on a whole,
// consistent database, and sync then brings it to the server's state, nothing lost and nothing twice. Data saved
// by the earlier storage (IDBFS, one IndexedDB record per file) is carried over on the first start.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {apiSession, click, find, killProfile, launchProfile, openApp, pullAll, serviceWorkerReady, signIn,
        startServer, syncNow} from "./harness.js";

let server;
const profiles = [];
const viewport = {width: 1000, height: 700};

before(async () => { server = await startServer(); });
after(async () => {
  for (const profile of profiles) {
    killProfile(profile);
    rmSync(profile, {recursive: true, force: true});
  }
  await server?.stop();
});

function newProfile() {
  const profile = mkdtempSync(join(tmpdir(), "tandem-profile-"));
  profiles.push(profile);
  return profile;
}

async function open(profile, options = {}) {
  const context = await launchProfile(profile, {viewport, ...options});
  const page = context.pages()[0] ?? await context.newPage();
  return {context, page};
}

// The device's files under /data, as the app sees them after loading (base64 by name).
async function deviceFiles(page) {
  return page.evaluate(() => {
    const files = {};
    for (const name of FS.readdir("/data")) {
      if (name === "." || name === "..") continue;
      const bytes = FS.readFile("/data/" + name);
      let text = "";
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      files[name] = btoa(text);
    }
    return files;
  });
}

// SQLite's own verdict on a database file, and what it holds, read with Python's sqlite3 (Debian's python3).
function inspect(bytes) {
  const dir = mkdtempSync(join(tmpdir(), "tandem-db-"));
  const file = join(dir, "device.db");
  writeFileSync(file, bytes);
  const script = `import sqlite3, json, sys
db = sqlite3.connect(sys.argv[1])
print(json.dumps({
  "integrity": db.execute("PRAGMA integrity_check").fetchone()[0],
  "checkins": db.execute("SELECT COUNT(*) FROM records WHERE entity = 'checkin' AND deleted = 0").fetchone()[0],
  "cursor": int((db.execute("SELECT value FROM settings WHERE key = 'pull_cursor'").fetchone() or ["0"])[0]),
}))`;
  const run = spawnSync("python3", ["-c", script, file], {encoding: "utf8"});
  rmSync(dir, {recursive: true, force: true});
  if (run.status !== 0) throw new Error("python3 could not read the database: " + run.stderr);
  return JSON.parse(run.stdout);
}

async function pushCheckIns(token, reportId, count) {
  const hlc = i => (Date.now()).toString(16).padStart(12, "0") + (i % 65536).toString(16).padStart(4, "0");
  for (let start = 0; start < count; start += 500) {
    const changes = [];
    for (let i = start; i < Math.min(count, start + 500); i++)
      changes.push({id: crypto.randomUUID(), entity: "checkin", record_id: crypto.randomUUID(), hlc: hlc(i),
                    fields: {report_id: reportId, held_on: "2026-10-01",
                             shared_notes: `Bulk note ${i}: ` + "growth, blockers and next steps. ".repeat(4)}});
    const response = await fetch(server.url + "/api/v1/sync/push", {
      method: "POST", headers: {"Content-Type": "application/json", Authorization: "Bearer " + token},
      body: JSON.stringify({device_id: "bulk-writer", changes}),
    });
    const body = await response.json();
    assert.ok(body.results.every(r => r.status === "accepted"), JSON.stringify(body.results.find(r => r.status !== "accepted")));
  }
}

test("a browser killed while flushing a large change reopens on a whole database, and sync completes it", async () => {
  const profile = newProfile();
  let {context, page} = await open(profile);
  await openApp(page, server.url);
  await signIn(page, "manager1@demo.example");
  await find(page, /^Synced/, {timeout: 20000});
  await serviceWorkerReady(page);
  const session = await apiSession(server.url, "manager1@demo.example");
  const dbName = `tandem-${session.user.id}.db`;
  const before = inspect(Buffer.from((await deviceFiles(page))[dbName], "base64"));
  assert.equal(before.integrity, "ok");

  const report = (await pullAll(server.url, session.token))
    .find(c => c.entity === "person" && c.fields.manager_id === session.user.id);
  const added = 3000;
  await pushCheckIns(session.token, report.record_id, added);
  await click(page, "Sync now");
  // The kill lands as soon as a flush of many chunks is in flight.
  const inFlight = await page.waitForFunction(
    () => TandemPageStore.stats.flushing && TandemPageStore.stats.flushingChunks >= 8 && TandemPageStore.stats.flushingChunks,
    null, {polling: 2, timeout: 120000});
  killProfile(profile);
  console.log(`killed while a flush of ${await inFlight.jsonValue().catch(() => "?")} chunks was in flight`);
  await context.close().catch(() => {});

  ({context, page} = await open(profile, {offline: true}));
  await openApp(page, server.url);
  await find(page, "My team", {timeout: 15000});
  const reopened = inspect(Buffer.from((await deviceFiles(page))[dbName], "base64"));
  assert.equal(reopened.integrity, "ok", "the stored database is whole after the kill");
  assert.ok(reopened.checkins >= before.checkins && reopened.checkins <= before.checkins + added,
            `check-ins ${reopened.checkins}, between ${before.checkins} and ${before.checkins + added}`);
  assert.ok(reopened.cursor >= before.cursor);

  await context.setOffline(false);
  await syncNow(page);
  await page.waitForFunction(() => !TandemPageStore.stats.flushing);
  const synced = inspect(Buffer.from((await deviceFiles(page))[dbName], "base64"));
  assert.equal(synced.integrity, "ok");
  assert.equal(synced.checkins, before.checkins + added, "every pushed check-in, each once");
  await context.close();
});

test("a catch-up of many changes shows a count and a bar that move on until Synced", async () => {
  const profile = newProfile();
  const {context, page} = await open(profile);
  await openApp(page, server.url);
  await signIn(page, "manager1@demo.example");
  await find(page, /^Synced/, {timeout: 20000});
  const session = await apiSession(server.url, "manager1@demo.example");
  const report = (await pullAll(server.url, session.token))
    .find(c => c.entity === "person" && c.fields.manager_id === session.user.id);
  await pushCheckIns(session.token, report.record_id, 3000);

  // Every frame's status bar, as drawn, until it says Synced.
  await page.evaluate(() => {
    window.progressSeen = []; window.progressLeftSynced = false; window.progressDone = false;
    const watch = () => {
      const widgets = JSON.parse(UTF8ToString(Module._tandem_ui_snapshot())).widgets;
      const received = widgets.map(w => /^Syncing… ([\d,]+) changes? received/.exec(w.text ?? "")).find(Boolean);
      const bar = widgets.find(w => w.id === "sync-progress");
      if (received || bar) window.progressSeen.push({count: received ? Number(received[1].replace(/,/g, "")) : null,
                                                      fraction: bar ? Number(bar.value) : null});
      // The bar says Synced before the click too: watch until it has left Synced and come back to it.
      const synced = widgets.some(w => /^Synced/.test(w.text ?? ""));
      if (!synced) window.progressLeftSynced = true;
      if (synced && window.progressLeftSynced) window.progressDone = true;
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  await click(page, "Sync now");
  await page.waitForFunction(() => window.progressDone, null, {timeout: 60000});
  const seen = await page.evaluate(() => window.progressSeen);
  const counts = seen.map(s => s.count).filter(c => c !== null);
  const fractions = seen.map(s => s.fraction).filter(f => f !== null);
  assert.ok(new Set(counts).size >= 2, `the count moved on: ${[...new Set(counts)].join(", ")}`);
  assert.ok(counts.every((c, i) => i === 0 || c >= counts[i - 1]) && counts.at(-1) <= 3000, "and only forward");
  assert.ok(new Set(fractions).size >= 2, `the bar moved on: ${[...new Set(fractions)].join(", ")}`);
  assert.ok(fractions.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= fractions[i - 1])), "within 0-100 %, forward");
  await context.close();
});

test("data kept by the earlier storage (IDBFS) is carried over on the first start, then the old copy goes", async () => {
  // A device signed in and synced; its files as IDBFS kept them: one record per path in "/data"'s FILE_DATA.
  const source = newProfile();
  let {context, page} = await open(source);
  await openApp(page, server.url);
  await signIn(page, "manager1@demo.example");
  await find(page, /^Synced/, {timeout: 20000});
  const files = await deviceFiles(page);
  await context.close();
  assert.ok(Object.keys(files).some(name => name.endsWith(".db")) && files["session.json"]);

  const profile = newProfile();
  ({context, page} = await open(profile));
  await page.goto(server.url + "/manifest.webmanifest");  // the app's origin, without starting the app
  await page.evaluate(async files => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open("/data", 21);
      request.onupgradeneeded = () => request.result.createObjectStore("FILE_DATA").createIndex("timestamp", "timestamp");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction("FILE_DATA", "readwrite");
    for (const [name, base64] of Object.entries(files)) {
      const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
      tx.objectStore("FILE_DATA").put({timestamp: new Date(), mode: 0o100666, contents: bytes}, "/data/" + name);
    }
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
  }, files);

  await openApp(page, server.url);
  await find(page, "My team", {timeout: 15000});  // signed in from the carried-over session, no sign-in form
  await find(page, "Dev Patel");
  const databases = async () => (await page.evaluate(() => indexedDB.databases())).map(d => d.name);
  await page.waitForFunction(() => indexedDB.databases().then(list => !list.some(d => d.name === "/data")));
  assert.ok((await databases()).includes("tandem-data"));
  const carried = await deviceFiles(page);
  for (const name of Object.keys(files)) assert.ok(carried[name], name + " carried over");

  // The next start reads the new store alone.
  await page.reload();
  await page.waitForFunction(() => window.tandemReady === true);
  await find(page, "My team", {timeout: 15000});
  assert.ok(!(await databases()).includes("/data"));
  await context.close();
});
