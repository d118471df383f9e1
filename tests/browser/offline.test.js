// After one online visit the app loads and works with no network; what is written offline is saved on the
// device, survives a reload (still said to be saved), and syncs by itself when the network comes back.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {apiSession, artifacts, click, eventually, find, launchBrowser, openApp, openNewestCheckIn, pullAll,
        serviceWorkerReady, signIn, startServer, visibleTexts} from "./harness.js";

let server, browser, context, page;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({viewport: {width: 1000, height: 700}});
  page = await context.newPage();
  await openApp(page, server.url);
  await signIn(page, "manager1@demo.example");
  await find(page, /^Synced/);
  await serviceWorkerReady(page);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("the app loads offline and keeps the signed-in session", async () => {
  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.tandemReady === true, null, {timeout: 30000});
  await find(page, "Chloé Martin");  // data from the device's own store
  await page.screenshot({path: `${artifacts}/06-offline-team.png`});
});

test("check-ins written offline are saved, survive a reload, and sync when back online", async () => {
  await click(page, "New 1:1##Dev Patel");
  await find(page, "1:1 with Dev Patel");
  await click(page, "##shared-notes");
  await page.keyboard.type("Written on the train, no signal", {delay: 15});
  await click(page, "4##mood4");  // leaving the notes field commits them; the mood commits at once
  await find(page, "Saved on this device");
  await find(page, /^Offline — \d+ changes? waiting/);
  await page.screenshot({path: `${artifacts}/07-offline-check-in.png`});

  // A reload right after "saved" loses nothing, and the status bar still says so: the edit is on this
  // device and waits for the network.
  await page.reload();
  await page.waitForFunction(() => window.tandemReady === true, null, {timeout: 30000});
  await find(page, "Saved on this device");
  await find(page, /^Offline — \d+ changes? waiting/);
  await click(page, "report:Dev Patel");
  await openNewestCheckIn(page);
  const notes = (await find(page, "##shared-notes")).value;
  assert.equal(notes, "Written on the train, no signal");

  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  const session = await apiSession(server.url, "manager1@demo.example");
  await eventually(async () => (await pullAll(server.url, session.token))
    .some(c => c.entity === "checkin" && c.fields.shared_notes === "Written on the train, no signal"), 30000);
  await eventually(async () => (await visibleTexts(page)).some(t => t.startsWith("Synced")), 30000);
});
