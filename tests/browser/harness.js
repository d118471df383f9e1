// Shared set-up for the browser tests: a real tandem-server on 127.0.0.1 with a fresh demo database,
// Debian's Chromium driven by playwright-core, and helpers that act as a person would: find a widget by
// its visible text in the app's own snapshot of the last frame, then move the mouse there and click.
import {spawn, spawnSync} from "node:child_process";
import {mkdtempSync, mkdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {chromium} from "playwright-core";

const root = resolve(import.meta.dirname, "../..");
const build = process.env.TANDEM_BUILD || join(root, "build");
export const artifacts = process.env.TANDEM_ARTIFACTS || join(root, "test-artifacts");
mkdirSync(artifacts, {recursive: true});

export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), "tandem-e2e-"));
  const db = join(dir, "server.db");
  const made = spawnSync(join(build, "server/tandem-server"), ["demo", "--db", db]);
  if (made.status !== 0) throw new Error("demo failed: " + made.stderr);
  const server = spawn(join(build, "server/tandem-server"),
                       ["serve", "--db", db, "--port", "0", "--web", join(build + "-wasm", "web")]);
  const port = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("server did not start")), 10000);
    server.stdout.on("data", chunk => {
      const match = /:(\d+) /.exec(chunk.toString());
      if (match) { clearTimeout(timer); ok(Number(match[1])); }
    });
    server.on("exit", code => fail(new Error("server exited " + code)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    async stop() { server.kill("SIGTERM"); rmSync(dir, {recursive: true, force: true}); },
  };
}

const chromiumOptions = {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--disable-quic"],
};

export async function launchBrowser() {
  return chromium.launch(chromiumOptions);
}

// A browser whose profile (IndexedDB, service worker cache) lives in `profileDir`, so a test can kill it
// and start it again on the same storage, as a person restarting their laptop would.
export async function launchProfile(profileDir, contextOptions = {}) {
  return chromium.launchPersistentContext(profileDir, {...chromiumOptions, ...contextOptions});
}

// SIGKILL to every process of the browser using `profileDir`: no unload handlers, no flush, a crash.
export function killProfile(profileDir) {
  spawnSync("pkill", ["-KILL", "-f", "--", "user-data-dir=" + profileDir]);
}

// Waits for the app to draw its first frames.
export async function openApp(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.tandemReady === true, null, {timeout: 30000});
  await page.waitForTimeout(200);
}

// Offline tests need the service worker to have cached the whole build before the network goes away.
export async function serviceWorkerReady(page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    for (let i = 0; i < 100 && !registration.active; i++) await new Promise(r => setTimeout(r, 100));
  });
}

export async function snapshot(page) {
  return page.evaluate(() => JSON.parse(UTF8ToString(Module._tandem_ui_snapshot())).widgets);
}

// The first widget whose visible text (or id) matches, waiting up to `timeout` for it to appear.
export async function find(page, match, {timeout = 10000, kind} = {}) {
  const test = typeof match === "string" ? w => w.text === match || w.id === match : w => match.test(w.text);
  const deadline = Date.now() + timeout;
  for (;;) {
    const widget = (await snapshot(page)).find(w => test(w) && (!kind || w.kind === kind));
    if (widget) return widget;
    if (Date.now() > deadline) {
      const seen = (await snapshot(page)).map(w => w.text || w.id).filter(Boolean).join(" | ");
      throw new Error(`no widget ${match} on screen; visible: ${seen}`);
    }
    await page.waitForTimeout(100);
  }
}

// Opens the newest 1:1 in a report's history (rows are named "checkin:YYYY-MM-DD"; their text is the date
// as the browser's locale writes it).
export async function openNewestCheckIn(page, timeout = 10000) {
  const row = await eventually(async () => (await snapshot(page)).find(w => w.id.startsWith("checkin:")), timeout, 100)
    .catch(async () => {
      const seen = (await snapshot(page)).map(w => w.id || w.text).slice(0, 40).join(" | ");
      throw new Error("no 1:1 in this history; visible: " + seen);
    });
  await click(page, row.id);
}

export async function visibleTexts(page) {
  return (await snapshot(page)).map(w => w.text);
}

