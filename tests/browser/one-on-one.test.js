// The whole 1:1 as a manager lives it: the week's due list, logging a 1:1 that already happened from the
// team screen, a cadence per report, and an agenda that carries open items from earlier 1:1s until done.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {apiSession, artifacts, click, eventually, find, launchBrowser, openApp, pullAll, signIn, snapshot,
        startServer, typeInto, visibleTexts} from "./harness.js";

let server, browser, page;

// A date as the page's locale writes it, `days` from today (UTC, as the app computes days).
async function localDate(days) {
  return page.evaluate(days => {
    const date = new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
    return new Date(date + "T12:00:00Z").toLocaleDateString(undefined,
      {timeZone: "UTC", year: "numeric", month: "short", day: "numeric"});
  }, days);
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({viewport: {width: 1100, height: 900}});
  await openApp(page, server.url);
  await signIn(page, "manager1@demo.example");
  await find(page, /^Synced/);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("the team screen lists who is due this week, in the locale's date format", async () => {
  await find(page, "Due in the next 7 days");
  const due = (await snapshot(page)).filter(w => w.id.startsWith("due:"));
  assert.ok(due.length >= 2, "Aiko (overdue) and Dev (never met) at least");
  assert.match(due[0].text, /^Overdue since .* Aiko Tanaka$/);
  assert.ok(due.some(w => w.text === "Today Dev Patel"), "never met: due today, said as the table says it");
  assert.ok(!(await visibleTexts(page)).some(t => /^\d{4}-\d\d-\d\d$/.test(t)), "no bare ISO dates");
  await page.screenshot({path: `${artifacts}/30-due-this-week.png`});
});

test("a 1:1 that already happened is logged from the team screen in a few taps", async () => {
  const started = Date.now();
  await click(page, "Log 1:1##Chloé Martin");
  await find(page, "Log a 1:1 with Chloé Martin");
  await click(page, "4##log-mood4");
  await typeInto(page, "##log-notes", "Walked through the Q1 roadmap");
  await click(page, "Log it##log-save");
  await eventually(async () => !(await visibleTexts(page)).includes("Log a 1:1 with Chloé Martin"));
  console.log(`logged a 1:1 in ${((Date.now() - started) / 1000).toFixed(1)} s of scripted taps`);
  const session = await apiSession(server.url, "manager1@demo.example");
  await eventually(async () => (await pullAll(server.url, session.token))
    .some(c => c.entity === "checkin" && c.fields.shared_notes === "Walked through the Q1 roadmap" &&
               c.fields.mood === 4));
});

test("a cadence set for one report moves their next due date", async () => {
  await click(page, "report:Bruno Álvarez");  // met 5 days ago, fortnightly by default
  const dueOn = async days => new RegExp(`^Next 1:1: \\w{3} ${(await localDate(days)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
  await find(page, await dueOn(9));
  await click(page, "Weekly##cadence-week");
  await find(page, await dueOn(2));
  await click(page, "Monthly##cadence-month");
  await find(page, /^Next 1:1: /);
  await click(page, "‹ My team");
});

test("the agenda carries open items, takes talking points in order, and ticks items off everywhere", async () => {
  await click(page, "New 1:1##Aiko Tanaka");
  await find(page, "1:1 with Aiko Tanaka");
  await find(page, "Pair Aiko with Dev on the on-call handover");  // open since the 1:1 20 days ago
  await typeInto(page, "##new-point", "Workload after the migration");
  await page.keyboard.press("Enter");
  await find(page, "Workload after the migration");  // the agenda grew: the field has moved down
  await typeInto(page, "##new-point", "Conference budget");
  await click(page, "Add##add-point");
  await find(page, "Conference budget");
  await click(page, "Up##up-Conference budget");
  await eventually(async () => {
    const texts = await visibleTexts(page);
    return texts.indexOf("Conference budget") < texts.indexOf("Workload after the migration");
  });
  await click(page, "##carried-Pair Aiko with Dev on the on-call handover");
  await typeInto(page, "##new-item", "Send Aiko the new rota");
  await page.keyboard.press("Enter");
  await find(page, "Saved on this device");
  await page.screenshot({path: `${artifacts}/31-agenda.png`});

  // The next 1:1: the item agreed today is carried, the ticked one is gone.
  await click(page, "‹ All 1:1s");
  await click(page, "New 1:1");
  await find(page, "1:1 with Aiko Tanaka");
  await find(page, "Send Aiko the new rota");
  const texts = await visibleTexts(page);
  assert.ok(!texts.includes("Pair Aiko with Dev on the on-call handover"), "ticked off: no longer carried");
  assert.ok(!texts.includes("Conference budget"), "talking points belong to their own 1:1");
  const session = await apiSession(server.url, "manager1@demo.example");
  await eventually(async () => (await pullAll(server.url, session.token))
    .some(c => c.entity === "talking_point" && c.fields.text === "Conference budget"));
});
