// Private notes and the journal are sealed on the device (docs/security-and-privacy.md, Sealed notes): a wrong
// passphrase is told apart, the demo passphrase opens the demo manager's note (saying "Unlocking…" while the
// key is derived), and what she types next reaches the server only as sealed:v1 text: the server's database
// files never contain the words.
import assert from "node:assert/strict";
import {readFileSync, existsSync} from "node:fs";
import {after, before, test} from "node:test";
import {apiSession, artifacts, click, eventually, find, launchBrowser, openApp, pullAll, signIn, snapshot,
        startServer, typeInto} from "./harness.js";

let server, browser, page;

function serverFilesContain(text) {
  const needle = Buffer.from(text, "utf8");
  return ["", "-wal"].some(suffix => existsSync(server.db + suffix) &&
                                     readFileSync(server.db + suffix).includes(needle));
}

async function latestFields(entity, token) {
  const merged = {};
  for (const change of (await pullAll(server.url, token)).filter(c => c.entity === entity))
    Object.assign(merged[change.record_id] ??= {}, change.fields);
  return Object.values(merged);
}

// What each frame showed, kept by the page itself: while the key is derived the page's one thread is busy,
// so the test cannot ask for a snapshot then. Each frame keeps which of `watched` (texts or ids) it drew.
async function watchFrames(watched) {
  await page.evaluate(watched => {
    window.framesSeen = [];
    const tick = () => {
      const drawn = JSON.parse(UTF8ToString(Module._tandem_ui_snapshot())).widgets.flatMap(w => [w.text, w.id]);
      window.framesSeen.push(watched.filter(item => drawn.includes(item)));
      if (window.framesSeen.length < 2000) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, watched);
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({viewport: {width: 1100, height: 800}});
  await openApp(page, server.url);
  await signIn(page, "manager1@demo.example");
  await find(page, /^Synced/);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("a wrong passphrase is refused; the right one opens the private note", async () => {
  await click(page, "report:Aiko Tanaka");
  const rows = (await snapshot(page)).filter(w => w.id.startsWith("checkin:"));
  await click(page, rows[0].id);  // 20 days ago: the 1:1 with Maya's private note
  await find(page, /Private notes are locked on this device/);
  await typeInto(page, "##unlock-passphrase", "not the passphrase");
  await page.keyboard.press("Enter");
  await find(page, "That passphrase does not open your notes. Check it and try again.", {timeout: 20000});
  await typeInto(page, "##unlock-passphrase", "tandem demo notes");
  await watchFrames(["Unlocking…", "##private-notes"]);
  await click(page, "Unlock##unlock");
  const note = await find(page, "##private-notes", {timeout: 20000});
  // The second or so of argon2id is announced: a frame said "Unlocking…" before the notes were drawn.
  const frames = await page.evaluate(() => window.framesSeen);
  const working = frames.findIndex(seen => seen.includes("Unlocking…"));
  const opened = frames.findIndex(seen => seen.includes("##private-notes"));
  assert.ok(working >= 0 && working < opened, `"Unlocking…" must show before the notes (frames ${working}, ${opened})`);
  assert.equal(note.value, "Seemed more tired than she said. Check the on-call rota before the next release.");
  await page.screenshot({path: `${artifacts}/20-private-note-unlocked.png`});
});

test("a private note typed on the device reaches the server only sealed", async () => {
  const words = "Mentioned a job offer elsewhere";
  const session = await apiSession(server.url, "manager1@demo.example");
  const [before] = await latestFields("private_note", session.token);
  await click(page, "##private-notes");
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" " + words, {delay: 15});
  await find(page, "Saved on this device");
  const [after] = await eventually(async () => {
    const notes = await latestFields("private_note", session.token);
    return notes.length === 1 && notes[0].text !== before.text && notes;
  });
  assert.match(after.text, /^sealed:v1:[A-Za-z0-9+/]+={0,2}$/);
  await find(page, /^Synced/, {timeout: 20000});
  assert.equal(serverFilesContain(words), false, "the server's files hold no plain private text");
  assert.equal(serverFilesContain("Seemed more tired"), false);
  assert.equal(serverFilesContain("sealed:v1:"), true);
});

test("the journal shows the trend, and a new entry is saved and synced sealed", async () => {
  await click(page, "Journal");
  await find(page, "3 ratings");  // the trend chart of the demo entries
  await find(page, /Gave Bruno the design review/);
  const answer = "Stayed calm when the release slipped and asked what the team needed";
  await click(page, "##journal-text");
  await page.keyboard.type(answer, {delay: 10});
  await click(page, "4##rating4");
  await find(page, "4 ratings");
  await find(page, "Saved on this device");
  await page.screenshot({path: `${artifacts}/21-journal.png`});
  const session = await apiSession(server.url, "manager1@demo.example");
  const entries = await eventually(async () => {
    const all = await latestFields("journal_entry", session.token);
    return all.length === 4 && all;
  });
  for (const fields of entries) assert.match(fields.text, /^sealed:v1:/);
  assert.ok(entries.some(fields => fields.self_rating === 4 && fields.written_on));
  await find(page, /^Synced/, {timeout: 20000});
  assert.equal(serverFilesContain(answer), false);
});
