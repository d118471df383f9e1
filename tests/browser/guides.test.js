// HR authors a template and publishes a second version of a starter one; a manager uses a playbook in a
// 1:1 (its checklist joins the agenda, tagged with the version) and rates a template; HR sees the rating.
// The browser's Back button walks back through the screens opened.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {artifacts, click, find, launchBrowser, signedInDevice, startServer, typeInto,
        visibleTexts, syncNow} from "./harness.js";

let server, browser, hr, manager;

async function device(email, home) {
  return (await signedInDevice(browser, server.url, email, home)).page;
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  hr = await device("hr@demo.example", "People");
  manager = await device("manager1@demo.example", "My team");
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("HR writes a new template and publishes version 2 of a starter one", async () => {
  await click(hr, "Guides");
  await find(hr, "guide:Career development");
  await click(hr, "New template##new-template");
  await typeInto(hr, "##guide-title", "Stay interview");
  await click(hr, "##guide-body");
  await hr.keyboard.type("What keeps you here?\nWhat might tempt you away?", {delay: 5});
  await click(hr, "Publish as version 1##publish-guide");
  await find(hr, "Published version 1.");
  await click(hr, "‹ All templates and playbooks");
  await click(hr, "guide:Career development");
  await click(hr, "##guide-body");
  await hr.keyboard.press("Control+End");
  await hr.keyboard.type("\nWhich stretch project would you pick?", {delay: 5});
  await find(hr, /^Not published/);
  await click(hr, "Publish as version 2##publish-guide");
  await find(hr, "Career development · v2");
  await hr.screenshot({path: `${artifacts}/40-guide-editor.png`});
  await syncNow(hr);
});

test("a manager adds a playbook's checklist to a 1:1 and rates a template", async () => {
  await syncNow(manager);
  await click(manager, "New 1:1##Dev Patel");
  await find(manager, "1:1 with Dev Patel");
  await click(manager, "Add prompts from a template or playbook##pick-guide");
  await click(manager, /^Onboarding a new report \(v1, 9 prompts\)/);
  await find(manager, "Before day one: Accounts, laptop and access requested");
  assert.ok((await visibleTexts(manager)).some(t => t.trim() === "(Onboarding a new report v1)"));
  await manager.screenshot({path: `${artifacts}/41-playbook-in-agenda.png`});

  await click(manager, "Guides");
  await click(manager, "guide:Career development");
  await find(manager, "Career development · v2");
  await find(manager, /Which stretch project would you pick\?$/);
  await click(manager, "4##useful4");
  await click(manager, "15##minutes15");
  await click(manager, "##guide-comment");
  await manager.keyboard.type("Good for quiet people", {delay: 10});
  await find(manager, "Saved on this device");
  await syncNow(manager);
});

test("HR sees the rating and the comment on that template", async () => {
  await syncNow(hr);
  await click(hr, "‹ All templates and playbooks");
  await find(hr, /useful 4\.0 of 5 · 15 min · 1 rating$/);
  await click(hr, "guide:Career development");
  await find(hr, /“Good for quiet people”/);
  await hr.screenshot({path: `${artifacts}/42-guide-ratings.png`});
});

test("the browser's Back button walks back through the screens the manager opened", async () => {
  await click(manager, "My team");
  await find(manager, /direct reports/);
  await click(manager, "Guides");
  await click(manager, "guide:Career development");
  await find(manager, "‹ All templates and playbooks");
  await manager.evaluate(() => history.back());
  await find(manager, "Templates and playbooks");
  assert.ok(!(await visibleTexts(manager)).includes("‹ All templates and playbooks"), "the guide is closed");
  await manager.evaluate(() => history.back());
  await find(manager, /direct reports/);
  // The app's own Back link and the browser's history stay in step: the browser's Back after the app's goes
  // one step further, not two and not none.
  await click(manager, "Feedback");
  await click(manager, "Give feedback##give-open");
  await click(manager, "‹ Back##give-back");
  await find(manager, "Give feedback##give-open");
  await manager.waitForTimeout(300);  // the history step the app took back has landed
  await find(manager, "Give feedback##give-open");
  await manager.evaluate(() => history.back());
  await find(manager, /direct reports/);
});
