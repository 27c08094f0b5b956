import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

interface CourseDay {
  day: number;
  title: string;
  path: string | null;
}

/**
 * Every day, as a learner meets it: the page renders without console errors, its live widget responds to input
 * (the widget's status line changes when the simulation is played), and axe finds nothing serious.
 */
test("the course lists 30 days, every one written", async ({ request }) => {
  const { days } = (await (await request.get("/api/course")).json()) as { days: CourseDay[] };
  expect(days.map((d) => d.day)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  expect(days.filter((d) => !d.path).map((d) => d.day)).toEqual([]);
});

for (let n = 1; n <= 30; n++) {
  test(`Day ${n} renders cleanly and its widget responds`, async ({ page, request }) => {
    test.setTimeout(60_000);
    const { days } = (await (await request.get("/api/course")).json()) as { days: CourseDay[] };
    const day = days.find((d) => d.day === n);
    expect(day?.path, `Day ${n} is written`).toBeTruthy();
    if (!day?.path) return;
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(day.path, { waitUntil: "networkidle" });
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
    expect(serious.map((v) => `${v.id} ${v.nodes.map((node) => node.target.join(" ")).slice(0, 2).join(", ")}`)).toEqual([]);
    expect(errors, `console errors on Day ${n}`).toEqual([]);
  });
}
