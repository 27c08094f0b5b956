import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { classWithMember, PASSWORD, signInPage, uniqueEmail } from "./helpers";

async function expectNoSeriousViolations(page: Page, label: string) {
  // After a client-side navigation (starting or submitting a quiz) Next commits the new page's <title> some tens of
  // milliseconds after its content, and axe's document-title rule would catch the gap. Wait for a title (a page
  // without one still fails here, after the timeout).
  await expect(page, `${label} has a title`).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`),
  ).toEqual([]);
}

for (const scheme of ["light", "dark"] as const) {
  test(`learner pages have no serious or critical axe violations (${scheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ["/", "/course", "/signin", "/signup", "/day/1", "/day/2", "/day/3"]) {
      await page.goto(path, { waitUntil: "networkidle" });
      await expectNoSeriousViolations(page, path);
    }
    const email = uniqueEmail("axe");
    await page.request.post("/api/account", { data: { name: "Axe Learner", email, password: PASSWORD } });
    await signInPage(page, email, PASSWORD);
    await expectNoSeriousViolations(page, "/dashboard (empty)");
    await page.goto("/review");
    await expectNoSeriousViolations(page, "/review (empty)");

    await page.goto("/day/1/quiz");
    await expectNoSeriousViolations(page, "/day/1/quiz");
    await page.getByRole("button", { name: "Start the quiz" }).click();
    await page.waitForURL(/\/attempts\//);
    await expectNoSeriousViolations(page, "quiz in progress");
    await page.getByRole("button", { name: "Submit answers" }).click();
    await page.getByRole("button", { name: "Submit anyway" }).click();
    await expect(page.getByTestId("attempt-score")).toBeVisible();
    await expectNoSeriousViolations(page, "quiz result");
    for (const path of ["/dashboard", "/review", "/settings"]) {
      await page.goto(path, { waitUntil: "networkidle" });
      await expectNoSeriousViolations(page, path);
    }
  });
}

test("class pages have no serious or critical axe violations (light and dark)", async ({ page, playwright }) => {
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const member = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const { classId, email, workPath } = await classWithMember(api, member);
  await signInPage(page, email, PASSWORD, "/teach");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ["/teach", `/teach/${classId}`, workPath, "/classes"]) {
      await page.goto(path, { waitUntil: "networkidle" });
      await expectNoSeriousViolations(page, `${path} (${scheme})`);
    }
  }
});

test("keyboard focus stays on Run when it ends the run (the button is aria-disabled, not removed from focus)", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/day/1", { waitUntil: "networkidle" });
  const widget = page.locator("[data-widget]").first();
  const run = widget.getByRole("group", { name: "Simulation controls" }).getByRole("button", { name: /^Run\b/ });
  await run.focus();
  await page.keyboard.press("Enter");
  await expect(run).toHaveAttribute("aria-disabled", "true");
  await expect(run).toBeFocused();
  // Pressing it again does nothing; Tab moves on through Step (also aria-disabled now) to Reset.
  await page.keyboard.press("Enter");
  await expect(run).toBeFocused();
  const controls = widget.getByRole("group", { name: "Simulation controls" });
  await page.keyboard.press("Tab");
  await expect(controls.getByRole("button", { name: /^Step\b/ })).toHaveAttribute("aria-disabled", "true");
  await expect(controls.getByRole("button", { name: /^Step\b/ })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(controls.getByRole("button", { name: "Reset" })).toBeFocused();
});
