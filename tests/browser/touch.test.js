// On a phone-sized touch screen, taps work like clicks.
import {after, before, test} from "node:test";
import {artifacts, find, launchBrowser, openApp, signIn, startServer} from "./harness.js";

let server, browser, page;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const context = await browser.newContext({viewport: {width: 412, height: 860}, hasTouch: true, isMobile: true,
                                            deviceScaleFactor: 2.6});
  page = await context.newPage();
  await openApp(page, server.url);
  await signIn(page, "manager1@demo.example");
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function tap(match) {
  const widget = await find(page, match);
  await page.touchscreen.tap(widget.x + Math.min(widget.w / 2, 30), widget.y + widget.h / 2);
}

test("tapping a report opens their 1:1s and tapping New 1:1 starts one", async () => {
  await find(page, "Chloé Martin");
  await page.screenshot({path: `${artifacts}/09-phone-team.png`});
  await tap("report:Chloé Martin");
  await find(page, "1:1s with Chloé Martin");
  await tap("New 1:1");
  await find(page, "1:1 with Chloé Martin");
  await page.screenshot({path: `${artifacts}/10-phone-check-in.png`});
});
