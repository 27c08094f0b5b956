// `npm run bench:widgets`: do the lesson widgets need a web worker? Serves the production build, then in Chromium
// plays every day's widget at its fastest speed (8×) for up to 8 s of real time and records, while it plays,
//   - the gaps between animation frames (a gap well above 16.7 ms is a dropped frame; above 50 ms, visible jank);
//   - long tasks (main-thread tasks over 50 ms, from the Long Tasks API).
// The simulation runs on the main thread inside the frame loop, so these include its cost. Prints one JSON
// document; asserts nothing (speed goals are read, not tested).
import { chromium } from "@playwright/test";
import { startServer } from "./server.mjs";

const PLAY_MS = 8_000;
const { base, ready, stop } = startServer({ port: Number(process.env.BENCH_PORT ?? 3201), database: "bench-widgets.db" });

/** Runs in the page before its scripts: a frame-gap recorder and a long-task observer, both off until `on`. */
function recorder() {
  const rec = { on: false, last: 0, gaps: [], longTasks: [] };
  window.__bench = rec;
  const frame = (t) => {
    if (rec.on && rec.last > 0) rec.gaps.push(t - rec.last);
    rec.last = rec.on ? t : 0;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new PerformanceObserver((list) => {
    if (rec.on) for (const e of list.getEntries()) rec.longTasks.push(e.duration);
  }).observe({ type: "longtask" });
}

const round = (x) => Math.round(x * 10) / 10;

async function measure(browser, day) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(recorder);
  await page.goto(`${base}${day.path}`, { waitUntil: "networkidle" });
  const widget = page.locator("[data-widget]").first();
  await widget.scrollIntoViewIfNeeded();
  const name = await widget.getAttribute("data-widget");
  const setUp = widget.getByRole("button", { name: "Place VMs" });
  if (await setUp.count()) await setUp.click();
  const controls = widget.getByRole("group", { name: "Simulation controls" });
  await controls.getByLabel("Speed").selectOption("8");
  const play = controls.getByRole("button", { name: /^Play\b/ });
  await page.evaluate(() => (window.__bench.on = true));
  await play.click();
  // Until the run ends (Play is disabled at the end) or PLAY_MS have passed.
  await page.waitForFunction(
    () => document.querySelector('[data-widget] [aria-label="Simulation controls"] button')?.hasAttribute("disabled") ?? false,
    undefined,
    { timeout: PLAY_MS },
  ).catch(() => {});
  const rec = await page.evaluate(() => {
    window.__bench.on = false;
    return { gaps: window.__bench.gaps, longTasks: window.__bench.longTasks };
  });
  await page.close();
  const gaps = rec.gaps.slice().sort((a, b) => a - b);
  return {
    day: day.day,
    widget: name,
    frames: gaps.length,
    p95FrameMs: gaps.length ? round(gaps[Math.floor(0.95 * (gaps.length - 1))]) : null,
    worstFrameMs: gaps.length ? round(gaps[gaps.length - 1]) : null,
    longTasks: rec.longTasks.length,
    longestTaskMs: rec.longTasks.length ? round(Math.max(...rec.longTasks)) : 0,
  };
}

async function main() {
  await ready;
  const { days } = await (await fetch(`${base}/api/course`)).json();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"],
  });
  const widgets = [];
  try {
    for (const day of days.filter((d) => d.path)) widgets.push(await measure(browser, day));
  } finally {
    await browser.close();
  }
  const worst = widgets.reduce((a, b) => ((b.worstFrameMs ?? 0) > (a.worstFrameMs ?? 0) ? b : a));
  const summary = {
    speed: "8×",
    worstFrameMs: worst.worstFrameMs,
    worstFrameWidget: worst.widget,
    medianP95FrameMs: widgets.map((w) => w.p95FrameMs ?? 0).sort((a, b) => a - b)[Math.floor(widgets.length / 2)],
    widgetsWithLongTasks: widgets.filter((w) => w.longTasks > 0).map((w) => `${w.widget} (${w.longTasks}, longest ${w.longestTaskMs} ms)`),
  };
  console.log(JSON.stringify({ summary, widgets }, null, 2));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stop);
