// People analytics in the browser: HR reads the return and the organisation's figures, hovers a chart point
// and reads the value the server computed, opens a team from the heatmap and exports the team figures
// (audited); a manager sees only their own team beside the organisation's line, and reads it again offline
// after a reload.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {apiSession, artifacts, click, eventually, find, launchBrowser, serviceWorkerReady, signedInDevice,
        snapshot, startServer} from "./harness.js";

let server, browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function api(email, path) {
  const {token} = await apiSession(server.url, email);
  const response = await fetch(server.url + path, {headers: {Authorization: "Bearer " + token}});
  return {status: response.status, body: path.includes(".csv") ? await response.text() : await response.json()};
}

function isoDay(date) { return date.toISOString().slice(0, 10); }

// The chart's points for one series, left to right, once the chart has drawn them.
async function points(page, chart, series) {
  const prefix = `point:${chart}:${series}:`;
  const drawn = async () => (await snapshot(page)).filter(w => w.id.startsWith(prefix)).sort((a, b) => a.x - b.x);
  await eventually(async () => (await drawn()).length > 0, 20000);
  return drawn();
}

test("HR reads the return, hovers a point for its value, opens a team and exports the figures", async () => {
  const {context, page: hr} = await signedInDevice(browser, server.url, "hr@demo.example", "People");
  await click(hr, "Analytics");
  await find(hr, "The return: what goes with engagement and retention");
  await find(hr, /^Teams at or above the median 1:1 cadence adherence/, {timeout: 20000});
  await find(hr, /not that one causes the other/);
  await find(hr, /^Lars Berg's team \(5\)$/);
  await hr.screenshot({path: `${artifacts}/90-analytics-hr-return.png`});

  // The last month of the organisation's cadence line: the tooltip shows what the server says.
  const line = await points(hr, "cadence", "Organisation");
  assert.ok(line.length >= 10, "a point per month of the last year");
  const last = line[line.length - 1];
  await click(hr, last.id);
  const tip = await find(hr, new RegExp("^" + last.text + "\\nOrganisation: \\d+%$"), {kind: "tooltip"});
  const today = new Date();
  const from = new Date(today); from.setUTCMonth(from.getUTCMonth() - 12); from.setUTCDate(from.getUTCDate() + 1);
  const series = await api("hr@demo.example",
                           `/api/v1/analytics/series?group=org&bucket=month&from=${isoDay(from)}&to=${isoDay(today)}`);
  assert.equal(series.status, 200);
  const expected = Math.round(series.body.points.at(-1).cadence_adherence * 100);
  assert.equal(tip.text.split(": ")[1], `${expected}%`, "the point reads the server's figure");
  await hr.screenshot({path: `${artifacts}/91-analytics-hr-hover.png`});

  // A heatmap row opens that team's figures over time.
  await click(hr, /^Lars Berg's team \(5\)$/);
  await find(hr, "Over time: Lars Berg's team");
  await find(hr, /^Exits \(imported from the HRIS\)/);

  await click(hr, "Export team figures (CSV)##export-teams");
  await find(hr, "Saved team-figures.csv (the export is in the audit log).", {timeout: 20000});
  const audit = await api("hr@demo.example", "/api/v1/audit?action=analytics.export");
  assert.equal(audit.body.entries.length, 1);
  assert.equal(audit.body.entries[0].details.export, "teams");
  await context.close();
});

test("a manager sees only their own team beside the organisation, also offline", async () => {
  const {context, page: maya} = await signedInDevice(browser, server.url, "manager1@demo.example", "My team");
  await serviceWorkerReady(maya);
  await click(maya, "Analytics");
  await find(maya, "Your teams' figures");
  await find(maya, /^Your team \(4\)$/, {timeout: 20000});
  await find(maya, "Over time: Your team");
  assert.ok((await points(maya, "cadence", "Organisation")).length > 0, "the organisation's line to compare with");
  assert.ok((await points(maya, "cadence", "Your team")).length > 0, "her own line beside the organisation's");
  const texts = (await snapshot(maya)).map(w => w.text).join("\n");
  for (const other of ["Noah Okafor", "Lars Berg", "Priya Nair", "Dana Whitfield"])
    assert.ok(!texts.includes(other), `${other} is outside Maya's tree`);
  assert.ok(!texts.includes("Exits"), "exits are HR's only");
  const teams = await api("manager1@demo.example", `/api/v1/analytics/teams?from=2026-01-01&to=${isoDay(new Date())}`);
  assert.equal(teams.body.teams.length, 1);
  await maya.screenshot({path: `${artifacts}/92-analytics-manager.png`});

  // Kept on the device: after an offline reload the figures are still there.
  await maya.waitForTimeout(1500);  // the kept copy reaches the device's storage with the next flush
  await context.setOffline(true);
  await maya.reload();
  await maya.waitForFunction(() => window.tandemReady === true, null, {timeout: 30000});
  await click(maya, "Analytics");
  await find(maya, /^Your team \(4\)$/, {timeout: 20000});
  await find(maya, /kept on this device/);
  await maya.screenshot({path: `${artifacts}/93-analytics-manager-offline.png`});
  await context.close();
});
