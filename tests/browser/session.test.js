// When the server ends the session, the app asks the user to sign in again without losing what they wrote
// in the meantime; after signing in, the queued change syncs.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {apiSession, artifacts, click, eventually, find, launchBrowser, openApp, pullAll, signIn, startServer,
        typeInto} from "./harness.js";

let server, browser, page;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({viewport: {width: 1000, height: 700}});
  await openApp(page, server.url);
  await signIn(page, "manager2@demo.example");
  await find(page, /^Synced/);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("an ended session keeps queued changes and resumes after signing in again", async () => {
  // End the session on the server, as an admin or an expiry would.
  const saved = await page.evaluate(() => JSON.parse(new TextDecoder().decode(FS.readFile("/data/session.json"))));
  const ended = await fetch(server.url + "/api/v1/session", {method: "DELETE",
                                                              headers: {Authorization: "Bearer " + saved.token}});
  assert.equal(ended.status, 204);

  await click(page, "New 1:1##Freya Lund");
  await typeInto(page, "##shared-notes", "Written after the session ended");
  await click(page, "3##mood3");
  await find(page, /^Signed out — \d+ changes? waiting/, {timeout: 20000});
  await page.screenshot({path: `${artifacts}/08-session-ended.png`});

  await click(page, "Sign in again");
  // Keyboard only from here: Tab to the password, Enter to submit.
  await typeInto(page, "##email", "manager2@demo.example");
  await page.keyboard.press("Tab");
  await page.keyboard.type("tandem-demo", {delay: 20});
  await page.keyboard.press("Enter");
  await find(page, "My team");
  const session = await apiSession(server.url, "manager2@demo.example");
  await eventually(async () => (await pullAll(server.url, session.token))
    .some(c => c.entity === "checkin" && c.fields.shared_notes === "Written after the session ended"), 30000);
});
