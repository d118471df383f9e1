// Surveys as people use them. HR reads the demo pulse by team and theme; Maya commits an action that
// reaches her next 1:1. At today's training session HR turns a tablet into a kiosk; six people answer on it
// by touch with the network off (one walks away and the kiosk resets itself), then the answers sync once,
// and Noah, who ran the session, reads its results; a session with four answers shows "not enough
// answers". An employee answers a one-time link on a phone, without the app.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {apiSession, artifacts, click, find, launchBrowser, openApp, pullAll, signedInDevice, startServer,
        typeInto, visibleTexts} from "./harness.js";

let server, browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const device = (email, home, viewport) => signedInDevice(browser, server.url, email, home, viewport);

async function api(token, method, path, body) {
  const response = await fetch(server.url + path, {
    method, headers: {"Content-Type": "application/json", Authorization: "Bearer " + token},
    body: body ? JSON.stringify(body) : undefined,
  });
  return {status: response.status, body: response.status === 204 ? null : await response.json()};
}

const hlcNow = () => Date.now().toString(16).padStart(12, "0") + "0001";

async function recordOf(token, entity, test) {
  return (await pullAll(server.url, token)).find(change => change.entity === entity && test(change.fields));
}

test("HR reads the pulse by team and theme; Maya plans an action that reaches her next 1:1", async () => {
  const {context: hrContext, page: hr} = await device("hr@demo.example", "People");
  await click(hr, "Surveys");
  // The open round shows who answered and nothing else until it closes.
  await click(hr, "Results##results-Quarterly pulse · round 3");
  await find(hr, "The whole organisation");
  await find(hr, "6 people answered.", {timeout: 15000});  // round 3: three in each team so far
  await find(hr, /^Scores and comments are released when this survey closes/);
  assert.ok(!(await visibleTexts(hr)).includes("Groups inside, by theme"), "no scores while the round is open");
  await find(hr, "Engagement across rounds");  // the two closed rounds
  await click(hr, "< Surveys##back-surveys");
  await click(hr, "Results##results-Quarterly pulse · round 2");
  await find(hr, "25 people answered.", {timeout: 15000});
  await find(hr, "Groups inside, by theme");
  await click(hr, /^Everyone under Dana Whitfield$/);  // a heatmap row opens that group
  await find(hr, /^Everyone under Maya Chen$/);         // ... whose own rows are her and Noah's trees
  await find(hr, "Engagement across rounds");
  await hr.screenshot({path: `${artifacts}/70-survey-results-heatmap.png`});

  // A new eNPS pulse for Noah's tree only, opened from the editor.
  await click(hr, "< Surveys##back-surveys");
  await click(hr, "New survey##new-survey");
  await click(hr, "audience-trees");
  await click(hr, "Choose a person##audience-add");
  await click(hr, /^Noah Okafor/);
  await find(hr, "Everyone under Noah Okafor");
  await click(hr, "Employee Net Promoter Score##instrument-enps");
  await find(hr, "Audience: the trees of Noah Okafor.");
  await click(hr, "Open for answers##survey-open");
  await find(hr, "State: Open");
  await find(hr, /^Synced/, {timeout: 20000});
  await hr.screenshot({path: `${artifacts}/78-survey-editor.png`});
  await hrContext.close();
  const readers = async email => (await pullAll(server.url, (await apiSession(server.url, email)).token))
    .some(c => c.entity === "survey" && c.fields.title === "Employee Net Promoter Score");
  assert.ok(await readers("manager2@demo.example"), "Noah is in the audience");
  assert.ok(!(await readers("manager1@demo.example")), "Maya is not");

  const {context, page: maya} = await device("manager1@demo.example", "My team");
  await click(maya, "Surveys");
  await click(maya, "Results##results-Quarterly pulse · round 2");
  await find(maya, "Maya Chen's team");
  await find(maya, "4 people answered.", {timeout: 15000});
  await click(maya, "action-focus");
  await click(maya, "focus-theme:psych_safety");
  await typeInto(maya, "##action-title", "Retrospective on how we handle mistakes");
  await click(maya, "Maya Chen (me)##action-owner");
  await click(maya, /^Aiko Tanaka · your team$/);
  await click(maya, "Commit this action##action-add");
  await find(maya, /^Retrospective on how we handle mistakes — Aiko Tanaka/);
  await maya.screenshot({path: `${artifacts}/71-survey-action-plan.png`});
  await click(maya, "My team");
  await find(maya, /^1 survey action open/);
  await click(maya, "report:Aiko Tanaka");
  await click(maya, "New 1:1");
  await find(maya, "From the team's survey action plan:");
  await find(maya, /^Retrospective on how we handle mistakes · due /);
  await find(maya, /^Synced/, {timeout: 20000});
  const hrToken = (await apiSession(server.url, "hr@demo.example")).token;
  assert.ok(await recordOf(hrToken, "survey_action", f => f.title === "Retrospective on how we handle mistakes"),
            "HR reads every team's action plan");
  const noahToken = (await apiSession(server.url, "manager2@demo.example")).token;
  assert.equal(await recordOf(noahToken, "survey_action", () => true), undefined, "a peer does not");
  await context.close();
});

