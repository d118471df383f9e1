// The 1:1 as a manager lives it, in the demo organisation: a 1:1 prepared is not a 1:1 held, an overdue
// item reads as overdue, an item ticked in a later 1:1 stays there as done (with undo), the owner of an
// action item is chosen, the next 1:1 opens at its top, several 1:1s on one day are told apart, and days
// are said the same way everywhere. Each is checked in what a person sees (the widget snapshot).
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {apiSession, artifacts, click, eventually, find, launchBrowser, openApp, pullAll, signIn, snapshot,
        startServer, typeInto, visibleTexts} from "./harness.js";

let server, browser, page;
const carriedText = "Pair Aiko with Dev on the on-call handover";  // the demo's: due 13 days ago, still open

// A date as the page's locale writes it, `days` from today (UTC, as the app computes days).
async function localDate(days) {
  return page.evaluate(days => {
    const date = new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
    return new Date(date + "T12:00:00Z").toLocaleDateString(undefined,
      {timeZone: "UTC", year: "numeric", month: "short", day: "numeric"});
  }, days);
}
const isoDate = days => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

// The widget drawn right after the one whose text is `text` (the detail on the same row).
async function after_(text) {
  const widgets = await snapshot(page);
  const at = widgets.findIndex(w => w.text === text);
  return at >= 0 ? widgets.slice(at + 1, at + 4).map(w => w.text) : [];
}

async function mergedRecords(entity) {
  const session = await apiSession(server.url, "manager1@demo.example");
  const merged = {};
  for (const c of (await pullAll(server.url, session.token)).filter(c => c.entity === entity))
    Object.assign(merged[c.record_id] ??= {}, c.fields);
  return merged;
}

