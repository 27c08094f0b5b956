// Screenshots of pages in light and dark, for the README and docs/screenshots. Needs a running server
// (`npm start`); BASE_URL defaults to http://localhost:3000. Usage: node scripts/screenshots.mjs /day/2 /course
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = process.env.OUT_DIR ?? "docs/screenshots";
const paths = process.argv.slice(2).filter((a) => a.startsWith("/"));
const fullPage = process.argv.includes("--full");
const email = process.env.SHOT_EMAIL;
const password = process.env.SHOT_PASSWORD;
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"],
});
for (const scheme of ["light", "dark"]) {
  const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  if (email && password) {
    await page.goto(`${base}/signin`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/dashboard");
  }
  for (const p of paths) {
    await page.goto(`${base}${p}`, { waitUntil: "networkidle" });
    await page.waitForTimeout(600);
    const name = p === "/" ? "home" : p.slice(1).replace(/\//g, "-").replace(/^day-(\d)$/, "day-0$1");
    await page.screenshot({ path: `${out}/${name}-${scheme}.png`, fullPage });
    console.log(`${out}/${name}-${scheme}.png`);
  }
  await context.close();
}
await browser.close();
