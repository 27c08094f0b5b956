import { expect, request as playwrightRequest, test } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { loadQuiz, secretStrings, signedInRequest } from "./helpers";

test.describe("signed-out visitors", () => {
  for (const path of ["/dashboard", "/day/2/quiz", "/attempts/clxxxxxxxxxxxxxxxxxxxxxxx", "/review", "/settings"]) {
    test(`are redirected from ${path} to sign-in`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path)}`));
      await expect(page.getByRole("heading", { name: "Sign in to Nimbus" })).toBeVisible();
    });
  }

  test("get 401 JSON from every endpoint that needs a session", async ({ request }) => {
    const calls = [
      request.get("/api/progress"),
      request.post("/api/quizzes/day-02/attempts"),
      request.get("/api/attempts/clxxxxxxxxxxxxxxxxxxxxxxx"),
      request.post("/api/attempts/clxxxxxxxxxxxxxxxxxxxxxxx/submit", { data: { responses: {} } }),
      request.post("/api/lessons/2/open"),
      request.post("/api/lessons/2/complete"),
      request.get("/api/review"),
      request.get("/api/review/count"),
      request.post("/api/review/clxxxxxxxxxxxxxxxxxxxxxxx/check", { data: { response: { type: "true-false", value: true } } }),
      request.post("/api/review/clxxxxxxxxxxxxxxxxxxxxxxx/rate", { data: { rating: 3, response: { type: "true-false", value: true } } }),
      request.get("/api/account/export"),
      request.patch("/api/account", { data: { name: "x" } }),
      request.delete("/api/account", { data: { confirmEmail: "a@example.test" } }),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.status()).toBe(401);
      expect((await response.json()).error).toMatch(/sign in/i);
    }
  });

  test("can read the public course API and lesson pages", async ({ request, page }) => {
    const course = await request.get("/api/course");
    expect(course.status()).toBe(200);
    await page.goto("/day/2");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});

test("unknown and non-canonical addresses are 404s, on the site's own page and in the API", async ({ page, request }) => {
  for (const path of ["/nowhere", "/day/99", "/day/01", "/day/1e1/quiz", "/day/0x2/quiz", "/day/01/quiz"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByTestId("not-found"), path).toBeVisible();
  }
  await signedInRequest(request, "Address Tester");
  for (const day of ["1e1", "0x1B", "01", "0", "31", "abc"]) {
    const response = await request.post(`/api/lessons/${day}/complete`);
    expect(response.status(), day).toBe(404);
    expect((await response.json()).error, day).toMatch(/no day/i);
  }
  const progress = (await (await request.get("/api/progress")).json()) as { daysCompleted: number };
  expect(progress.daysCompleted).toBe(0);
});

test("a learner cannot read or submit another learner's attempt", async ({ browser }) => {
  const alice = await playwrightRequest.newContext({ baseURL });
  const bob = await playwrightRequest.newContext({ baseURL });
  await signedInRequest(alice, "Alice");
  const bobEmail = await signedInRequest(bob, "Bob");

  const started = await alice.post("/api/quizzes/day-02/attempts");
  expect(started.status()).toBe(201);
  const { id } = (await started.json()) as { id: string };

  // Alice misses every question, so she has review cards; Bob may not touch them.
  expect((await alice.post(`/api/attempts/${id}/submit`, { data: { responses: {} } })).status()).toBe(200);
  const queue = (await (await alice.get("/api/review")).json()) as { card: { id: string } | null };
  expect(queue.card).not.toBeNull();
  const cardId = queue.card?.id ?? "";
  const response = { type: "true-false", value: true };
  expect((await bob.post(`/api/review/${cardId}/check`, { data: { response } })).status()).toBe(403);
  expect((await bob.post(`/api/review/${cardId}/rate`, { data: { rating: 3, response } })).status()).toBe(403);

  const read = await bob.get(`/api/attempts/${id}`);
  expect(read.status()).toBe(403);
  const submit = await bob.post(`/api/attempts/${id}/submit`, { data: { responses: {} } });
  expect(submit.status()).toBe(403);
  expect((await bob.get("/api/account/export")).ok()).toBe(true);
  expect(await (await bob.get("/api/account/export")).text()).not.toContain(id);
  expect((await alice.get(`/api/attempts/${id}`)).status()).toBe(200);

  // The page refuses too, as for an unknown id: a 404 that neither leaks the attempt nor confirms it exists.
  const context = await browser.newContext({ baseURL, storageState: await bob.storageState() });
  const page = await context.newPage();
  expect((await page.goto(`/attempts/${id}`))?.status()).toBe(404);
  await expect(page.getByTestId("attempt-not-found")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This attempt isn't available to you");
  expect(bobEmail).toContain("@");
  await Promise.all([alice.dispose(), bob.dispose(), context.close()]);
});

test("a deleted account's session stops working everywhere, including on a second device", async ({ browser }) => {
  const first = await playwrightRequest.newContext({ baseURL });
  const email = await signedInRequest(first, "Leaving Learner");
  // A second device: the same session cookie, kept after the account is gone.
  const second = await playwrightRequest.newContext({ baseURL, storageState: await first.storageState() });
  expect((await second.post("/api/lessons/2/open")).status()).toBe(200);

  expect((await first.delete("/api/account", { data: { confirmEmail: email } })).status()).toBe(200);

  const session = (await (await second.get("/api/auth/session")).json()) as { user?: unknown };
  expect(session.user).toBeUndefined();
  const calls = [
    second.get("/api/progress"),
    second.get("/api/account/export"),
    second.post("/api/lessons/2/open"),
    second.post("/api/lessons/2/complete"),
    second.post("/api/quizzes/day-02/attempts"),
    second.patch("/api/account", { data: { name: "Ghost" } }),
  ];
  for (const response of await Promise.all(calls)) {
    expect(response.status()).toBe(401);
    expect((await response.json()).error).toMatch(/sign in/i);
  }
  const context = await browser.newContext({ baseURL, storageState: await second.storageState() });
  const page = await context.newPage();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
  await Promise.all([first.dispose(), second.dispose(), context.close()]);
});

test("answer keys reach neither the quiz page nor the start-attempt JSON", async ({ browser }) => {
  const api = await playwrightRequest.newContext({ baseURL });
  await signedInRequest(api, "Keyless");
  const quiz = loadQuiz(2);
  const secrets = secretStrings(quiz);

  const started = await api.post("/api/quizzes/day-02/attempts");
  const json = await started.text();
  const { id } = JSON.parse(json) as { id: string };
  for (const s of secrets) expect(json).not.toContain(s);
  expect(json).not.toMatch(/"(answer|answers|match|explanation|explanations|tolerance)"\s*:/);

  const context = await browser.newContext({ baseURL, storageState: await api.storageState() });
  const page = await context.newPage();
  for (const path of ["/day/2/quiz", `/attempts/${id}`]) {
    const response = await page.goto(path);
    const html = (await response?.text()) ?? "";
    expect(html.length).toBeGreaterThan(1000);
    for (const s of secrets) expect(html).not.toContain(s);
    expect(html).not.toMatch(/\\?"(answer|answers|match|explanation|explanations|tolerance)\\?"\s*:/);
  }
  await Promise.all([api.dispose(), context.close()]);
});
