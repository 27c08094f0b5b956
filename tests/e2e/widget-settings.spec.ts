import { expect, test, type Locator } from "@playwright/test";

interface CourseDay {
  day: number;
  path: string | null;
}

/** The clock of a fresh run: "t = 0 ms", "t = day 0 of 365", "t = 0.0 years of 10.0 years"… */
const CLOCK_AT_ZERO = /t = (day )?0(\.0)?( |$)/;

/** Changes the first setting in `fieldset` to another value; false when it holds nothing to change. */
async function changeFirstSetting(fieldset: Locator): Promise<boolean> {
  const select = fieldset.locator("select").first();
  if (await select.count()) {
    const values = await select.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const current = await select.inputValue();
    const other = values.find((v) => v !== current);
    if (other === undefined) return false;
    await select.selectOption(other);
    return true;
  }
  const range = fieldset.locator('input[type="range"]').first();
  if (await range.count()) {
    const [min, max, current] = await Promise.all([range.getAttribute("min"), range.getAttribute("max"), range.inputValue()]);
    await range.fill(current === max ? (min ?? "0") : (max ?? "1"));
    return true;
  }
  return false;
}

/**
 * Every widget whose settings say "changing them starts a fresh run" does: after a run, changing the first setting
 * puts the clock back to zero (the kit's configured-simulation hook, or the widget's own state), and the new run plays.
 */
test("changing a widget's settings starts a fresh run", async ({ page, request }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ reducedMotion: "reduce" });
  const { days } = (await (await request.get("/api/course")).json()) as { days: CourseDay[] };
  const checked: number[] = [];
  for (const day of days) {
    if (!day.path) continue;
    await page.goto(day.path, { waitUntil: "networkidle" });
    const widget = page.locator("[data-widget]").first();
    const fieldset = widget.locator("fieldset", { has: page.locator("legend", { hasText: /starts (a )?fresh/ }) }).first();
    if (!(await fieldset.count())) continue;
    await widget.scrollIntoViewIfNeeded();
    const clock = widget.getByRole("group", { name: "Simulation controls" }).locator("p").last();
    const run = widget.getByRole("button", { name: /^Run\b/ }).first();
    await run.click();
    await expect(clock, `Day ${day.day}: Run moves the clock`).not.toHaveText(CLOCK_AT_ZERO);
    expect(await changeFirstSetting(fieldset), `Day ${day.day}: a setting to change`).toBe(true);
    await expect(clock, `Day ${day.day}: new settings start a fresh run`).toHaveText(CLOCK_AT_ZERO);
    await expect(run, `Day ${day.day}: the fresh run can be played`).toBeEnabled();
    checked.push(day.day);
  }
  // The lessons' widgets with run settings (the others only have interactive controls, or analysis inputs).
  expect(checked.length).toBeGreaterThanOrEqual(24);
});

test("the seed field says when a run has drawn no random numbers, and only then", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const hint = /drawn no random numbers/;
  // Day 2's placement lab is deterministic (no failures are drawn); Day 1's traffic is random.
  for (const [path, deterministic] of [["/day/2", true], ["/day/1", false]] as const) {
    await page.goto(path, { waitUntil: "networkidle" });
    const controls = page.locator("[data-widget]").first().getByRole("group", { name: "Simulation controls" });
    await expect(controls.getByText(hint), `${path} before running`).toHaveCount(0);
    await controls.getByRole("button", { name: /^(Run|Step)\b/ }).first().click();
    await expect(controls.locator("p").first()).not.toHaveText(CLOCK_AT_ZERO);
    if (deterministic) {
      await expect(controls.getByText(hint)).toBeVisible();
      await expect(controls.getByLabel("Seed")).toHaveAccessibleDescription(hint);
    } else {
      await expect(controls.getByText(hint)).toHaveCount(0);
    }
  }
});
