import { expect, test, type Locator, type Page } from "@playwright/test";
import type { Question } from "../../lib/quiz/schema";
import { SIM_CONFIG_SCENARIOS } from "../../lib/quiz/simulated";
import { attemptQuestions, loadQuiz, PASSWORD, uniqueEmail } from "./helpers";

const norm = (s: string) => s.replace(/`/g, "").replace(/\s+/g, " ").trim();

/** Answers one rendered question correctly, through the controls a person would use (keyboard for ordering). */
async function answer(page: Page, fieldset: Locator, q: Question) {
  switch (q.type) {
    case "single": {
      const option = q.options.find((o) => o.id === q.answer);
      await fieldset.getByLabel(norm(option?.text ?? ""), { exact: true }).check();
      break;
    }
    case "multiple":
      for (const id of q.answers) {
        await fieldset.getByLabel(norm(q.options.find((o) => o.id === id)?.text ?? ""), { exact: true }).check();
      }
      break;
    case "true-false":
      await fieldset.getByLabel(q.answer ? "True" : "False", { exact: true }).check();
      break;
    case "numeric":
      await fieldset.getByLabel(/Your answer/).fill(String(q.answer));
      break;
    case "ordering": {
      // Selection sort with the Up buttons, pressed from the keyboard: no drag needed (WCAG 2.5.7).
      for (let target = 0; target < q.items.length; target++) {
        const item = q.items[target];
        if (!item) continue;
        for (;;) {
          const texts = (await fieldset.locator("ol > li").allInnerTexts()).map(norm);
          const at = texts.findIndex((t) => t.includes(norm(item.text)));
          if (at <= target) break;
          const up = fieldset.getByRole("button", { name: `Move '${item.text}' up`, exact: true });
          await up.focus();
          await page.keyboard.press("Enter");
        }
      }
      break;
    }
    case "matching":
      for (const pair of q.pairs) {
        const choice = q.choices.find((c) => c.id === pair.match);
        await fieldset.getByLabel(norm(pair.text), { exact: true }).selectOption({ label: choice?.text ?? "" });
      }
      break;
    case "sim-config": {
      const scenario = SIM_CONFIG_SCENARIOS[q.scenario];
      const best = scenario?.bestAnswer(q.seed).values ?? {};
      for (const field of scenario?.fields(q.seed) ?? []) {
        await fieldset.getByLabel(field.label, { exact: true }).selectOption(best[field.name] ?? "");
      }
      break;
    }
  }
}

test("sign up → Day 2 → widget → quiz → score and explanations → dashboard", async ({ page }) => {
  test.setTimeout(120_000);
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });

  // Sign up through the form; the new account lands signed in.
  await page.goto("/signup?callbackUrl=%2Fday%2F2");
  await page.getByLabel("Name").fill("Journey Learner");
  await page.getByLabel("Email").fill(uniqueEmail("journey"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/day/2");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Virtualization");
  await expect(page.getByTestId("lesson-status")).toBeVisible();

  // The live widget: place VMs, fail an AZ, and watch the state change.
  const widget = page.locator('[data-widget="AzPlacementLab"]');
  await widget.scrollIntoViewIfNeeded();
  const status = widget.getByTestId("widget-status");
  await expect(status).toBeVisible();
  const before = await status.innerText();
  await widget.getByRole("button", { name: "Place VMs" }).click();
  await expect(status).not.toHaveText(before);
  const placed = await status.innerText();
  await widget.getByRole("button", { name: "Fail AZ a" }).click();
  await expect(status).not.toHaveText(placed);

  // The quiz: start, answer every question correctly, submit.
  await page.getByRole("link", { name: "Take the quiz" }).first().click();
  await page.waitForURL("**/day/2/quiz");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await page.waitForURL(/\/attempts\//);
  const quiz = loadQuiz(2);
  // Day 2 draws a pool of questions per attempt, some with numbers from a simulator run seeded for this attempt.
  const questions = attemptQuestions(new URL(page.url()).pathname.split("/").at(-1) ?? "", quiz);
  const drawn = questions.length;
  expect(drawn).toBe(quiz.rules.drawCount);
  const fieldsets = page.getByTestId("quiz-question");
  await expect(fieldsets).toHaveCount(drawn);
  for (let i = 0; i < drawn; i++) {
    const fieldset = fieldsets.nth(i);
    const legend = norm(await fieldset.locator("legend").innerText());
    const q = questions.find((x) => legend.includes(norm(x.prompt)));
    expect(q, `question for legend "${legend}"`).toBeTruthy();
    if (q) await answer(page, fieldset, q);
  }
  await page.getByRole("button", { name: "Submit answers" }).click();

  // Result: score, per-question correctness and explanations.
  await expect(page.getByTestId("attempt-score")).toHaveText("100%");
  const reviews = page.getByTestId("review-question");
  await expect(reviews).toHaveCount(drawn);
  const firstPrompt = norm(await reviews.first().locator("h3").innerText());
  const firstQuestion = questions.find((q) => firstPrompt.includes(norm(q.prompt)) || norm(q.prompt).includes(firstPrompt));
  await expect(reviews.first()).toContainText(norm(firstQuestion?.explanation ?? "explanation missing").slice(0, 60));

  // Dashboard: Day 2 completed with that score.
  await page.getByRole("link", { name: "Dashboard" }).first().click();
  await page.waitForURL("**/dashboard");
  const row = page.getByTestId("dashboard-day-2");
  await expect(row.getByText("Completed")).toBeVisible();
  await expect(row.getByTestId("best-score")).toHaveText("100%");
  await expect(page.getByTestId("days-completed")).toContainText("1");
  expect(consoleErrors).toEqual([]);
});

test("sign-up form errors: weak password and duplicate email", async ({ page }) => {
  const email = uniqueEmail("dup");
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Short Pass");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("password-error")).toHaveText("Use at least 8 characters for your password.");
  await expect(page.getByLabel("Email")).toHaveValue(email);

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/day/1");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");

  await page.goto("/signup");
  await page.getByLabel("Name").fill("Again");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("email-error")).toContainText("already exists");
});

test("sign-in is rate limited per email with a clear message", async ({ page, request }) => {
  const email = uniqueEmail("limited");
  await request.post("/api/account", { data: { name: "Limited", email, password: PASSWORD } });
  await page.goto("/signin");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("That email and password don't match an account.");
  }
  // Even the right password is refused until the window passes.
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Too many sign-in attempts. Try again in");
});
