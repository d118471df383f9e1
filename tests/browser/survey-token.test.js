// An employee answers the demo's open pulse in the app on a phone, by blind token (docs/survey-tokens.md):
// HR invites her, she signs in, her device fetches the survey's token by itself, and her answers go out
// without her session; the server then refuses a second answer and a second token.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {apiSession, artifacts, click, find, launchBrowser, openApp, pullAll, startServer, typeInto} from "./harness.js";

let server, browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function api(token, method, path, body) {
  const headers = {"Content-Type": "application/json"};
  if (token) headers.Authorization = "Bearer " + token;
  const response = await fetch(server.url + path, {method, headers, body: body ? JSON.stringify(body) : undefined});
  return {status: response.status, body: await response.json().catch(() => null)};
}

// One of Maya's reports, with an account made through HR's invitation (or the one she already has).
async function employeeOfMaya() {
  const hr = await apiSession(server.url, "hr@demo.example");
  const maya = await apiSession(server.url, "manager1@demo.example");
  const people = (await pullAll(server.url, hr.token)).filter(change => change.entity === "person");
  const report = people.find(change => change.fields.manager_id === maya.user.id && change.fields.email);
  assert.ok(report, "Maya has a report with an e-mail");
  const invite = await api(hr.token, "POST", `/api/v1/people/${report.record_id}/invite`);
  if (invite.status === 200) {
    const accepted = await api(null, "POST", "/api/v1/session/accept-invite",
                               {invite_token: invite.body.invite_token, password: "tandem-demo"});
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  } else {
    assert.equal(invite.status, 409, "she already has an account");
  }
  return {email: report.fields.email, name: report.fields.name};
}

test("an employee answers the open pulse on a phone, and nobody can tell the answer is hers", async () => {
  const employee = await employeeOfMaya();
  const context = await browser.newContext({viewport: {width: 390, height: 844}, hasTouch: true});
  const page = await context.newPage();
  const answers = [];
  page.on("request", request => {
    if (request.url().includes("/token-answers")) answers.push(request.headers());
  });
  await openApp(page, server.url);
  await typeInto(page, "##email", employee.email);
  await typeInto(page, "##password", "tandem-demo");
  await click(page, "Sign in##sign-in");
  await click(page, "Surveys", {timeout: 20000});
  // The token came while she did nothing: the pulse is ready before she opens it.
  await find(page, "Ready to answer", {timeout: 20000});
  await page.screenshot({path: `${artifacts}/90-employee-surveys.png`});
  await click(page, "Answer##answer-Quarterly pulse");
  await find(page, "Send answers##answer-send");
  await click(page, "4##answer-q1-value-4");
  await page.screenshot({path: `${artifacts}/91-employee-answering.png`});
  // Down past the fifteen questions to the button, as a finger's drag does (the page turns it into the wheel).
  await page.mouse.move(195, 500);
  for (let step = 0; step < 30 && (await find(page, "Send answers##answer-send")).y > 700; step++) {
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(150);
  }
  await page.screenshot({path: `${artifacts}/92-employee-send.png`});
  await click(page, "Send answers##answer-send");
  await find(page, "Answered — thank you; nobody can tell this answer is yours", {timeout: 20000});
  await page.screenshot({path: `${artifacts}/93-employee-answered.png`});
  assert.equal(answers.length, 1, "one answer sent");
  assert.ok(!("authorization" in answers[0]), "the answer carries no session");

  // Her one token is spent; the server gives no second.
  const session = await apiSession(server.url, employee.email);
  const surveys = (await pullAll(server.url, session.token))
    .filter(change => change.entity === "survey" && change.fields.title === "Quarterly pulse" &&
                      change.fields.status === "open");
  assert.equal(surveys.length, 1, "she reads the open pulse");
  const keys = await api(session.token, "GET", `/api/v1/surveys/${surveys[0].record_id}/token-keys`);
  assert.equal(keys.status, 200);
  // Any valid element will do for the asking: a published key is one.
  const again = await api(session.token, "POST", `/api/v1/surveys/${surveys[0].record_id}/token`,
                          {blinded_element: keys.body.keys[0].public_key});
  assert.equal(again.status, 409);
  assert.equal(again.body.error.code, "already_issued");
  await context.close();
});