async function backToTeam() {
  if ((await visibleTexts(page)).includes("‹ All 1:1s")) await click(page, "‹ All 1:1s");
  await click(page, "‹ My team");
  await find(page, "Due in the next 7 days");
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The locale decides what "2/30/2027" means: US order, month first.
  page = await browser.newPage({viewport: {width: 1100, height: 700}, locale: "en-US"});
  await openApp(page, server.url);
  await signIn(page, "manager1@demo.example");
  await find(page, /^Synced/);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("days are said the same way in the due list and the table", async () => {
  const due = (await snapshot(page)).filter(w => w.id.startsWith("due:"));
  assert.ok(due.some(w => w.text === "Today Dev Patel"), "Dev has never met: due today");
  assert.ok((await visibleTexts(page)).includes("Today"), "the table's Next 1:1 for Dev says Today too");
  const today = await localDate(0);
  assert.ok(!due.some(w => w.text.includes(today)), "today is not also written as a date");
});

test("an overdue open item reads as overdue on the team screen", async () => {
  assert.ok((await visibleTexts(page)).includes("1 · 1 overdue"), "Aiko: one open item, past its due date");
});

test("New 1:1 prepares a planned 1:1 that counts for nothing until it is held", async () => {
  assert.match((await find(page, "due:Aiko Tanaka")).text, /^Overdue since /);
  await click(page, "New 1:1##Aiko Tanaka");
  await find(page, "1:1 with Aiko Tanaka");
  await find(page, "Planned · Today");
  await find(page, "Mark as held##held-today");
  // The carried item from the 1:1 of 20 days ago, flagged as overdue where the manager reads it.
  await find(page, carriedText);
  assert.ok((await after_(carriedText)).includes("overdue since " + await localDate(-13)),
            "overdue carried item flagged: " + (await after_(carriedText)).join(" | "));
  await page.screenshot({path: `${artifacts}/32-one-on-one-prepared.png`});

  // Looking at it changed nothing: still overdue, and the history shows it as planned, not held.
  await backToTeam();
  assert.match((await find(page, "due:Aiko Tanaka")).text, /^Overdue since /);
  await find(page, /planned Today$/);
  await click(page, "report:Aiko Tanaka");
  await find(page, "Planned · Today");
  // New 1:1 again opens the same planned 1:1 rather than a second empty one; untouched, it is discarded.
  await click(page, "New 1:1");
  await find(page, "1:1 with Aiko Tanaka");
  await click(page, "Discard this planned 1:1");
  await find(page, "1:1s with Aiko Tanaka");
  await eventually(async () => !(await visibleTexts(page)).includes("Planned · Today"));
  assert.equal((await snapshot(page)).filter(w => w.id.startsWith("checkin:")).length, 2, "the demo's two 1:1s only");

  // Writing notes on its day holds it.
  await click(page, "New 1:1");
  await find(page, "Planned · Today");
  await typeInto(page, "##shared-notes", "Talked through the on-call rota");
  await find(page, "Held today");
  await find(page, "Saved on this device");
  await page.screenshot({path: `${artifacts}/33-one-on-one-held.png`});
  await backToTeam();
  const aiko = (await snapshot(page)).find(w => w.id === "due:Aiko Tanaka");
  assert.ok(!aiko || !aiko.text.startsWith("Overdue"), "held today: no longer overdue");
  await eventually(async () => Object.values(await mergedRecords("checkin"))
    .some(c => c.shared_notes === "Talked through the on-call rota" && c.status === "held"));
});

test("an item ticked in a later 1:1 stays there as done, and is undone there", async () => {
  await click(page, "report:Aiko Tanaka");
  await click(page, "checkin:" + isoDate(0));
  await find(page, "Held today");
  await click(page, "##carried-" + carriedText);
  await find(page, "done in this 1:1");
  assert.ok((await after_(carriedText)).includes("done in this 1:1"));
  await page.screenshot({path: `${artifacts}/34-one-on-one-carried-done.png`});

  // The 1:1 that agreed it says where it was done.
  await click(page, "‹ All 1:1s");
  await click(page, "checkin:" + isoDate(-20));
  await find(page, "done in the 1:1 of " + await localDate(0));

  // Undo where it was ticked: open again, carried again.
  await click(page, "‹ All 1:1s");
  await click(page, "checkin:" + isoDate(0));
  await click(page, "##closed-" + carriedText);
  await find(page, "##carried-" + carriedText);
  assert.ok(!(await visibleTexts(page)).includes("done in this 1:1"));
  await eventually(async () => Object.values(await mergedRecords("action_item"))
    .some(item => item.text === carriedText && item.done === false && item.done_in === null));
});

test("the owner of an action item is chosen: the report, the manager or their team", async () => {
  await click(page, "Maya Chen (me)##item-owner");
  await click(page, /^Aiko Tanaka · this 1:1$/);
  await typeInto(page, "##new-item", "Send the rota draft to the team");
  await page.keyboard.press("Enter");
  await find(page, "Send the rota draft to the team");
  assert.equal((await after_("Send the rota draft to the team"))[0], "Aiko Tanaka");
  const people = await mergedRecords("person");
  const aikoId = Object.entries(people).find(([, p]) => p.name === "Aiko Tanaka")[0];
  await eventually(async () => Object.values(await mergedRecords("action_item"))
    .some(item => item.text === "Send the rota draft to the team" && item.owner_id === aikoId));
});

test("a due date is typed the locale's way or picked from a calendar; an impossible one is named in place", async () => {
  const dueValue = async () => (await snapshot(page)).find(w => w.id === "Due##item-due")?.value;
  await typeInto(page, "Due##item-due", "2/30/2027");
  await page.keyboard.press("Enter");
  await find(page, "There is no February 30, 2027.", {kind: "text"});
  await typeInto(page, "##new-item", "Book the offsite");
  await page.keyboard.press("Enter");
  await page.waitForTimeout(500);
  assert.ok(!(await visibleTexts(page)).includes("Book the offsite"), "not added while the date is impossible");
  await typeInto(page, "Due##item-due", "12/24/2027");
  await page.keyboard.press("Enter");
  await eventually(async () => (await dueValue()) === "Dec 24, 2027", 5000);
  await click(page, "item-due-calendar");
  await find(page, "December 2027");
  await page.screenshot({path: `${artifacts}/35-one-on-one-due-calendar.png`});
  await click(page, "item-due-day-2027-12-31");
  await eventually(async () => (await dueValue()) === "Dec 31, 2027", 5000);
  await click(page, "##new-item");
  await page.keyboard.press("Enter");  // the text typed before is still there
  await find(page, "Book the offsite");
  assert.ok((await after_("Book the offsite")).includes("due Dec 31, 2027"));
  await eventually(async () => Object.values(await mergedRecords("action_item"))
    .some(item => item.text === "Book the offsite" && item.due_on === "2027-12-31"));
});

test("the next 1:1 opens at its top, whatever was scrolled in the one before", async () => {
  // Work low in this 1:1: the editor is scrolled to its end.
  await page.mouse.move(550, 400);
  for (let i = 0; i < 4; i++) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(120);
  }
  const inView = async () => {
    const widgets = await snapshot(page);
    const region = widgets.find(w => w.id === "editor" && w.kind === "region");
    const agenda = widgets.find(w => w.text === "Agenda" && w.kind === "heading");
    return region && agenda && agenda.y >= region.y && agenda.y + agenda.h <= region.y + region.h;
  };
  assert.equal(await inView(), false, "the agenda heading was scrolled out of view");
  await click(page, "‹ All 1:1s");
  await click(page, "checkin:" + isoDate(-20));
  await find(page, "Pair Aiko with Dev on the on-call handover");
  await eventually(inView, 3000);
});

test("several 1:1s on one day are told apart in the history", async () => {
  await backToTeam();
  await click(page, "Log 1:1##Aiko Tanaka");
  await typeInto(page, "##log-notes", "A second talk, after the incident");
  await click(page, "Log it##log-save");
  await click(page, "report:Aiko Tanaka");
  await find(page, "1:1s with Aiko Tanaka");
  const rows = (await snapshot(page)).filter(w => w.id === "checkin:" + isoDate(0)).map(w => w.text);
  const today = await localDate(0);
  assert.deepEqual(rows, [`${today} (second that day)`, `${today} (first that day)`]);
  await backToTeam();
});
