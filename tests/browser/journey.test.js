// The "done" as one journey on one device with no network: a new user signed in as a demo manager
// prepares a 1:1 from a playbook, holds it (ticks a step, notes, an action item), opens the next 1:1 and
// finds the item carried, writes in the journal, gives structured feedback and recognises someone; then the
// network returns, everything syncs, and each thing is seen by exactly the people allowed.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {apiSession, artifacts, click, eventually, find, launchBrowser, pullAll, signedInDevice, startServer,
        typeInto} from "./harness.js";

let server, browser, context, page;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({context, page} = await signedInDevice(browser, server.url, "manager1@demo.example", "My team"));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const step = "Before day one: Accounts, laptop and access requested";
const notes = "Dev's first week: access sorted, buddy is Chloé, wants more context on the billing system";
const action = "Book Dev a billing walkthrough with finance";
const reflection = "Prepared Dev's first 1:1 from the playbook instead of winging it";
const feedbackText = "You paired with Dev on his first ticket without being asked";
const recognitionText = "Wrote the on-call runbook everyone now uses";

test("offline: a 1:1 from a playbook, its follow-up, the journal, feedback and a recognition", async () => {
  await context.setOffline(true);

  await click(page, "New 1:1##Dev Patel");
  await find(page, "1:1 with Dev Patel");
  await click(page, "Add prompts from a template or playbook##pick-guide");
  await click(page, /^Onboarding a new report \(v1, 9 prompts\)/);
  await find(page, step);
  await click(page, "##point-" + step);
  await click(page, "4##mood4");
  await click(page, "##shared-notes");
  await page.keyboard.type(notes, {delay: 5});
  await typeInto(page, "##new-item", action);
  await page.keyboard.press("Enter");
  await find(page, action);
  await find(page, "Saved on this device", {timeout: 20000});

  await click(page, "‹ All 1:1s");
  await click(page, "New 1:1");
  await find(page, "1:1 with Dev Patel");
  await find(page, action);  // carried from the 1:1 just held
  await page.screenshot({path: `${artifacts}/60-journey-next-1-1.png`});

  await click(page, "Journal");
  await typeInto(page, "##unlock-passphrase", "tandem demo notes");
  await click(page, "Unlock##unlock");
  await click(page, "##journal-text", {timeout: 30000});
  await page.keyboard.type(reflection, {delay: 5});
  await click(page, "4##rating4");
  await find(page, "4 ratings");

  await click(page, "Feedback");
  await click(page, "Give feedback##give-open");
  await click(page, "Choose a person##give-about");
  await click(page, /^Chloé Martin · your team$/);
  await typeInto(page, "##behaviour", feedbackText);
  await click(page, "Give feedback##give");
  await find(page, "feedback:Chloé Martin");

  await click(page, "Recognition");
  await click(page, "Recognise someone##recognise");
  await click(page, "Choose a person##give-about");
  await click(page, /^Bruno Álvarez · your team$/);
  await typeInto(page, "##behaviour", recognitionText);
  await click(page, "Recognise##give");
  await find(page, "recognition:Bruno Álvarez");
  await find(page, "Saved on this device", {timeout: 20000});
  await page.screenshot({path: `${artifacts}/61-journey-offline-wall.png`});

  await context.setOffline(false);
  await click(page, "Sync now");
  await find(page, /^Synced/, {timeout: 20000});
});

test("after sync each thing is seen by exactly the people allowed", async () => {
  const text = changes => changes.map(c => JSON.stringify(c.fields ?? {})).join("\n");
  const maya = await apiSession(server.url, "manager1@demo.example");
  const mine = await eventually(async () => {
    const seen = text(await pullAll(server.url, maya.token));
    return seen.includes(recognitionText) && seen;
  });
  for (const own of [notes, action, feedbackText, recognitionText, "Onboarding a new report v1"])
    assert.ok(mine.includes(own), `the author's devices get ${own}`);
  assert.ok(!mine.includes(reflection), "the journal reaches the server only sealed");

  for (const email of ["manager2@demo.example", "hr@demo.example", "mentor@demo.example"]) {
    const other = await apiSession(server.url, email);
    const seen = text(await pullAll(server.url, other.token));
    assert.ok(seen.includes(recognitionText), `${email} reads the wall`);
    for (const hidden of [notes, action, feedbackText, step, reflection])
      assert.ok(!seen.includes(hidden), `${email} must not receive ${hidden}`);
  }
});
