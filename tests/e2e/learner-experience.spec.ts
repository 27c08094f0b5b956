import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { createEmptyCard, fsrs, Rating } from "ts-fsrs";
import { baseURL } from "../../playwright.config";
import { TEST_CLOCK_COOKIE } from "../../lib/time/clock-cookie";
import { loadQuiz, PASSWORD, signInPage, uniqueEmail } from "./helpers";

/** Moves the server's clock for this browser context (the e2e server runs with NIMBUS_TEST_CLOCK=1). */
async function setClock(context: BrowserContext, at: Date) {
  await context.addCookies([{ name: TEST_CLOCK_COOKIE, value: at.toISOString(), url: baseURL }]);
}

/** A date safely after the account's real creation time, at noon UTC. */
function futureDay(offsetDays: number): Date {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  d.setUTCHours(12, 0, 0, 0);
  return d;
}

async function newSignedInLearner(page: Page) {
  const email = uniqueEmail("journey");
  const created = await page.request.post("/api/account", { data: { name: "Clocked Learner", email, password: PASSWORD } });
  expect(created.status()).toBe(201);
  await signInPage(page, email, PASSWORD);
  return email;
}

test("completing days 1–3 on three consecutive dates shows a streak of 3", async ({ page, context }) => {
  await newSignedInLearner(page);
  for (const day of [1, 2, 3]) {
    await setClock(context, futureDay(9 + day));
    await page.goto(`/day/${day}`);
    await page.getByRole("button", { name: "Mark lesson complete" }).click();
    await expect(page.getByRole("button", { name: "✓ Completed" })).toBeDisabled();
  }
  await page.goto("/dashboard");
  await expect(page.getByTestId("streak")).toHaveText("3");
  await expect(page.getByTestId("days-completed")).toContainText("3");
  await expect(page.getByTestId("journey-calendar").getByRole("link", { name: /^Day 1, completed/ })).toBeVisible();

  // Two days without activity and the streak is gone.
  await setClock(context, futureDay(15));
  await page.reload();
  await expect(page.getByTestId("streak")).toHaveText("0");
});

test("missed questions come back in /review and a rating schedules the card as FSRS says", async ({ page, context }) => {
  const email = await newSignedInLearner(page);
  const now = futureDay(20);
  await setClock(context, now);

  // Submit Day 1's quiz with nothing answered: every question is missed.
  await page.goto("/day/1/quiz");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await page.waitForURL(/\/attempts\//);
  await page.getByRole("button", { name: "Submit answers" }).click();
  await page.getByRole("button", { name: "Submit anyway" }).click();
  await expect(page.getByTestId("attempt-score")).toHaveText("0%");

  const quiz = loadQuiz(1);
  await page.goto("/dashboard");
  await expect(page.getByTestId("due-count")).toHaveText(String(quiz.questions.length));
  await expect(page.getByTestId("header-due").first()).toContainText(String(quiz.questions.length));

  await page.goto("/review");
  await expect(page.getByTestId("review-progress")).toContainText(`${quiz.questions.length} cards due`);
  // Answer the card with "True"/"False" or the first option; the rating is what is being tested.
  const fieldset = page.getByTestId("quiz-question");
  const firstRadio = fieldset.getByRole("radio").first();
  if (await firstRadio.count()) await firstRadio.check();
  else if (await fieldset.getByRole("checkbox").count()) await fieldset.getByRole("checkbox").first().check();
  else if (await fieldset.getByRole("combobox").count()) {
    for (const select of await fieldset.getByRole("combobox").all()) await select.selectOption({ index: 1 });
  } else if (await fieldset.getByRole("textbox").count()) await fieldset.getByRole("textbox").fill("1");
  else await fieldset.getByRole("button", { name: /down$/ }).first().click();
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByTestId("review-question")).toBeVisible();
  await page.getByRole("button", { name: /^Good: next review/ }).click();
  await expect(page.getByTestId("review-progress")).toContainText(`${quiz.questions.length - 1} cards due`);
  // The header's badge follows without a navigation.
  await expect(page.getByTestId("header-due").first()).toContainText(String(quiz.questions.length - 1));

  const exported = await (await page.request.get("/api/account/export")).json();
  expect(exported.profile.email).toBe(email);
  const rated = exported.reviewCards.find((c: { reps: number }) => c.reps === 1);
  const expected = fsrs({ enable_fuzz: false }).next(createEmptyCard(now), now, Rating.Good).card;
  expect(rated.due).toBe(expected.due.toISOString());
  expect(exported.reviewLogs).toHaveLength(1);
  expect(exported.reviewLogs[0].rating).toBe(3);
});

