// A manager signs in, sees their team, writes a 1:1 with non-ASCII notes and an action item, and the
// server has it. Screenshots of each main screen go to test-artifacts/.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {apiSession, artifacts, click, eventually, find, launchBrowser, openApp, pullAll, signIn, startServer,
        typeInto, visibleTexts} from "./harness.js";

let server, browser, page;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({viewport: {width: 1100, height: 720}, deviceScaleFactor: 2});
  await openApp(page, server.url);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("wrong password shows a clear message and stays on sign-in", async () => {
  await page.screenshot({path: `${artifacts}/01-sign-in.png`});
  await typeInto(page, "##email", "manager1@demo.example");
  await typeInto(page, "##password", "not-the-password");
  await click(page, "Sign in##sign-in");
  await find(page, "The e-mail or password is not right.");
  // Clear the password field with the keyboard, as a person would.
  await click(page, "##password");
  for (let i = 0; i < 20; i++) await page.keyboard.press("Backspace");
});

test("my team lists the reports with the overdue one highlighted", async () => {
  await signIn(page, "manager1@demo.example");
  await find(page, "Aiko Tanaka");  // the team arrives with the first sync
  const texts = await visibleTexts(page);
  for (const name of ["Aiko Tanaka", "Bruno Álvarez", "Chloé Martin", "Dev Patel"]) assert.ok(texts.includes(name), name);
  assert.ok(texts.some(t => t.startsWith("Overdue")), "Aiko's last 1:1 was 20 days ago: overdue");
  assert.ok(texts.includes("1 overdue") || texts.some(t => t.includes("1 overdue")));
  await page.screenshot({path: `${artifacts}/02-my-team.png`});
});

test("a report's history shows past 1:1s, newest first", async () => {
  await click(page, "report:Aiko Tanaka");
  await find(page, "1:1s with Aiko Tanaka");
  const rows = (await page.evaluate(() => JSON.parse(UTF8ToString(Module._tandem_ui_snapshot())).widgets))
                 .filter(w => w.id.startsWith("checkin:"));
  assert.equal(rows.length, 2);
  assert.ok(rows[0].id > rows[1].id, "newest first (ids carry the ISO date)");
  assert.doesNotMatch(rows[0].text, /^\d{4}-\d\d-\d\d$/, "dates are shown as the locale writes them");
  await page.screenshot({path: `${artifacts}/03-history.png`});
});

test("a new 1:1 with notes and an action item reaches the server", async () => {
  await click(page, "New 1:1");
  await find(page, "1:1 with Aiko Tanaka");
  const notes = "Grüße aus Köln — café, naïve, 日本";
  await click(page, "##shared-notes");
  await page.keyboard.type("Grüße aus Köln — café, naïve, ", {delay: 20});
  await page.keyboard.insertText("日本");  // as an IME would deliver it
  // The CJK glyphs come from the fallback font, fetched on first need: nothing may stay drawn as '?'.
  await eventually(() => page.evaluate(() => Module._tandem_missing_glyphs() === 0), 15000);
  await typeInto(page, "##new-item", "Send the course link");
  await page.keyboard.press("Enter");
  await find(page, "Send the course link");
  await find(page, "Saved on this device");
  await page.screenshot({path: `${artifacts}/04-check-in.png`});

  const session = await apiSession(server.url, "manager1@demo.example");
  const checkin = await eventually(async () => {
    const changes = await pullAll(server.url, session.token);
    const merged = {};
    for (const c of changes.filter(c => c.entity === "checkin")) Object.assign(merged[c.record_id] ??= {}, c.fields);
    return Object.values(merged).find(fields => fields.shared_notes === notes);
  });
  assert.equal(checkin.report_id !== undefined, true);
  await eventually(async () => (await pullAll(server.url, session.token))
    .some(c => c.entity === "action_item" && c.fields.text === "Send the course link"));
  await find(page, /^Synced/);
});

test("a change the server refuses is explained on screen", async () => {
  const manager2 = await apiSession(server.url, "manager2@demo.example");
  const people = await pullAll(server.url, manager2.token);
  const otherReport = people.find(c => c.entity === "person" && c.fields.manager_id === manager2.user.id);
  const problem = await page.evaluate(({report}) => {
    const id = crypto.randomUUID();
    const result = Module.ccall("tandem_test_queue_change", "string", ["string", "string", "string"],
                                ["checkin", id, JSON.stringify({report_id: report, held_on: "2026-11-20"})]);
    return result;
  }, {report: otherReport.record_id});
  assert.equal(problem, "", "valid locally; only the server knows the team has changed");
  await click(page, "Sync now");
  await find(page, /refused by the server: that person is not in your team/);
  await page.screenshot({path: `${artifacts}/05-refused.png`});
});
