// The date field as a person in Britain meets it on HR's Training screen: a date typed the British way
// (day first) is shown as the browser's locale writes it, an impossible one is named in place, and a day
// is picked from the calendar by mouse and the calendar closed with Escape.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {artifacts, click, find, launchBrowser, openApp, snapshot, startServer, typeInto,
        visibleTexts} from "./harness.js";

let server, browser, hr;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The locale decides what "9/12/2026" means: here the 9th of December, not September 12th.
  const context = await browser.newContext({viewport: {width: 1100, height: 900}, locale: "en-GB"});
  hr = await context.newPage();
  await openApp(hr, server.url);
  await typeInto(hr, "##email", "hr@demo.example");
  await typeInto(hr, "##password", "tandem-demo");
  await click(hr, "Sign in##sign-in");
  await find(hr, /^Synced/, {timeout: 20000});
  await click(hr, "Training");
  await find(hr, "New session");
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function fieldText(page, id) {
  return (await snapshot(page)).find(w => w.id === id)?.value;
}

async function waitFor(check, what) {
  for (let i = 0; i < 50; i++) {
    if (await check()) return;
    await hr.waitForTimeout(100);
  }
  assert.fail("never saw " + what);
}

test("a date typed in the locale's order is shown as the locale writes it", async () => {
  await typeInto(hr, "Date##session-date", "9/12/2026");
  await hr.keyboard.press("Enter");
  await waitFor(async () => (await fieldText(hr, "Date##session-date")) === "9 Dec 2026", "9 Dec 2026 in the field");
  // Month names are read too, whichever side of the day they stand.
  await typeInto(hr, "Date##session-date", "March 3 2027");
  await hr.keyboard.press("Enter");
  await waitFor(async () => (await fieldText(hr, "Date##session-date")) === "3 Mar 2027", "3 Mar 2027 in the field");
});

test("an impossible date is named in place and the typing kept to correct", async () => {
  await typeInto(hr, "Date##session-date", "31/04/2026");
  await hr.keyboard.press("Enter");
  await find(hr, "There is no 31 April 2026.", {kind: "text"});
  assert.equal(await fieldText(hr, "Date##session-date"), "31/04/2026");
  await hr.screenshot({path: `${artifacts}/90-date-field-problem.png`});
  await typeInto(hr, "##session-title", "Giving feedback well");
  await click(hr, "Add session##session-add");
  await find(hr, "Correct the date first.");
  assert.ok(!(await visibleTexts(hr)).some(t => t.startsWith("Giving feedback well")), "no session added");
});

test("a day picked from the calendar replaces the impossible date; Escape closes the calendar", async () => {
  await click(hr, "session-date-calendar");
  // The calendar opens on the month of the date last taken (March 2027), not on the impossible one.
  await find(hr, "March 2027");
  await click(hr, "session-date-next");
  await find(hr, "April 2027");
  const day = await find(hr, "session-date-day-2027-04-15");
  assert.ok(day.w >= 36 && day.h >= 36, `a day is a touch target (${day.w}×${day.h})`);
  await hr.screenshot({path: `${artifacts}/91-date-field-calendar.png`});
  await click(hr, "session-date-day-2027-04-15");
  await waitFor(async () => (await fieldText(hr, "Date##session-date")) === "15 Apr 2027", "15 Apr 2027 in the field");
  assert.ok(!(await visibleTexts(hr)).some(t => t.startsWith("There is no")), "the problem is gone");
  assert.ok(!(await visibleTexts(hr)).includes("April 2027"), "the calendar closed on the pick");

  await click(hr, "session-date-calendar");
  await find(hr, "session-date-day-2027-04-30");
  // ImGui reads the keyboard once a frame: a key is held down as long as a person would.
  await hr.keyboard.down("Escape");
  await hr.waitForTimeout(100);
  await hr.keyboard.up("Escape");
  await waitFor(async () => !(await snapshot(hr)).some(w => w.id === "session-date-next"), "the calendar closed");
  assert.equal(await fieldText(hr, "Date##session-date"), "15 Apr 2027", "Escape changed nothing");

  await click(hr, "Add session##session-add");
  await find(hr, /^15 Apr 2027/);  // the new session's line, its date as the locale writes it
});