test("a retake inside the cooldown is refused with 429 and Retry-After; later attempts draw new pools", async ({ page, context }) => {
  await newSignedInLearner(page);
  const t = futureDay(25);
  await setClock(context, t);
  const first = await page.request.post("/api/quizzes/day-02/attempts");
  expect(first.status()).toBe(201);
  const a = (await first.json()) as { id: string; questions: { id: string }[] };
  expect(a.questions).toHaveLength(10);
  expect((await page.request.post(`/api/attempts/${a.id}/submit`, { data: { responses: {} } })).status()).toBe(200);

  await setClock(context, new Date(t.getTime() + 4 * 60_000));
  const refused = await page.request.post("/api/quizzes/day-02/attempts");
  expect(refused.status()).toBe(429);
  expect(refused.headers()["retry-after"]).toBe("360");
  expect((await refused.json()).error).toMatch(/cooldown/);
  await page.goto("/day/2/quiz");
  await expect(page.getByTestId("attempt-blocked")).toContainText("Try again in 6 minutes");
  await expect(page.getByRole("button", { name: /attempt|quiz/i })).toBeDisabled();

  await setClock(context, new Date(t.getTime() + 11 * 60_000));
  const second = await page.request.post("/api/quizzes/day-02/attempts");
  expect(second.status()).toBe(201);
  const b = (await second.json()) as { id: string; questions: { id: string }[] };
  expect(b.questions.map((q) => q.id)).not.toEqual(a.questions.map((q) => q.id));
  // The same attempt (same seed) always shows the same pool.
  const reread = (await (await page.request.get(`/api/attempts/${b.id}`)).json()) as { questions: { id: string }[] };
  expect(reread.questions.map((q) => q.id)).toEqual(b.questions.map((q) => q.id));
});

test("settings: export downloads the learner's data; deleting the account signs out and removes it", async ({ page }) => {
  const email = await newSignedInLearner(page);
  await page.goto("/settings");
  // A refused field is marked, with its message under it (not under another field).
  await page.getByLabel("Name").fill("   ");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveAccessibleDescription("Enter your name.");
  await expect(page.getByLabel("Time zone")).not.toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Name").fill("Settings Learner");
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByLabel("Name")).not.toHaveAttribute("aria-invalid", "true");
  // UTC, every account's default, stays in the list after moving away from it.
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await expect(page.getByLabel("Time zone").locator('option[value="UTC"]')).toHaveCount(1);
  // The new name is what the site calls the learner from now on, in the page and in the session.
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Settings Learner");
  expect(((await (await page.request.get("/api/auth/session")).json()) as { user: { name: string } }).user.name).toBe("Settings Learner");
  await page.goto("/settings");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export my data" }).click();
  const file = await (await download).path();
  const { readFileSync } = await import("node:fs");
  const data = JSON.parse(readFileSync(file, "utf8"));
  expect(data.profile.email).toBe(email);
  expect(data.profile.timeZone).toBe("Europe/Berlin");

  await page.getByLabel("Your email").fill("someone-else@example.test");
  await page.getByRole("button", { name: "Delete my account and data" }).click();
  await expect(page.getByText("Type your account's email address to confirm.")).toBeVisible();
  await page.getByLabel("Your email").fill(email);
  await page.getByRole("button", { name: "Delete my account and data" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto(`/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toBeVisible();
});
