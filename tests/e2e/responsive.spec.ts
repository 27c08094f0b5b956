import { expect, test } from "@playwright/test";
import { classWithMember, PASSWORD, signInPage } from "./helpers";

test.use({ viewport: { width: 360, height: 780 } });

/** Nothing may scroll sideways on a small phone: the header, the plan, a lesson with its widget, the dashboard. */
test("no horizontal overflow at 360 px", async ({ page }) => {
  await signInPage(page, "learner@nimbus.test", "nimbus-learner");
  for (const path of ["/", "/course", "/day/2", "/day/2/quiz", "/dashboard", "/classes", "/signin"]) {
    await page.goto(path, { waitUntil: "networkidle" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});

test("the instructor's pages do not scroll sideways at 360 or 768 px (the gradebook scrolls inside its own region)", async ({ page, playwright }) => {
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const member = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const { classId, email, workPath } = await classWithMember(api, member);
  await signInPage(page, email, PASSWORD, "/teach");
  // A tablet too: an instructor's header holds five links and the user menu.
  for (const width of [360, 768]) {
    await page.setViewportSize({ width, height: 780 });
    for (const path of ["/teach", `/teach/${classId}`, workPath, "/dashboard"]) {
      await page.goto(path, { waitUntil: "networkidle" });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} at ${width} px overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    }
  }
});

test("no lesson scrolls sideways at 360 px, widget included", async ({ page }) => {
  test.setTimeout(180_000);
  for (let day = 1; day <= 30; day++) {
    await page.goto(`/day/${day}`, { waitUntil: "networkidle" });
    await page.locator("[data-widget]").first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `/day/${day} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});

test("the theme toggle switches to dark and remembers it", async ({ page }) => {
  await page.goto("/");
  const toggle = page.getByRole("button", { name: "Dark theme" });
  const wasDark = await page.evaluate(() => document.documentElement.classList.contains("dark"));
  await toggle.click();
  await expect(page.locator("html")).toHaveClass(wasDark ? /^(?!.*\bdark\b)/ : /\bdark\b/);
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(!wasDark);
});
