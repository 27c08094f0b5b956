import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

interface CourseDay {
  day: number;
  title: string;
  path: string | null;
}

/**
 * Every written day, as a learner meets it: the page renders without console errors, its live widget responds to
 * input (the widget's status line changes when the simulation is played), and axe finds nothing serious.
 */
test("every lesson renders cleanly and its widget responds", async ({ page, request }) => {
  test.setTimeout(600_000);
  const { days } = (await (await request.get("/api/course")).json()) as { days: CourseDay[] };
  expect(days).toHaveLength(30);
  const written = days.filter((d) => d.path);
  expect(written.length).toBeGreaterThanOrEqual(3);
  for (const day of written) {
    const errors: string[] = [];
    const onConsole = (m: { type(): string; text(): string }) => {
      if (m.type() === "error") errors.push(m.text());
    };
    page.on("console", onConsole);
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(day.path ?? "/", { waitUntil: "networkidle" });
    await expect(page.getByRole("heading", { level: 1 })).toContainText(day.title.split(":")[0] ?? day.title);

    const widgets = page.locator("[data-widget]");
    await expect(widgets.first()).toBeVisible();
    const widget = widgets.first();
    await widget.scrollIntoViewIfNeeded();
    const status = widget.getByTestId("widget-status");
    await expect(status).toBeVisible();
    const before = await status.innerText();
    // A widget with a set-up action (placing VMs) takes it first; every widget then plays its clock (Play, or Run
    // under reduced motion).
    const setUp = widget.getByRole("button", { name: "Place VMs" });
    if (await setUp.count()) await setUp.click();
    else await widget.getByRole("button", { name: /^(Play|Run)\b/ }).first().click();
    await expect(status).not.toHaveText(before, { timeout: 15_000 });

    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `Day ${day.day}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).slice(0, 2).join(", ")}`)).toEqual([]);
    expect(errors, `console errors on Day ${day.day}`).toEqual([]);
    page.off("console", onConsole);
  }
});
