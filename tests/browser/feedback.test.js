// Feedback and recognition as a manager gives them, offline, then synced: structured feedback to a report
// (shared with her), a recognition of a peer on the wall, an answer to the request a peer sent. After
// sync each thing reaches exactly the people allowed: the peer sees the recognition and the answer, never
// the feedback about someone else's report; HR and the mentor see the wall and nothing private.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {apiSession, artifacts, click, eventually, find, launchBrowser, pullAll, signedInDevice,
        startServer, typeInto} from "./harness.js";

let server, browser, mayaContext, maya;

const device = (email, home, viewport) => signedInDevice(browser, server.url, email, home, viewport);

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({context: mayaContext, page: maya} = await device("manager1@demo.example", "My team"));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("offline, a manager gives feedback, recognises a peer and answers a request", async () => {
  await find(maya, "Noah Okafor is waiting for your feedback");
  await mayaContext.setOffline(true);

  await click(maya, "Feedback");
  await find(maya, "request:Noah Okafor");
  await click(maya, "Give feedback##give-open");
  await click(maya, "Choose a person##give-about");
  await click(maya, /^Aiko Tanaka · your team$/);
  await click(maya, /^Makes room$/);
  await typeInto(maya, "##situation", "Thursday's design review");
  await typeInto(maya, "##behaviour", "You asked Dev to present his part");
  await typeInto(maya, "##impact", "He spoke up for the first time");
  await find(maya, "Saved on this device", {timeout: 20000});
  await maya.screenshot({path: `${artifacts}/50-give-feedback.png`});
  await click(maya, "Give feedback##give");
  await find(maya, "feedback:Aiko Tanaka");

  await click(maya, "Recognition");
  await find(maya, "spotlight:Noah Okafor");
  await click(maya, "Recognise someone##recognise");
  await click(maya, "Choose a person##give-about");
  await typeInto(maya, "##person-filter", "Noah");  // the organisation's managers make a long list
  await click(maya, /^Noah Okafor · manager$/);
  await typeInto(maya, "##behaviour", "Took the on-call weekend so Freya could rest");
  await click(maya, "Recognise##give");
  await click(maya, "Show the whole organisation##wall-org");
  await find(maya, "recognition:Noah Okafor");
  await maya.screenshot({path: `${artifacts}/51-recognition-wall.png`});

  await click(maya, "Feedback");
  await click(maya, "Answer##answer");
  await typeInto(maya, "##behaviour", "You said no to the date and gave two reasons, calmly");
  await click(maya, "Send answer##give");
  await find(maya, "Nobody is waiting for feedback from you.");
  await find(maya, "Saved on this device", {timeout: 20000});

  await mayaContext.setOffline(false);
  await click(maya, "Sync now");
  await find(maya, /^Synced/, {timeout: 20000});
});

test("after sync each thing is seen by exactly the people allowed", async () => {
  const noah = await apiSession(server.url, "manager2@demo.example");
  const hr = await apiSession(server.url, "hr@demo.example");
  const mentor = await apiSession(server.url, "mentor@demo.example");
  const texts = changes => changes.map(c => JSON.stringify(c.fields ?? {})).join("\n");

  const noahSees = await eventually(async () => {
    const seen = texts(await pullAll(server.url, noah.token));
    return seen.includes("Took the on-call weekend") && seen;
  });
  assert.ok(noahSees.includes("gave two reasons, calmly"), "the answer reaches the one who asked");
  assert.ok(!noahSees.includes("asked Dev to present"), "feedback about Maya's report is not Noah's");

  for (const other of [hr, mentor]) {
    const seen = texts(await pullAll(server.url, other.token));
    assert.ok(seen.includes("Took the on-call weekend"), "the wall is everyone's");
    assert.ok(!seen.includes("asked Dev to present") && !seen.includes("gave two reasons"),
              "shared feedback and answers stay between the two people");
  }

  const {context, page: noahPage} = await device("manager2@demo.example", "My team", {width: 390, height: 844});
  await click(noahPage, "Recognition");
  await click(noahPage, "Show the whole organisation##wall-org");
  await find(noahPage, "recognition:Noah Okafor");
  await click(noahPage, "Feedback");
  await find(noahPage, "feedback:Maya Chen");
  await noahPage.screenshot({path: `${artifacts}/52-feedback-received-phone.png`});
  await context.close();
});