test("a kiosk at the training session: six people offline by touch, an idle reset, synced once", async () => {
  const hrToken = (await apiSession(server.url, "hr@demo.example")).token;
  const context = await browser.newContext({viewport: {width: 1024, height: 768}, hasTouch: true});
  const tablet = await context.newPage();
  await openApp(tablet, server.url);
  await typeInto(tablet, "##email", "hr@demo.example");
  await typeInto(tablet, "##password", "tandem-demo");
  await click(tablet, "Sign in##sign-in");
  await find(tablet, /^Synced/, {timeout: 20000});
  await click(tablet, "Surveys");
  await click(tablet, "Edit##edit-Feedback: Coaching conversations");
  await typeInto(tablet, "PIN##kiosk-pin", "2468");
  await typeInto(tablet, "PIN again##kiosk-pin-again", "2468");
  await click(tablet, "Start kiosk mode on this device##start-kiosk");
  await find(tablet, "Start##kiosk-start", {timeout: 15000});
  assert.ok(!(await visibleTexts(tablet)).includes("Surveys"), "no way to the app from the kiosk");

  const tap = async match => {
    const widget = await find(tablet, match);
    await tablet.touchscreen.tap(widget.x + widget.w / 2, widget.y + widget.h / 2);
    await tablet.waitForTimeout(120);
  };
  const answer = async (person) => {
    await tap("Start##kiosk-start");
    await find(tablet, "Question 1 of 4");
    await tap(`${3 + person % 3}##kiosk-value-${3 + person % 3}`);
    await tap("Next##kiosk-next");
    await find(tablet, "Question 2 of 4");
    await tap("5##kiosk-value-5");
    await tap("Next##kiosk-next");
    await find(tablet, "Question 3 of 4");
    await tap("About right##kiosk-choice-About right");
    await tap("Next##kiosk-next");
    await find(tablet, "Question 4 of 4");
    await tap("Send my answers##kiosk-send");
    await find(tablet, "Thank you.");
  };

  await context.setOffline(true);
  for (let person = 0; person < 3; person++) {
    await answer(person);
    await tap("Done — next person##kiosk-next-person");
  }
  await tablet.screenshot({path: `${artifacts}/72-kiosk-welcome.png`});
  // The fourth walks away after one answer: a minute later the kiosk starts over, their answer gone.
  await tap("Start##kiosk-start");
  await tap("2##kiosk-value-2");
  await tablet.screenshot({path: `${artifacts}/73-kiosk-question.png`});
  await tablet.waitForTimeout(62000);
  await find(tablet, "Start##kiosk-start");
  assert.ok(!(await visibleTexts(tablet)).some(text => /^Question /.test(text)), "back at the start");
  for (let person = 3; person < 6; person++) {
    await answer(person);
    if (person === 5) await tablet.screenshot({path: `${artifacts}/74-kiosk-thanks.png`});
    await tap("Done — next person##kiosk-next-person");
  }
  await find(tablet, "6 answers saved on this device, waiting to send.");
  // The exit needs HR's PIN; a wrong one is refused.
  await tap("Exit##kiosk-exit");
  for (const digit of "1111") await tap(`${digit}##pin-${digit}`);
  await tap("Unlock##pin-unlock");
  await find(tablet, /^Wrong PIN\. 4 tries left/);
  await tap("Cancel##pin-cancel");

  await context.setOffline(false);
  await find(tablet, "All answers sent.", {timeout: 30000});
  const survey = await recordOf(hrToken, "survey", f => f.title === "Feedback: Coaching conversations");
  const session = survey.fields.training_session_id;
  const results = await api(hrToken, "GET", `/api/v1/surveys/${survey.record_id}/results?group=session:${session}`);
  assert.equal(results.body.respondents, 6, "six counted once each; the one who walked away is not");
  assert.equal(results.body.questions, undefined, "while the survey is open, participation only");
  const closing = await api(hrToken, "POST", "/api/v1/sync/push", {device_id: "hr-api", changes: [
    {id: "close-coaching", entity: "survey", record_id: survey.record_id, hlc: hlcNow(), fields: {status: "closed"}}]});
  assert.equal(closing.body.results[0].status, "accepted", JSON.stringify(closing.body));
  const released = await api(hrToken, "GET", `/api/v1/surveys/${survey.record_id}/results?group=session:${session}`);
  assert.equal(released.status, 200, JSON.stringify(released.body));
  assert.equal(released.body.questions?.[0]?.n, 6, "closed: the scores are released; " + JSON.stringify(released.body));

  // Exit with the PIN: the device is an ordinary sign-in screen again.
  await tap("Exit##kiosk-exit");
  for (const digit of "2468") await tap(`${digit}##pin-${digit}`);
  await tap("Unlock##pin-unlock");
  await find(tablet, "Sign in##sign-in", {timeout: 10000});
  await context.close();

  // Noah ran the session: he reads its results; HR's second session has four answers: not enough.
  const {context: noahContext, page: noah} = await device("manager2@demo.example", "My team");
  await click(noah, "Surveys");
  await click(noah, "Results##results-Feedback: Coaching conversations");
  await find(noah, "Session: Coaching conversations");
  await find(noah, "6 people answered.", {timeout: 15000});
  await noah.screenshot({path: `${artifacts}/75-session-results-facilitator.png`});

  const small = crypto.randomUUID(), smallSurvey = crypto.randomUUID();
  const hlc = hlcNow;
  const pushed = await api(hrToken, "POST", "/api/v1/sync/push", {device_id: "hr-api", changes: [
    {id: "small-session", entity: "training_session", record_id: small, hlc: hlc(),
     fields: {title: "Giving feedback", held_on: "2026-11-27", facilitator_id: (await apiSession(server.url, "manager2@demo.example")).user.id}},
    {id: "small-survey", entity: "survey", record_id: smallSurvey, hlc: hlc(),
     fields: {title: "Feedback: Giving feedback", audience: "org", status: "open", training_session_id: small}},
    {id: "small-question", entity: "survey_question", record_id: crypto.randomUUID(), hlc: hlc(),
     fields: {survey_id: smallSurvey, position: 1, kind: "likert5", text: "Worth my time", theme: "session"}},
  ]});
  assert.ok(pushed.body.results.every(r => r.status === "accepted"), JSON.stringify(pushed.body));
  const kiosk = await api(hrToken, "POST", "/api/v1/kiosks", {survey_id: smallSurvey, label: "Small room"});
  const question = (await api(kiosk.body.kiosk_token, "GET", "/api/v1/kiosk/survey")).body.questions[0].question_id;
  for (let i = 0; i < 4; i++) {
    const sent = await api(kiosk.body.kiosk_token, "POST", "/api/v1/kiosk/responses",
                           {submission_id: crypto.randomUUID(), answers: [{question_id: question, value: 4}]});
    assert.equal(sent.status, 201);
  }
  await click(noah, "< Surveys##back-surveys");
  await click(noah, "Results##results-Feedback: Giving feedback", {timeout: 45000});  // the next sync round
  await find(noah, /^Not enough answers to show this group/, {timeout: 15000});
  const texts = await visibleTexts(noah);
  assert.ok(!texts.some(text => /^\d+ people answered/.test(text)), "no count shown under the threshold");
  await noah.screenshot({path: `${artifacts}/76-session-not-enough-answers.png`});
  await noahContext.close();
});

