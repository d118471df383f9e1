// Client benchmark (not a test): bundle sizes, navigation-to-first-frame online and from the service
// worker's cache, and CPU time per frame with 200 reports and 50k check-ins in the device's store.
import {spawn, spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {click, find, launchBrowser, openApp, openNewestCheckIn, signIn, typeInto} from "./harness.js";

const build = process.env.TANDEM_BUILD;
const web = join(build + "-wasm", "web");
const names = JSON.parse(readFileSync(join(web, "build.json"), "utf8"));
const size = file => statSync(join(web, file)).size;
const kb = bytes => (bytes / 1024).toFixed(0) + " KiB";
const median = values => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dir = mkdtempSync(join(tmpdir(), "tandem-bench-"));
const db = join(dir, "bench.db");
const seeded = spawnSync(join(build, "tests/bench/bench_seed"), [db, "200", "50000"]);
if (seeded.status !== 0) throw new Error(String(seeded.stderr));
const server = spawn(join(build, "server/tandem-server"), ["serve", "--db", db, "--port", "0", "--web", web]);
const port = await new Promise(ok => server.stdout.on("data", d => { const m = /:(\d+) /.exec(String(d)); if (m) ok(m[1]); }));
const url = `http://127.0.0.1:${port}`;
const browser = await launchBrowser();

async function firstFrame(page) {
  await page.waitForFunction(() => window.tandemFirstFrameAt, null, {timeout: 30000});
  return page.evaluate(() => window.tandemFirstFrameAt);
}

const online = [], cached = [];
for (let run = 0; run < 3; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  online.push(await firstFrame(page));
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(500);
  await context.setOffline(true);  // proves the second load comes from the service worker's cache
  await page.reload();
  cached.push(await firstFrame(page));
  await context.close();
}

const context = await browser.newContext({viewport: {width: 1280, height: 800}});
const page = await context.newPage();
await openApp(page, url);
// Frame gaps while the initial sync runs: does applying pages ever hold the UI thread too long?
await page.evaluate(() => {
  window.frameGaps = [];
  let last = performance.now();
  const tick = now => { window.frameGaps.push(now - last); last = now; if (!window.stopGaps) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
});
const syncStart = Date.now();
await typeInto(page, "##email", "bench@demo.example");
await typeInto(page, "##password", "tandem-demo");
await click(page, "Sign in##sign-in");
await find(page, "200 direct reports", {timeout: 300000});
await find(page, /^Synced/, {timeout: 300000});
const initialSyncSeconds = (Date.now() - syncStart) / 1000;
const gaps = await page.evaluate(() => { window.stopGaps = true; return window.frameGaps.sort((a, b) => a - b); });
const gapP95 = gaps[Math.floor(gaps.length * 0.95)], gapMax = gaps[gaps.length - 1];

async function frameCpu(label) {
  await page.waitForTimeout(500);
  await page.evaluate(() => Module._tandem_frame_cpu_ms(0, 1));
  await page.mouse.move(600, 400);
  for (let i = 0; i < 20; i++) { await page.mouse.wheel(0, 120); await page.waitForTimeout(100); }  // scroll while measuring
  const ui = await page.evaluate(() => Module._tandem_frame_cpu_ms(1, 0));
  return [label, await page.evaluate(() => Module._tandem_frame_cpu_ms(0, 1)), ui];
}
const frames = [await frameCpu("My team (200 reports)")];
// Back to the top: ImGui's list clipper always lays out the first row, so after scrolling it is listed but
// hidden under the table header.
for (let i = 0; i < 25; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(40); }
await click(page, "report:Report 1000");
frames.push(await frameCpu("history (250 check-ins)"));
await openNewestCheckIn(page);
frames.push(await frameCpu("check-in editor"));

await browser.close();
server.kill();

const wasmGz = size(names.wasm + ".gz"), jsGz = size(names.js + ".gz");
console.log("\nclient benchmark (headless Chromium, SwiftShader WebGL, 2 cores)");
console.log(`  wasm            : ${kb(size(names.wasm))} raw, ${kb(wasmGz)} gzip`);
console.log(`  js              : ${kb(size(names.js))} raw, ${kb(jsGz)} gzip`);
console.log(`  wasm + js gzip  : ${kb(wasmGz + jsGz)} (target <= 1.2 MB)`);
console.log(`  font (separate) : ${kb(size(names.font))} raw, ${kb(size(names.font + ".gz"))} gzip`);
console.log(`  first frame     : online ${median(online).toFixed(0)} ms, from service-worker cache ${median(cached).toFixed(0)} ms (median of 3; target < 800 ms cached)`);
console.log(`  initial sync    : ${initialSyncSeconds.toFixed(1)} s for 200 people + 50k check-ins; frame gaps p95 ${gapP95.toFixed(0)} ms, max ${gapMax.toFixed(0)} ms`);
for (const [label, ms, ui] of frames)
  console.log(`  frame CPU       : ${ui.toFixed(2)} ms app + ImGui, ${ms.toFixed(2)} ms with WebGL submission, on ${label} (target < 4 ms)`);
