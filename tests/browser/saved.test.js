// "Saved on this device" tells the truth: while typed text is uncommitted the status says "Saving…"; the
// moment it says "Saved" the whole browser is killed (SIGKILL), and after a restart with no network the
// text is there. Closing a tab right after typing loses nothing either.
import assert from "node:assert/strict";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {click, find, killProfile, launchProfile, openApp, openNewestCheckIn, serviceWorkerReady, signIn,
        snapshot, startServer} from "./harness.js";

let server, profile, context, page;
const viewport = {width: 1000, height: 700};

async function statusLine() {
  const texts = (await snapshot(page)).map(w => w.text);
  return texts.find(t => t === "Saving…" || t === "Saved on this device") ?? "";
}

async function restartOffline() {
  context = await launchProfile(profile, {viewport, offline: true});
  page = context.pages()[0] ?? await context.newPage();
  await openApp(page, server.url);
}

async function openLatestCheckIn(report) {
  await click(page, "report:" + report);
  await openNewestCheckIn(page);
  await find(page, "1:1 with " + report);
}

before(async () => {
  server = await startServer();
  profile = mkdtempSync(join(tmpdir(), "tandem-profile-"));
  context = await launchProfile(profile, {viewport});
  page = context.pages()[0] ?? await context.newPage();
  await openApp(page, server.url);
  await signIn(page, "manager1@demo.example");
  await find(page, /^Synced/);
  await serviceWorkerReady(page);
});

after(async () => {
  await context?.close().catch(() => {});
  killProfile(profile);
  rmSync(profile, {recursive: true, force: true});
  await server?.stop();
});

test("typing shows Saving… until the text is flushed; a browser killed at Saved loses nothing", async () => {
  await click(page, "New 1:1##Dev Patel");
  await find(page, "1:1 with Dev Patel");
  await click(page, "##shared-notes");
  const text = "Wants to lead the Q1 migration; ask Sam about pairing";
  await page.keyboard.type(text, {delay: 25});
  const lastKey = Date.now();
  assert.equal(await statusLine(), "Saving…", "right after typing, nothing may claim to be saved");
  await find(page, "Saved on this device", {timeout: 20000});
  const savedAfter = Date.now() - lastKey;
  killProfile(profile);
  console.log(`"Saved on this device" ${savedAfter} ms after the last keystroke; browser killed then`);
  await context.close().catch(() => {});

  await restartOffline();
  await find(page, "Dev Patel");
  await openLatestCheckIn("Dev Patel");
  assert.equal((await find(page, "##shared-notes")).value, text);
});

test("a tab closed right after typing keeps what was typed", async () => {
  await click(page, "##shared-notes");
  await page.keyboard.press("End");
  // Keys typed faster than frames are drawn (a loaded machine, a fast typist) wait in the page for their
  // frame: it hands them to ImGui one per frame. Here they arrive in one go, through the hidden field's input
  // events as typed keys do, and the tab is closed at once, so most are still queued and nothing has been
  // committed. pagehide must draw them into the field, then commit, keep them in its note and flush.
  await page.waitForFunction(() => document.activeElement?.id === "text-input");  // the field is active
  await page.evaluate(text => {
    const field = document.getElementById("text-input");
    for (const character of text) {
      field.value = character;
      field.dispatchEvent(new InputEvent("input", {inputType: "insertText", data: character}));
    }
  }, " — closed at once");
  // With runBeforeUnload, close() returns before the tab is gone; the browser outlives the tab until it is
  // (as when a person closes one tab), then quits. A fixed wait here killed the browser before pagehide had
  // run on a loaded machine, which is the kill test's case, not this one's.
  const gone = page.waitForEvent("close", {timeout: 15000});
  await page.close({runBeforeUnload: true});
  await gone;
  await context.close();

  await restartOffline();
  await openLatestCheckIn("Dev Patel");
  assert.match((await find(page, "##shared-notes")).value, / — closed at once$/);
});

test("feedback not yet given is kept on the device: killed at Saved, it is there after a restart", async () => {
  await click(page, "Feedback");
  await click(page, "Give feedback##give-open");
  await click(page, "Choose a person##give-about");
  await click(page, /^Bruno Álvarez · your team$/);
  await click(page, "##behaviour");
  const text = "You wrote the migration guide before anyone asked";
  await page.keyboard.type(text, {delay: 25});
  assert.equal(await statusLine(), "Saving…");
  await find(page, "Saved on this device", {timeout: 20000});
  killProfile(profile);
  await context.close().catch(() => {});

  await restartOffline();
  await click(page, "Feedback");
  await click(page, "Give feedback##give-open");
  assert.equal((await find(page, "##behaviour")).value, text);
  await find(page, "Bruno Álvarez##give-about");
});