// A widget below or above the visible part of a scrolled screen is first scrolled to, with the mouse wheel
// over the screen, as a person would.
async function scrollIntoView(page, match, options) {
  let widget = await find(page, match, options);
  const {height} = page.viewportSize();
  for (let step = 0; step < 20 && (widget.y < 40 || widget.y + widget.h > height - 60); step++) {
    await page.mouse.move(page.viewportSize().width / 2, height / 2);
    await page.mouse.wheel(0, widget.y < 40 ? -200 : 200);
    await page.waitForTimeout(120);
    const before = widget.y;
    widget = await find(page, match, options);
    if (widget.y === before) break;  // nothing left to scroll: it is as visible as it gets
  }
  return widget;
}

// ImGui samples input once per frame: press, hold ~100 ms, release.
// A screen that just opened may still be settling (its scroll applied, a list filled in): the widget is
// pressed where two frames in a row agree it is.
export async function click(page, match, options) {
  let widget = await scrollIntoView(page, match, options);
  for (let look = 0; look < 10; look++) {
    await page.waitForTimeout(60);
    const again = await find(page, match, options);
    const settled = again.x === widget.x && again.y === widget.y;
    widget = again;
    if (settled) break;
  }
  const x = widget.x + Math.min(widget.w / 2, 40), y = widget.y + widget.h / 2;
  await page.mouse.move(x, y);
  await page.waitForTimeout(50);
  await page.mouse.down();
  await page.waitForTimeout(100);
  await page.mouse.up();
  await page.waitForTimeout(150);
  return widget;
}

// Replaces a field's text: click into it, select all, type.
// The page hands ImGui one key per frame, so on a busy machine typing can still be queued when the next
// click lands: wait until the field shows what was typed, as a person would look before pressing a button.
// A password field never shows its text; a field that shapes what is typed (a length limit) is left as it is.
// A field that shows none of it (the tap did not give it the keyboard) is typed into once more, as a person
// would, and a field that still shows none of it fails the test here rather than at a later button.
export async function typeInto(page, match, text) {
  for (let attempt = 1; ; attempt++) {
    const field = await click(page, match);
    await page.keyboard.press("Control+A");
    await page.keyboard.type(text, {delay: 30});
    await page.waitForTimeout(100);
    if (field.kind !== "input") return;
    let shown = field.value ?? "";
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline) {
      const now = (await snapshot(page)).find(w => w.id === field.id);
      if (!now || now.value === text) return;
      shown = now.value ?? "";
      await page.waitForTimeout(50);
    }
    const missed = text !== "" && (shown === "" || !text.startsWith(shown));
    if (!missed) return;  // a length limit kept the start of it
    if (attempt === 2) throw new Error(`typed "${text}" into ${field.id}, which shows "${shown}"`);
  }
}

export async function signIn(page, email) {
  await typeInto(page, "##email", email);
  await typeInto(page, "##password", "tandem-demo");
  await click(page, "Sign in##sign-in");
  await find(page, "My team", {timeout: 15000});
}

// A new device (its own browser context) signed in as `email`, back once `home` shows and the first sync
// has finished. Phone-sized viewports get touch.
export async function signedInDevice(browser, url, email, home, viewport = {width: 1100, height: 900}) {
  const context = await browser.newContext({viewport, hasTouch: viewport.width < 600});
  const page = await context.newPage();
  await openApp(page, url);
  await typeInto(page, "##email", email);
  await typeInto(page, "##password", "tandem-demo");
  await click(page, "Sign in##sign-in");
  await find(page, home, {timeout: 15000});
  await find(page, /^Synced/, {timeout: 20000});
  return {context, page};
}

export async function apiSession(url, email) {
  const response = await fetch(url + "/api/v1/session", {
    method: "POST", headers: {"Content-Type": "application/json"},
    body: JSON.stringify({email, password: "tandem-demo"}),
  });
  return response.json();
}

export async function pullAll(url, token) {
  const changes = [];
  let since = 0;
  for (let page = 0; page < 1000; page++) {
    const response = await fetch(`${url}/api/v1/sync/pull?since=${since}&limit=1000`,
                                 {headers: {Authorization: "Bearer " + token}});
    const body = await response.json();
    changes.push(...body.changes);
    since = body.cursor;
    if (!body.more) break;
  }
  return changes;
}

// Presses "Sync now" and waits for the server's acknowledgement.
export async function syncNow(page) {
  await click(page, "Sync now");
  await find(page, /^Synced/, {timeout: 20000});
}

// Polls `check` until it returns a truthy value or the time runs out.
export async function eventually(check, timeout = 20000, interval = 250) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise(resolve => setTimeout(resolve, interval));
  }
}
