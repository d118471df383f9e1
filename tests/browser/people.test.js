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

// On a phone, by touch: HR switches employee access off (after the confirmation) and on again, and invites a
// manager's team, seeing the count first, then the list and the CSV of links.
test("HR switches employee access and invites a manager's team on a phone", async () => {
  const context = await browser.newContext({viewport: {width: 390, height: 844}, hasTouch: true, isMobile: true,
                                            acceptDownloads: true});
  const phone = await context.newPage();
  await openApp(phone, server.url);
  // A widget below the fold is scrolled to first, as a thumb would.
  const tap = async (match, options) => {
    let widget = await find(phone, match, options);
    for (let step = 0; step < 20 && (widget.y < 40 || widget.y + widget.h > 844 - 60); step++) {
      await phone.mouse.move(195, 420);
      await phone.mouse.wheel(0, widget.y < 40 ? -200 : 200);
      await phone.waitForTimeout(150);
      const before = widget.y;
      widget = await find(phone, match, options);
      if (widget.y === before) break;
    }
    await phone.touchscreen.tap(widget.x + Math.min(widget.w / 2, 40), widget.y + widget.h / 2);
    await phone.waitForTimeout(250);
    return widget;
  };
  const signInAs = async (email, password = "tandem-demo") => (await fetch(server.url + "/api/v1/session", {
    method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({email, password}),
  }));
  await typeInto(phone, "##email", "hr@demo.example");
  await typeInto(phone, "##password", "tandem-demo");
  await tap("Sign in##sign-in");
  await find(phone, "People", {timeout: 15000});

  await tap("Access");
  await find(phone, "Employee access");
  const state = await find(phone, "employee-access-state", {timeout: 15000});
  assert.equal(state.text, "on", "the demo starts with employee access on");
  const aikoBefore = await signInAs("aiko.tanaka@demo.example");
  assert.equal(aikoBefore.status, 200);
  const aiko = await aikoBefore.json();

  await tap("Employees can sign in##employee-access");
  await find(phone, /^Employees will be signed out and cannot sign in until you switch it back on/);
  await phone.screenshot({path: `${artifacts}/13-access-confirm-off.png`});
  await tap("Switch off");
  await eventually(async () => (await snapshot(phone)).find(w => w.id === "employee-access-state")?.text === "off");
  await find(phone, /^Off since \d{4}-\d\d-\d\d: employees cannot sign in/);
  const refused = await signInAs("aiko.tanaka@demo.example");
  assert.equal(refused.status, 401);
  assert.equal((await refused.json()).error.code, "employee_access_off");
  const oldSession = await fetch(server.url + "/api/v1/sync/pull?since=0&limit=1",
                                 {headers: {Authorization: "Bearer " + aiko.token}});
  assert.equal(oldSession.status, 401, "Aiko's session ended with the switch");
  assert.equal((await signInAs("manager1@demo.example")).status, 200, "a manager is not affected");

  await tap("Employees can sign in##employee-access");
  await eventually(async () => (await snapshot(phone)).find(w => w.id === "employee-access-state")?.text === "on");
  assert.equal((await signInAs("aiko.tanaka@demo.example")).status, 200);
  await phone.screenshot({path: `${artifacts}/14-access-on.png`});

  // Priya Nair's five reports have no sign-in in the demo.
  await tap("Invite a manager's team…");
  await tap("Choose a person##invite-manager");
  await typeInto(phone, "##person-filter", "Priya");
  await tap(/^Priya Nair/);
  assert.equal((await find(phone, "bulk-count")).text, "5");
  await tap("Invite 5 people");
  const download = phone.waitForEvent("download", {timeout: 15000});
  await tap("Download CSV (5 links)", {timeout: 15000});
  await find(phone, "Hugo Laurent · hugo.laurent@demo.example");
  await phone.screenshot({path: `${artifacts}/15-team-invited.png`});
  const csv = await (await (await download).createReadStream()).toArray().then(parts => Buffer.concat(parts).toString());
  const rows = csv.trim().split("\r\n");
  assert.equal(rows[0], "name,email,invite_link,expires_on");
  assert.equal(rows.length, 6, csv);
  const link = rows.find(row => row.startsWith("Hugo Laurent,")).split(",")[2];
  assert.ok(link.startsWith(server.url + "/invite#"), link);

  // The link opens the invitation page, where Hugo chooses his password and can then sign in.
  const invitePage = await context.newPage();
  await invitePage.goto(link);
  await invitePage.fill("#password", "hugo's own password");
  await invitePage.fill("#again", "hugo's own password");
  await invitePage.tap("#send");
  await invitePage.waitForSelector("#done:not([hidden])", {timeout: 15000});
  await invitePage.screenshot({path: `${artifacts}/16-invite-page-done.png`});
  assert.equal((await signInAs("hugo.laurent@demo.example", "hugo's own password")).status, 200);
  await context.close();
});
