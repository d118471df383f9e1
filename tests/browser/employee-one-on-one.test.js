// The other side of a 1:1, in the demo organisation with employee access on: Aiko, on a phone and offline,
// adds a talking point to her next 1:1 with Maya; back online it syncs; Maya sees it with its author, writes
// shared notes, a private note and an action item for Aiko; Aiko reads the notes and the item (never the
// private note), ticks the item off; and Maya's next 1:1 with Aiko no longer carries it.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {apiSession, artifacts, click, eventually, find, launchBrowser, pullAll, signedInDevice, snapshot,
        startServer, syncNow, typeInto, visibleTexts} from "./harness.js";

let server, browser, phone, desk;
const point = "Ask about the Berlin conference";
const sharedNotes = "We agreed: Aiko goes to Berlin in March";
const privateText = "Budget is tight, check with finance before promising";
const item = "Book the Berlin trip";

async function records(email, entity) {
  const session = await apiSession(server.url, email);
  const merged = {};
  for (const c of (await pullAll(server.url, session.token)).filter(c => c.entity === entity))
    Object.assign(merged[c.record_id] ??= {author_id: c.author_id}, c.fields);
  return merged;
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  phone = await signedInDevice(browser, server.url, "aiko.tanaka@demo.example", "My 1:1s", {width: 390, height: 844});
  desk = await signedInDevice(browser, server.url, "manager1@demo.example", "My team");
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("offline on a phone, an employee adds a talking point that syncs when back online", async () => {
  const {context, page} = phone;
  await find(page, "Next 1:1 with Maya Chen");
  await context.setOffline(true);
  await typeInto(page, "##my-new-point", point);
  await click(page, "Add##my-add-point");
  await find(page, `${point} · added by you`);
  await find(page, "Saved on this device");
  await find(page, /^Offline — \d+ changes? waiting/);
  await page.screenshot({path: `${artifacts}/40-employee-offline-point.png`});
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  const aiko = await apiSession(server.url, "aiko.tanaka@demo.example");
  await eventually(async () => Object.values(await records("manager1@demo.example", "talking_point"))
    .some(p => p.text === point && p.author_id === aiko.user.id), 30000);
  await eventually(async () => (await visibleTexts(page)).some(t => t.startsWith("Synced")), 30000);
});

test("the manager sees the point with its author, and writes notes, a private note and an item", async () => {
  const {page} = desk;
  await syncNow(page);
  const told = await find(page, /^Aiko added 1 talking point to /);
  await page.screenshot({path: `${artifacts}/41-manager-told-of-point.png`});
  await click(page, told.id);
  await find(page, `${point} · added by Aiko Tanaka`);
  await click(page, "##shared-notes");
  await page.keyboard.type(sharedNotes, {delay: 5});
  await click(page, "Maya Chen (me)##item-owner");
  await click(page, /^Aiko Tanaka · this 1:1$/);
  await typeInto(page, "##new-item", item);
  await page.keyboard.press("Enter");
  await find(page, item);
  // The private note: unlocked with the demo passphrase, then typed.
  if ((await visibleTexts(page)).some(t => /Private notes are locked/.test(t))) {
    await typeInto(page, "##unlock-passphrase", "tandem demo notes");
    await click(page, "Unlock##unlock");
  }
  await click(page, "##private-notes", {timeout: 30000});
  await page.keyboard.type(privateText, {delay: 5});
  await click(page, "##shared-notes");  // leaving the field commits it
  await syncNow(page);
  await eventually(async () => Object.values(await records("manager1@demo.example", "checkin"))
    .some(c => c.shared_notes === sharedNotes && c.status === "held"), 30000);
  await eventually(async () => Object.keys(await records("manager1@demo.example", "private_note")).length > 0);
  await page.screenshot({path: `${artifacts}/42-manager-wrote-for-employee.png`});
});

test("the employee reads the notes and the item, never the private note, and ticks the item off", async () => {
  const {page} = phone;
  await syncNow(page);
  const held = await eventually(async () => (await snapshot(page)).find(w => w.id.startsWith("held:") &&
                                                                               w.text.includes("1 item for you")));
  await click(page, held.id);
  await find(page, sharedNotes);
  const row = await find(page, new RegExp(`^${item} · yours`));
  assert.equal(row.value, "open");
  const texts = (await visibleTexts(page)).join("\n");
  assert.ok(!texts.includes(privateText) && !texts.includes("Budget is tight"), "the private note never shows");
  const pulled = JSON.stringify(await pullAll(server.url, (await apiSession(server.url, "aiko.tanaka@demo.example")).token));
  assert.ok(!pulled.includes("private_note") && !pulled.includes("sealing_key"), "nor reaches the device, sealed or not");
  await page.screenshot({path: `${artifacts}/43-employee-reads-1on1.png`});
  await click(page, `##my-item-${item}`);
  await eventually(async () => (await find(page, new RegExp(`^${item} · yours`))).value === "done");
  await syncNow(page);
  await eventually(async () => Object.values(await records("manager1@demo.example", "action_item"))
    .some(i => i.text === item && i.done === true), 30000);
});

test("the manager's next 1:1 with the employee no longer carries the ticked item", async () => {
  const {page} = desk;
  await syncNow(page);
  if ((await visibleTexts(page)).includes("‹ All 1:1s")) await click(page, "‹ All 1:1s");
  await click(page, "‹ My team");
  await click(page, "New 1:1##Aiko Tanaka");
  await find(page, "Agenda");
  const texts = await visibleTexts(page);
  assert.ok(!texts.includes(item), "a ticked item is not carried");
  await page.screenshot({path: `${artifacts}/44-manager-next-1on1.png`});
});
