// Benchmark (not a test): how long after the last keystroke in a 1:1's shared notes the status bar says
// "Saved on this device" (target <= 400 ms), and where that time goes. Arguments are web builds to compare,
// as label=folder (default: this build's web app); their samples alternate in one run, so a busy machine
// weighs on each alike. The page keeps what each frame showed, so polling adds nothing to the figures.
import {spawn, spawnSync} from "node:child_process";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {click, find, launchBrowser, openApp, signIn} from "./harness.js";

const build = process.env.TANDEM_BUILD;
const variants = (process.argv.length > 2 ? process.argv.slice(2) : ["this build=" + join(build + "-wasm", "web")])
  .map(arg => { const at = arg.indexOf("="); return {label: arg.slice(0, at), web: arg.slice(at + 1), samples: []}; });
const rounds = Number(process.env.TANDEM_BENCH_ROUNDS || 3), perRound = 3;
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dir = mkdtempSync(join(tmpdir(), "tandem-bench-saved-"));
async function serve(name, web) {
  const db = join(dir, name + ".db");
  const made = spawnSync(join(build, "server/tandem-server"), ["demo", "--db", db]);
  if (made.status !== 0) throw new Error(String(made.stderr));
  const server = spawn(join(build, "server/tandem-server"), ["serve", "--db", db, "--port", "0", "--web", web]);
  const port = await new Promise(ok => server.stdout.on("data", d => { const m = /:(\d+) /.exec(String(d)); if (m) ok(m[1]); }));
  return {server, url: `http://127.0.0.1:${port}`};
}

// Records in the page: each key's time, each frame's time and status line, and each flush to IndexedDB.
function watch() {
  const log = window.savedBench = {keys: [], frames: [], flushes: []};
  for (const type of ["keydown", "input"]) document.addEventListener(type, () => log.keys.push(performance.now()), true);
  const flushToIndexedDb = TandemPageStore.flush;  // client/web/page_store.js: the chunks written since the last one
  TandemPageStore.flush = done => {
    const flush = {start: performance.now()};
    log.flushes.push(flush);
    flushToIndexedDb(ok => { flush.end = performance.now(); done(ok); });
  };
  // Emscripten calls this right after each frame of the app's main loop: the frame's own end, not the next one.
  Module.postMainLoop = () => {
    const texts = JSON.parse(UTF8ToString(Module._tandem_ui_snapshot())).widgets.map(w => w.text);
    log.frames.push({at: performance.now(), status: texts.find(t => t === "Saving…" || t === "Saved on this device") ?? ""});
  };
  log.storeBytes = FS.readdir("/data").filter(name => name.endsWith(".db")).map(name => FS.stat("/data/" + name).size);
}

// Types a sentence as a quick typist would, then reads back from the page when "Saved" first showed.
async function sample(page, n) {
  const since = await page.evaluate(() => performance.now());
  await page.keyboard.type(` note ${n} about the Q1 plan`, {delay: 60});
  const result = await page.waitForFunction(since => {
    const log = window.savedBench;
    const lastKey = Math.max(...log.keys.filter(at => at >= since));
    const frames = log.frames.filter(f => f.at > lastKey);
    const saved = frames.find(f => f.status === "Saved on this device");
    if (!saved || !frames.some(f => f.status === "Saving…" && f.at < saved.at)) return null;
    const flush = log.flushes.filter(f => f.end !== undefined && f.end <= saved.at).pop();
    const gaps = frames.filter(f => f.at <= saved.at).map((f, i, all) => i ? f.at - all[i - 1].at : 0).slice(1);
    return {total: saved.at - lastKey, flushStart: flush.start - lastKey, flush: flush.end - flush.start,
            afterFlush: saved.at - flush.end, frameGap: gaps.length ? Math.max(...gaps) : 0};
  }, since, {timeout: 20000, polling: 200});
  await page.waitForTimeout(400);
  return result.jsonValue();
}

const browser = await launchBrowser();
for (const [i, variant] of variants.entries()) Object.assign(variant, await serve("v" + i, variant.web));
for (let round = 0; round < rounds; round++) {
  for (const variant of variants) {  // one page at a time: an idle page's frames would load the machine too
    const context = await browser.newContext({viewport: {width: 1000, height: 700}});
    const page = await context.newPage();
    await openApp(page, variant.url);
    await signIn(page, "manager1@demo.example");
    await find(page, /^Synced/, {timeout: 20000});
    await click(page, "New 1:1##Dev Patel");
    await find(page, "1:1 with Dev Patel");
    await click(page, "##shared-notes");
    await page.evaluate(watch);
    for (let n = 0; n < perRound; n++) variant.samples.push(await sample(page, n));
    variant.storeBytes = await page.evaluate(() => window.savedBench.storeBytes);
    variant.flushed = await page.evaluate(() => ({flushes: TandemPageStore.stats.flushes, bytes: TandemPageStore.stats.bytesWritten}));
    await context.close();
  }
}
await browser.close();
for (const variant of variants) variant.server.kill();
rmSync(dir, {recursive: true, force: true});

const ms = value => value.toFixed(0).padStart(4) + " ms";
console.log(`\n"Saved on this device" after the last keystroke in a 1:1's shared notes (median of ${rounds * perRound}; target <= 400 ms)`);
console.log("  build            total   key → flush starts   flush (IndexedDB)   flush → frame   worst frame gap   all totals");
for (const {label, samples} of variants) {
  const m = key => ms(median(samples.map(s => s[key])));
  console.log(`  ${label.padEnd(15)} ${m("total")}   ${m("flushStart").padStart(18)}   ${m("flush").padStart(17)}   ${m("afterFlush").padStart(13)}   ${m("frameGap").padStart(15)}   ` +
              samples.map(s => s.total.toFixed(0)).join(" "));
}
for (const variant of variants)
  console.log(`  (${variant.label}: the store is ${(variant.storeBytes / 1024).toFixed(0)} KiB; a flush wrote ${(variant.flushed.bytes / Math.max(1, variant.flushed.flushes) / 1024).toFixed(0)} KiB on average, the chunks changed since the one before)`);
