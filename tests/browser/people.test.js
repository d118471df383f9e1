// HR brings people in through the console: picks a CSV with the page's file picker, reads the dry run,
// applies it, finds the new manager in the directory and invites them; the manager accepts the invitation
// on the sign-in page and sees their team.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {apiSession, artifacts, click, eventually, find, launchBrowser, openApp, pullAll, snapshot, startServer,
        typeInto} from "./harness.js";

let server, browser, page;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({viewport: {width: 1100, height: 720}});
  await openApp(page, server.url);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const csv = "employee_id,name,email,manager_employee_id,department,start_date\r\n" +
            "N1,Nadia Noor,nadia.noor@demo.example,director,Platform,2026-03-02\r\n" +
            "N2,Omar Reed,omar.reed@demo.example,N1,Platform,2026-04-13\r\n" +
            "N3,\"Pia Quist, Jr.\",pia.quist@demo.example,N1,Platform,2026-05-04\r\n";

test("HR imports a file, invites the new manager, and the manager signs in with the invitation", async () => {
  await typeInto(page, "##email", "hr@demo.example");
  await typeInto(page, "##password", "tandem-demo");
  await click(page, "Sign in##sign-in");
  await find(page, "People", {timeout: 15000});

  await click(page, "Import");
  const chooser = page.waitForEvent("filechooser", {timeout: 10000});
  await click(page, "Choose CSV file…");
  await (await chooser).setFiles({name: "hris-export.csv", mimeType: "text/csv", buffer: Buffer.from(csv)});
  await find(page, /^Would create 3, update 0/, {timeout: 15000});
  await page.screenshot({path: `${artifacts}/10-import-dry-run.png`});
  const hr = await apiSession(server.url, "hr@demo.example");
  assert.ok(!(await pullAll(server.url, hr.token)).some(c => c.fields?.employee_id === "N1"), "dry run wrote nothing");

  await click(page, "Apply import");
  await find(page, /^Imported: 3 created/, {timeout: 15000});
  await eventually(async () => (await pullAll(server.url, hr.token)).some(c => c.fields?.employee_id === "N1"));

  await click(page, "People");
  await typeInto(page, "##people-search", "nadia");
  await click(page, "person:Nadia Noor", {timeout: 30000});
  await find(page, "Reports: 2", {timeout: 15000});
  await click(page, "Create invite");
  const token = await eventually(async () => (await snapshot(page)).find(w => w.id === "##invite-token")?.value);
  assert.match(token, /^[0-9a-f]{64}$/);
  await page.screenshot({path: `${artifacts}/11-person-invited.png`});

  await click(page, "Audit log");
  await find(page, "people.invite", {timeout: 10000});
  await find(page, "people.import");

  await click(page, "Sign out");
  await click(page, "Sign out##confirm");
  await click(page, "I have an invitation");
  await typeInto(page, "##invitation", token);
  await typeInto(page, "##new-password", "a passphrase of my own");
  await click(page, "Set password and sign in##accept");
  await find(page, "My team", {timeout: 15000});
  await find(page, "report:Omar Reed", {timeout: 20000});
  await find(page, "report:Pia Quist, Jr.");
  await page.screenshot({path: `${artifacts}/12-invited-manager-team.png`});
});
