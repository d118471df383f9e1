// An employee on a phone (390 px wide, touch): Aiko Tanaka, invited by HR, asks her manager Maya for
// feedback; Maya sees the request on her home screen and answers it; Aiko reads the answer under "Shared
// with you". Aiko then recognises a colleague the wall already names, and the wall shows it with her name,
// to her and to Noah, who has no record of her. Nothing only managers or HR may use is shown to her.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {apiSession, artifacts, click, eventually, find, launchBrowser, openApp, pullAll, signedInDevice,
        snapshot, startServer, syncNow, typeInto, visibleTexts} from "./harness.js";

const phone = {width: 390, height: 844};
let server, browser, aiko, maya;

async function post(path, token, body) {
  const response = await fetch(server.url + path, {
    method: "POST",
    headers: {"Content-Type": "application/json", ...(token ? {Authorization: "Bearer " + token} : {})},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {status: response.status, body: await response.json()};
}

// Nothing these screens draw runs off a phone's screen (the status bar is the app's, not theirs).
async function fitsThePhone(page) {
  const wide = (await snapshot(page)).filter(w => w.w > 0 && w.x + w.w > phone.width + 1 && true);
  assert.deepEqual(wide.map(w => `${w.id || w.text} ends at ${Math.round(w.x + w.w)}`), []);
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const email = "aiko.tanaka@demo.example";  // the demo has employee access on and signs her in
  const context = await browser.newContext({viewport: phone, hasTouch: true});
  aiko = await context.newPage();
  await openApp(aiko, server.url);
  await typeInto(aiko, "##email", email);
  await typeInto(aiko, "##password", "tandem-demo");
  await click(aiko, "Sign in##sign-in");
  await find(aiko, /^Synced/, {timeout: 20000});
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("an employee asks her manager for feedback and reads the answer", async () => {
  await click(aiko, "Feedback");
  await find(aiko, "Ask Maya Chen for feedback");
  await find(aiko, "Nothing yet. Feedback your manager shares with you, and answers to your requests, appear here.");
  const texts = await visibleTexts(aiko);
  for (const managerOnly of ["Give feedback##give-open", "Asked of you", "Ask for feedback##ask-open"])
    assert.ok(!texts.includes(managerOnly), `${managerOnly} is not for an employee`);

  await click(aiko, "Send to Maya Chen##ask-manager-send");
  await find(aiko, "Write what you would like to know.");
  await typeInto(aiko, "##question", "How did my part of the release review land?");
  await click(aiko, "Send to Maya Chen##ask-manager-send");
  await find(aiko, "Waiting");
  await find(aiko, "“How did my part of the release review land?”");
  await fitsThePhone(aiko);
  await aiko.screenshot({path: `${artifacts}/70-employee-asks.png`});
  await syncNow(aiko);

  ({page: maya} = await signedInDevice(browser, server.url, "manager1@demo.example", "My team"));
  await find(maya, "Aiko Tanaka and 1 other are waiting for your feedback");
  await click(maya, "Answer##open-requests");
  await find(maya, "request:Aiko Tanaka");
  await click(maya, "Answer##answer");  // the newest request comes first: Aiko's
  await find(maya, "“How did my part of the release review land?”");
  await typeInto(maya, "##situation", "Wednesday's release review");
  await typeInto(maya, "##behaviour", "You showed the rollback plan before anyone asked for it");
  await typeInto(maya, "##impact", "Nobody had to ask twice whether we could go");
  await click(maya, "Send answer##give");
  await find(maya, "request:Noah Okafor");
  await syncNow(maya);

  await eventually(async () => {
    await syncNow(aiko);
    return (await visibleTexts(aiko)).includes("Answered");
  }, 30000, 500);
  const answer = await find(aiko, "shared:Maya Chen");
  assert.equal(answer.text, "You showed the rollback plan before anyone asked for it");
  await find(aiko, /^Maya Chen · /);
  await find(aiko, "Praise");
  await find(aiko, "Answering your question “How did my part of the release review land?”");
  await fitsThePhone(aiko);
  await aiko.screenshot({path: `${artifacts}/71-employee-reads-answer.png`});
});

test("an employee recognises a colleague and sees it on the wall", async () => {
  await click(aiko, "Recognition");
  await find(aiko, "Recognise someone##recognise");
  const texts = await visibleTexts(aiko);
  assert.ok(!texts.includes("Nominate a culture champion##nominate-open"), "nominating is not hers");
  assert.ok(!texts.includes("Show my team##wall-team") && !texts.includes("Show the whole organisation##wall-org"),
            "an employee's wall is the organisation's");
  await fitsThePhone(aiko);

  await click(aiko, "Recognise someone##recognise");
  await find(aiko, "Recognise someone");
  assert.ok(!(await visibleTexts(aiko)).includes("Who may read it"), "her praise always goes on the wall");
  await click(aiko, "Choose a person##give-about");
  await typeInto(aiko, "##person-filter", "Freya");
  await click(aiko, /^Freya Lund · on the wall$/);  // a colleague she knows from the wall, not from the org chart
  await typeInto(aiko, "##behaviour", "Freya paired with me on the flaky test until it was fixed");
  await fitsThePhone(aiko);
  await aiko.screenshot({path: `${artifacts}/72-employee-recognises.png`});
  await click(aiko, "Recognise##give");
  await find(aiko, /^from Aiko Tanaka · /);
  await aiko.screenshot({path: `${artifacts}/73-employee-wall.png`});
  await syncNow(aiko);

  const noah = await apiSession(server.url, "manager2@demo.example");
  const onNoahsWall = await eventually(async () =>
    (await pullAll(server.url, noah.token)).find(c => c.entity === "recognition" &&
                                                      c.fields?.behaviour?.startsWith("Freya paired with me")));
  assert.equal(onNoahsWall.fields.from_name, "Aiko Tanaka", "the wall names her to people with no record of her");
  assert.equal(onNoahsWall.fields.about_name, "Freya Lund");
});