test("an employee answers a one-time link on a phone, without the app", async () => {
  const hrToken = (await apiSession(server.url, "hr@demo.example")).token;
  const maya = (await apiSession(server.url, "manager1@demo.example")).user.id;
  const pulse = (await pullAll(server.url, hrToken))
    .filter(c => c.entity === "survey" && c.fields.title === "Quarterly pulse" && c.fields.status === "open")[0];
  const made = await api(hrToken, "POST", `/api/v1/surveys/${pulse.record_id}/links`, {team_of: maya, count: 1});
  assert.equal(made.status, 200);
  const context = await browser.newContext({viewport: {width: 390, height: 844}, hasTouch: true, isMobile: true});
  const phone = await context.newPage();
  await phone.goto(server.url + made.body.links[0].path);
  await phone.getByText(/Your answers are anonymous/).waitFor();
  const first = await phone.locator("fieldset").first().boundingBox();
  const note = await phone.locator(".note").boundingBox();
  assert.ok(note.y < first.y, "the anonymity rule comes before the first question");
  assert.ok(await phone.getByText(/fewer than 3 people/).isVisible());
  await phone.screenshot({path: `${artifacts}/77-answer-page-phone.png`, fullPage: true});
  const option = (question, value) => phone.locator("fieldset").nth(question).locator("label").filter({hasText: new RegExp(`^${value}$`)});
  await option(0, 4).tap();
  await option(6, 9).tap();  // the eNPS question
  assert.ok(await option(6, 9).locator("input").isChecked());
  await phone.locator("textarea").first().fill("More time to focus would help.");
  await phone.getByRole("button", {name: "Send my answers"}).tap();
  await phone.getByText(/Thank you\. Your answers are recorded/).waitFor();
  await phone.reload();
  await phone.getByText(/already been used/).waitFor();
  await context.close();
});
