// One manager on two devices (two browser contexts with separate storage) editing the same 1:1 while
// offline: after both sync, both show the same merged result.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {click, eventually, find, launchBrowser, openApp, openNewestCheckIn, signIn, snapshot,
        startServer, syncNow} from "./harness.js";

let server, browser, laptop, phone;

async function device() {
  const context = await browser.newContext({viewport: {width: 1000, height: 700}});
  const page = await context.newPage();
  await openApp(page, server.url);
  await signIn(page, "manager1@demo.example");
  await find(page, /^Synced/);
  return {context, page};
}

async function openLatestCheckIn(page, report) {
  await click(page, "‹ My team").catch(() => {});
  await click(page, "report:" + report);
  await openNewestCheckIn(page);
  await find(page, "1:1 with " + report);
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  laptop = await device();
  phone = await device();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("concurrent offline edits to one check-in converge on both devices", async () => {
  await openLatestCheckIn(laptop.page, "Bruno Álvarez");
  await openLatestCheckIn(phone.page, "Bruno Álvarez");

  await laptop.context.setOffline(true);
  await phone.context.setOffline(true);
  await click(laptop.page, "##shared-notes");
  await laptop.page.keyboard.press("Control+A");
  await laptop.page.keyboard.type("Laptop: agreed on the team-lead plan", {delay: 10});
  await click(laptop.page, "2##mood2");
  await phone.page.waitForTimeout(50);  // the phone's edit is later, so it wins the notes field
  await click(phone.page, "##shared-notes");
  await phone.page.keyboard.press("Control+A");
  await phone.page.keyboard.type("Phone: plan agreed, review in March", {delay: 10});
  await click(phone.page, "##new-item");  // leaving the notes commits them
  await find(phone.page, "Saved on this device");

  await laptop.context.setOffline(false);
  await phone.context.setOffline(false);
  await syncNow(laptop.page);
  await syncNow(phone.page);
  await syncNow(laptop.page);

  const state = async page => ({notes: (await snapshot(page)).find(w => w.id === "##shared-notes").value});
  const laptopNotes = await eventually(async () => {
    const s = await state(laptop.page);
    return s.notes.startsWith("Phone") ? s : null;
  });
  const phoneNotes = await state(phone.page);
  assert.equal(laptopNotes.notes, "Phone: plan agreed, review in March");
  assert.equal(phoneNotes.notes, laptopNotes.notes);
  const moodOn = async page => (await snapshot(page)).some(w => w.text === "(tap again to clear)");
  assert.ok(await moodOn(laptop.page), "laptop keeps its mood");
  assert.ok(await eventually(() => moodOn(phone.page)), "phone receives the laptop's mood");
});
