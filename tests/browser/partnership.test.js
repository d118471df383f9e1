// HR and managers building things together: a manager rates and comments on a program in its design stage
// while offline and HR reads it after sync; an agreement goes from HR's draft through the manager's
// amendment to both signatures and shows adherence on both devices; a mentor on a phone logs a session
// whose notes reach the mentee and never HR.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {apiSession, artifacts, click, find, launchBrowser, pullAll, signedInDevice, startServer, typeInto,
        visibleTexts, syncNow} from "./harness.js";

let server, browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("a manager rates and comments on a program offline; HR sees it after sync", async () => {
  const {context, page: maya} = await signedInDevice(browser, server.url, "manager1@demo.example", "My team");
  await click(maya, "Programs");
  await find(maya, "Design — open for your input");
  await click(maya, "program:Career conversations for every report");
  await context.setOffline(true);
  await click(maya, "4##useful-4");
  await typeInto(maya, "##program-minutes", "30");
  await click(maya, "Save my rating##save-rating");
  await find(maya, "Rating saved.");
  await click(maya, "##program-comment");
  await maya.keyboard.type("Quarterly works if the template stays under ten minutes.", {delay: 5});
  await click(maya, "Post##post-comment");
  await find(maya, "Quarterly works if the template stays under ten minutes.");
  await click(maya, "For##vote-for");
  await find(maya, "1 for · 0 against");
  await maya.screenshot({path: `${artifacts}/80-program-manager-offline.png`});
  await context.setOffline(false);
  await syncNow(maya);

  const {page: hr} = await signedInDevice(browser, server.url, "hr@demo.example", "People");
  await click(hr, "Programs");
  await click(hr, "program:Career conversations for every report");
  await find(hr, "Design: 2 comments");
  await find(hr, /^2 ratings · useful 4\.0 of 5 · 37 min a month/);
  await find(hr, "Quarterly works if the template stays under ten minutes.");
  await find(hr, "Maya Chen's team");
  await hr.screenshot({path: `${artifacts}/81-program-hr-spread.png`});
});

test("an agreement: HR drafts, the manager amends and signs, HR signs, adherence shows on both", async () => {
  const {page: hr} = await signedInDevice(browser, server.url, "hr@demo.example", "People");
  await click(hr, "Agreements");
  await click(hr, "Choose a manager##pick-agreement-manager");
  await click(hr, "Noah Okafor");
  await typeInto(hr, "##agreement-title", "Noah's agreement 2026");
  await click(hr, "Draft agreement##new-agreement");
  await find(hr, "Noah's agreement 2026 — Noah Okafor");
  await syncNow(hr);

  const {page: noah} = await signedInDevice(browser, server.url, "manager2@demo.example", "My team");
  await click(noah, "Agreement");
  await click(noah, "Noah Okafor — Noah's agreement 2026##open");
  await typeInto(noah, "##commitment-text-0", "Hold a 1:1 with every report at least monthly");
  await typeInto(noah, "##version-note", "Monthly fits my team's rhythm");
  await click(noah, "Save as version 2##save-version");
  await find(noah, "Version 2 saved: it needs both signatures.");
  await click(noah, "Sign version 2##sign-version");
  await find(noah, /^Version 2 waits for HR's signature/);
  await find(noah, "Compare versions");
  await noah.screenshot({path: `${artifacts}/82-agreement-amended.png`});
  await syncNow(noah);

  await syncNow(hr);
  await find(hr, /^Version 2 waits for HR's signature/);
  await click(hr, "Sign version 2##sign-version");
  await find(hr, /^Version 2 in force since/);
  await syncNow(hr);
  await click(hr, "Refresh from the server##adherence");
  await find(hr, "adherence:cadence", {timeout: 15000});
  await hr.screenshot({path: `${artifacts}/83-agreement-signed-adherence-hr.png`});

  await syncNow(noah);
  await find(noah, /^Version 2 in force since/);
  await find(noah, "adherence:cadence");
  await find(noah, "Hold a 1:1 with every report at least monthly");
});

test("a mentor on a phone logs a session; the mentee reads the note, HR only that it happened", async () => {
  const {page: elena} = await signedInDevice(browser, server.url, "mentor@demo.example", "Your mentees",
                                             {width: 390, height: 844});
  await click(elena, "Maya Chen");
  await find(elena, "Mentoring Maya Chen");
  await click(elena, "##session-notes");
  await elena.keyboard.type("Agreed to hand the release checklist to Aiko.", {delay: 5});
  await click(elena, "Log session##log-session");
  await find(elena, "Session logged.");
  await elena.screenshot({path: `${artifacts}/84-mentor-phone-session.png`});
  await syncNow(elena);

  const {page: maya} = await signedInDevice(browser, server.url, "manager1@demo.example", "My team");
  await click(maya, "Mentoring");
  await find(maya, /^Last session /);
  await find(maya, "Agreed to hand the release checklist to Aiko.");
  await typeInto(maya, "##new-topic", "Hiring my first team lead");
  await click(maya, "Propose##propose-topic");
  await find(maya, "Hiring my first team lead");
  await syncNow(maya);

  const {page: hr} = await signedInDevice(browser, server.url, "hr@demo.example", "People");
  await click(hr, "Mentoring");
  await find(hr, /^Mentor: Elena Petrova · 3 session\(s\)/);
  // Dana and the Operations division (Omar and his three managers) have no mentor.
  await find(hr, "5 manager(s) without a mentor · 0 with an overdue session");
  assert.ok(!(await visibleTexts(hr)).some(t => t.includes("release checklist")));
  await hr.screenshot({path: `${artifacts}/85-mentoring-coverage-hr.png`});
  // HR pairs Dana, the director, with Elena.
  await click(hr, "Choose a mentor##pick-mentor");
  await click(hr, "Elena Petrova");
  await click(hr, "Pair##pair-Dana Whitfield");
  await find(hr, "Dana Whitfield is paired.");
  await find(hr, "4 manager(s) without a mentor · 0 with an overdue session");
  const session = await apiSession(server.url, "hr@demo.example");
  const rows = await pullAll(server.url, session.token);
  assert.ok(rows.some(r => r.entity === "mentoring_session"));
  assert.ok(!rows.some(r => r.entity === "mentoring_note" || r.entity === "mentoring_topic"));
});
