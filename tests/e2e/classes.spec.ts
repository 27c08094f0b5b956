import fc from "fast-check";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { classWithMember, PASSWORD, promoteToInstructor, signInPage, signInRequest, signedInRequest, uniqueEmail } from "./helpers";

const FAKE_ID = "clxxxxxxxxxxxxxxxxxxxxxxx";

async function newInstructor(name = "Instructor"): Promise<{ api: APIRequestContext; email: string }> {
  const api = await playwrightRequest.newContext({ baseURL });
  const email = await signedInRequest(api, name);
  promoteToInstructor(email);
  return { api, email };
}

async function newClass(api: APIRequestContext, name: string): Promise<{ id: string; joinCode: string }> {
  const created = await api.post("/api/classes", { data: { name } });
  expect(created.status()).toBe(201);
  return (await created.json()) as { id: string; joinCode: string };
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

test("an instructor runs a class: a learner joins, does the assigned quiz, and the gradebook and CSV show it", async ({ browser }) => {
  const teacherEmail = uniqueEmail("teacher");
  const setup = await playwrightRequest.newContext({ baseURL });
  expect((await setup.post("/api/account", { data: { name: "Grace Teacher", email: teacherEmail, password: PASSWORD } })).status()).toBe(201);
  promoteToInstructor(teacherEmail);

  const teacher = await (await browser.newContext()).newPage();
  await signInPage(teacher, teacherEmail, PASSWORD, "/teach");
  await expect(teacher.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Teach" })).toBeVisible();
  await expect(teacher.getByTestId("no-classes")).toBeVisible();
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.locator("#class-name-error")).toHaveText("Name the class.");
  await teacher.getByLabel("New class").fill("Cloud 101 — e2e");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await teacher.waitForURL(/\/teach\/[a-z0-9]+$/);
  const joinCode = ((await teacher.getByTestId("join-code").textContent()) ?? "").trim();
  expect(joinCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

  // A due date in the past is refused under its field; a good one is listed with its instructions.
  await teacher.getByLabel("Day", { exact: true }).selectOption("2");
  await teacher.getByLabel("Due", { exact: true }).fill("2020-01-01T10:00");
  await teacher.getByRole("button", { name: "Assign" }).click();
  await expect(teacher.locator("#assign-due-error")).toHaveText("Pick a due date in the future.");
  await teacher.getByLabel("Due", { exact: true }).fill(inDays(3).slice(0, 16));
  await teacher.getByLabel("Instructions (optional)").fill("Run the widget at 80 % load first.");
  await teacher.getByRole("button", { name: "Assign" }).click();
  await expect(teacher.getByTestId("assignment")).toHaveCount(1);
  await expect(teacher.getByTestId("assignment")).toContainText("Day 2:");
  await expect(teacher.getByTestId("assignment")).toContainText("Run the widget at 80 % load first.");
  // Day 2 is no longer offered for a second assignment.
  await expect(teacher.getByLabel("Day", { exact: true }).locator('option[value="2"]')).toHaveCount(0);

  // The learner joins with the code typed loosely, and sees the assignment on the classes page and the dashboard.
  const learner = await (await browser.newContext()).newPage();
  const learnerEmail = uniqueEmail("pupil");
  await learner.goto("/signup");
  await learner.getByLabel("Name").fill("Ada Pupil");
  await learner.getByLabel("Email").fill(learnerEmail);
  await learner.getByLabel("Password").fill(PASSWORD);
  await learner.getByRole("button", { name: "Create account" }).click();
  await learner.waitForURL(/\/day\/1/);
  await learner.goto("/classes");
  await learner.getByLabel("Class code").fill("ZZZZ-ZZZZ");
  await learner.getByRole("button", { name: "Join class" }).click();
  await expect(learner.locator("#join-code-error")).toHaveText(/No class has that code/);
  await learner.getByLabel("Class code").fill(` ${joinCode.toLowerCase().replace("-", " ")} `);
  await learner.getByRole("button", { name: "Join class" }).click();
  await expect(learner.getByTestId("joined")).toHaveText("You joined Cloud 101 — e2e.");
  await expect(learner.getByTestId("announcer")).toHaveText("You joined Cloud 101 — e2e.");
  const mine = learner.getByTestId("my-assignment");
  await expect(mine).toContainText("Day 2:");
  await expect(mine.locator("[data-status]")).toHaveAttribute("data-status", "open");
  await learner.goto("/dashboard");
  await expect(learner.getByTestId("dashboard-assignments")).toContainText("Cloud 101 — e2e");

  // Doing the day's quiz is doing the assignment.
  await learner.getByTestId("dashboard-assignments").getByRole("link", { name: /Day 2:/ }).click();
  await learner.waitForURL(/\/day\/2\/quiz$/);
  await learner.getByRole("button", { name: /start/i }).first().click();
  await learner.getByRole("button", { name: "Submit answers" }).click();
  await learner.getByRole("button", { name: "Submit anyway" }).click();
  await learner.waitForURL(/\/attempts\//);
  await learner.goto("/classes");
  await expect(learner.getByTestId("my-assignment").locator("[data-status]")).toHaveText("Done · 0 %");
  await learner.goto("/dashboard");
  await expect(learner.getByTestId("dashboard-assignments")).toHaveCount(0);

  await teacher.reload();
  const row = teacher.getByTestId("gradebook-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Ada Pupil");
  await expect(row.locator("[data-status]")).toHaveText("Done · 0 %");
  await expect(teacher.getByTestId("assignment-stats")).toHaveText("1 of 1 on time · 0 late · 0 missing · mean grade 0 %");

  // The grade opens the learner's answers, worded for the instructor.
  await row.getByRole("link", { name: "Answers of Ada Pupil, Day 2" }).click();
  await teacher.waitForURL(/\/teach\/[a-z0-9]+\/members\/[a-z0-9]+\/assignments\/[a-z0-9]+$/);
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText("Ada Pupil: Day 2");
  await expect(teacher.getByTestId("member-standing")).toContainText("Grade 0 %");
  await expect(teacher.getByTestId("member-attempt")).toHaveCount(1);
  await expect(teacher.getByTestId("member-attempt")).toContainText("Counts for the grade");
  await expect(teacher.getByRole("heading", { name: "Answers in attempt 1" })).toBeVisible();
  const reviewed = teacher.getByTestId("review-question");
  expect(await reviewed.count()).toBeGreaterThan(0);
  await expect(reviewed.first()).toHaveAttribute("data-status", "incorrect");
  await expect(teacher.getByText(/^Your (answer|choice|order|match)$/)).toHaveCount(0);
  const workUrl = teacher.url();
  expect((await teacher.goto(`${workUrl}?attempt=${FAKE_ID}`))?.status()).toBe(404);
  await teacher.goto(workUrl);
  await teacher.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Cloud 101 — e2e" }).click();
  await teacher.waitForURL(/\/teach\/[a-z0-9]+$/);
  const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toBe("cloud-101-e2e-gradebook.csv");
  const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  expect(csv.startsWith("\uFEFFName,Email,Joined,Lessons completed,")).toBe(true);
  expect(csv.split("\r\n")[1]).toMatch(new RegExp(`^Ada Pupil,${learnerEmail.replace(/[.]/g, "\\.")},\\d{4}-\\d{2}-\\d{2},0,0,Done,0,$`));

  // Removing the learner takes a confirmation; then the class is empty and the learner's page says so.
  await row.getByRole("button", { name: "Remove" }).click();
  await teacher.getByRole("group", { name: /^Remove Ada Pupil\?/ }).getByRole("button", { name: "Remove" }).click();
  await expect(teacher.getByTestId("no-members")).toBeVisible();
  await learner.goto("/classes");
  await expect(learner.getByTestId("no-enrollments")).toBeVisible();
});

test("the answers page shows one member's submitted attempts only", async ({ browser, playwright }) => {
  const api = await playwright.request.newContext({ baseURL });
  const first = await playwright.request.newContext({ baseURL });
  const { classId, workPath } = await classWithMember(api, first);
  const firstAttempt = ((await (await api.get(`/api${workPath.replace("/teach", "/classes")}`)).json()) as { attempts: { id: string }[] }).attempts[0]?.id;
  expect(firstAttempt).toBeTruthy();
  // A second member has an attempt open, not submitted.
  const second = await playwright.request.newContext({ baseURL });
  await signedInRequest(second, "Second Member");
  const overview = (await (await api.get(`/api/classes/${classId}`)).json()) as { joinCode: string };
  expect((await second.post("/api/classes/join", { data: { code: overview.joinCode } })).status()).toBe(201);
  const open = ((await (await second.post("/api/quizzes/day-02/attempts")).json()) as { id: string }).id;
  const roster = (await (await api.get(`/api/classes/${classId}`)).json()) as { members: { userId: string; name: string }[] };
  const secondId = roster.members.find((m) => m.name === "Second Member")?.userId ?? "";
  const secondPath = workPath.replace(/members\/[a-z0-9]+/, `members/${secondId}`);

  const secondWork = await api.get(`/api${secondPath.replace("/teach", "/classes")}`);
  expect(await secondWork.json()).toMatchObject({ standing: { status: "open", attempts: 0 }, attempts: [] });
  const page = await (await browser.newContext({ baseURL, storageState: await api.storageState() })).newPage();
  expect((await page.goto(secondPath))?.status()).toBe(200);
  await expect(page.getByTestId("member-standing")).toContainText("No attempt yet.");
  await expect(page.getByTestId("review-question")).toHaveCount(0);
  // Neither the open attempt nor another member's submitted one can be opened through the wrong page.
  expect((await page.goto(`${secondPath}?attempt=${open}`))?.status()).toBe(404);
  expect((await page.goto(`${secondPath}?attempt=${firstAttempt}`))?.status()).toBe(404);
  expect((await page.goto(`${workPath}?attempt=${open}`))?.status()).toBe(404);
  expect((await page.goto(`${workPath}?attempt=${firstAttempt}`))?.status()).toBe(200);
  await expect(page).toHaveTitle(/^Page Member: Day 2/);
});

test("an instructor gives a member more time on the answers page; the gradebook and the learner see it", async ({ browser, playwright }) => {
  const api = await playwright.request.newContext({ baseURL });
  const member = await playwright.request.newContext({ baseURL });
  const { classId, workPath } = await classWithMember(api, member);
  const page = await (await browser.newContext({ baseURL, storageState: await api.storageState() })).newPage();
  await page.goto(workPath);
  await expect(page.getByTestId("member-due")).toContainText("Page Member has no extension.");
  const field = page.getByLabel("Extend to");
  const suggested = await field.inputValue();
  await field.fill(inDays(1).slice(0, 16));
  await page.getByRole("button", { name: "Give extension" }).click();
  await expect(page.locator("#extension-due-error")).toHaveText("An extension must be later than the class's due date.");
  await field.fill(suggested);
  await page.getByRole("button", { name: "Give extension" }).click();
  await expect(page.getByTestId("announcer")).toHaveText("Page Member has an extension.");
  await expect(page.getByTestId("member-due")).toContainText("Page Member has until");
  await expect(page.getByRole("button", { name: "Change extension" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 }).locator("xpath=following-sibling::p[1]")).toContainText("(extended)");

  await page.goto(`/teach/${classId}`);
  await expect(page.getByTestId("gradebook-extension")).toHaveText(/^Extended to /);
  const learner = await (await browser.newContext({ baseURL, storageState: await member.storageState() })).newPage();
  await learner.goto("/classes");
  await expect(learner.getByTestId("my-assignment")).toContainText("(extended for you)");

  await page.goto(workPath);
  await page.getByRole("button", { name: "Remove extension" }).click();
  await expect(page.getByTestId("member-due")).toContainText("Page Member has no extension.");
  await expect(page.getByRole("heading", { name: "Due date" })).toBeFocused();
  // Bad bodies are 400s with a message.
  const url = `/api${workPath.replace("/teach", "/classes")}/extension`;
  for (const data of [{ dueAt: "next week" }, {}, { dueAt: inDays(500) }]) {
    const response = await api.put(url, { data });
    expect(response.status(), JSON.stringify(data)).toBe(400);
    expect(typeof (await response.json()).error).toBe("string");
  }
  await learner.reload();
  await expect(learner.getByTestId("my-assignment")).not.toContainText("extended");
});

test("ten wrong class codes, then the join form says to wait, and the API answers 429 with Retry-After", async ({ page, request }) => {
  const email = await signedInRequest(request, "Code Guesser");
  for (let i = 0; i < 10; i++) {
    const response = await request.post("/api/classes/join", { data: { code: `ZZZZ-ZZZ${"ABCDEFGHJK"[i]}` } });
    expect(response.status()).toBe(404);
  }
  const refused = await request.post("/api/classes/join", { data: { code: "ZZZZ-ZZZM" } });
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(14 * 60);
  expect((await refused.json()).error).toMatch(/^Too many wrong class codes\. Try again in 1[45] minutes\.$/);
  await signInPage(page, email, PASSWORD, "/classes");
  await page.getByLabel("Class code").fill("ZZZZ-ZZZN");
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.locator("#join-code-error")).toHaveText(/^Too many wrong class codes\./);
});

test.describe("classes: access control", () => {
  test("signed-out visitors are sent to sign-in from the class pages and get 401 from the class API", async ({ page, request }) => {
    for (const p of ["/teach", `/teach/${FAKE_ID}`, `/teach/${FAKE_ID}/members/${FAKE_ID}/assignments/${FAKE_ID}`, "/classes"]) {
      await page.goto(p);
      await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(p)}`));
    }
    const calls = [
      request.get("/api/classes"),
      request.post("/api/classes", { data: { name: "x" } }),
      request.post("/api/classes/join", { data: { code: "ABCD-EFGH" } }),
      request.get(`/api/classes/${FAKE_ID}`),
      request.patch(`/api/classes/${FAKE_ID}`, { data: { name: "x" } }),
      request.delete(`/api/classes/${FAKE_ID}`),
      request.post(`/api/classes/${FAKE_ID}/join-code`),
      request.post(`/api/classes/${FAKE_ID}/assignments`, { data: { day: 2, dueAt: inDays(1) } }),
      request.patch(`/api/classes/${FAKE_ID}/assignments/${FAKE_ID}`, { data: { dueAt: inDays(1) } }),
      request.delete(`/api/classes/${FAKE_ID}/assignments/${FAKE_ID}`),
      request.delete(`/api/classes/${FAKE_ID}/members/${FAKE_ID}`),
      request.get(`/api/classes/${FAKE_ID}/gradebook`),
      request.get(`/api/classes/${FAKE_ID}/members/${FAKE_ID}/assignments/${FAKE_ID}`),
      request.put(`/api/classes/${FAKE_ID}/members/${FAKE_ID}/assignments/${FAKE_ID}/extension`, { data: { dueAt: inDays(5) } }),
      request.delete(`/api/classes/${FAKE_ID}/members/${FAKE_ID}/assignments/${FAKE_ID}/extension`),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.status(), response.url()).toBe(401);
      expect((await response.json()).error).toMatch(/sign in/i);
    }
  });

  test("a learner gets the 403 page and 403 from every instructor endpoint, even for a real class", async ({ page, request }) => {
    const { api: teacher } = await newInstructor("Owner");
    const cls = await newClass(teacher, "Not yours");
    const assignment = (await (await teacher.post(`/api/classes/${cls.id}/assignments`, { data: { day: 2, dueAt: inDays(1) } })).json()) as { id: string };
    const email = await signedInRequest(request, "Curious Learner");
    for (const p of ["/teach", `/teach/${cls.id}`, `/teach/${cls.id}/members/${FAKE_ID}/assignments/${assignment.id}`]) {
      // The page context has its own cookies: sign it in too.
      if (p === "/teach") await signInPage(page, email, PASSWORD, "/dashboard");
      const response = await page.goto(p);
      expect(response?.status(), p).toBe(403);
      await expect(page.getByTestId("forbidden")).toBeVisible();
    }
    await expect(page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Teach" })).toHaveCount(0);
    const calls = [
      request.post("/api/classes", { data: { name: "Mine" } }),
      request.get(`/api/classes/${cls.id}`),
      request.patch(`/api/classes/${cls.id}`, { data: { name: "Taken" } }),
      request.delete(`/api/classes/${cls.id}`),
      request.post(`/api/classes/${cls.id}/join-code`),
      request.post(`/api/classes/${cls.id}/assignments`, { data: { day: 3, dueAt: inDays(1) } }),
      request.patch(`/api/classes/${cls.id}/assignments/${assignment.id}`, { data: { dueAt: inDays(2) } }),
      request.delete(`/api/classes/${cls.id}/assignments/${assignment.id}`),
      request.get(`/api/classes/${cls.id}/gradebook`),
      request.get(`/api/classes/${cls.id}/members/${FAKE_ID}/assignments/${assignment.id}`),
      request.put(`/api/classes/${cls.id}/members/${FAKE_ID}/assignments/${assignment.id}/extension`, { data: { dueAt: inDays(5) } }),
      request.delete(`/api/classes/${cls.id}/members/${FAKE_ID}/assignments/${assignment.id}/extension`),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.status(), response.url()).toBe(403);
      expect((await response.json()).error).toBe("Only instructors can do this.");
    }
    // A member may leave, but may not remove another member.
    const other = await playwrightRequest.newContext({ baseURL });
    await signedInRequest(other, "Other Member");
    expect((await other.post("/api/classes/join", { data: { code: cls.joinCode } })).status()).toBe(201);
    expect((await request.post("/api/classes/join", { data: { code: cls.joinCode } })).status()).toBe(201);
    const roster = (await (await teacher.get(`/api/classes/${cls.id}`)).json()) as { members: { userId: string; name: string }[] };
    const otherId = roster.members.find((m) => m.name === "Other Member")?.userId ?? "";
    const removal = await request.delete(`/api/classes/${cls.id}/members/${otherId}`);
    expect(removal.status()).toBe(403);
    expect((await (await teacher.get(`/api/classes/${cls.id}`)).json()).members).toHaveLength(2);
  });

  test("another instructor's class is a 404, on the page and in the API", async ({ page }) => {
    const { api: owner } = await newInstructor("Owner Two");
    const cls = await newClass(owner, "Private class");
    const assignment = (await (await owner.post(`/api/classes/${cls.id}/assignments`, { data: { day: 2, dueAt: inDays(1) } })).json()) as { id: string };
    const member = await playwrightRequest.newContext({ baseURL });
    await signedInRequest(member, "Owned Member");
    expect((await member.post("/api/classes/join", { data: { code: cls.joinCode } })).status()).toBe(201);
    const memberId = ((await (await owner.get(`/api/classes/${cls.id}`)).json()) as { members: { userId: string }[] }).members[0]?.userId;
    const { api: rival, email: rivalEmail } = await newInstructor("Rival");
    await signInPage(page, rivalEmail, PASSWORD, "/teach");
    expect((await page.goto(`/teach/${cls.id}`))?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
    expect((await page.goto("/teach/not-an-id"))?.status()).toBe(404);
    const work = `/teach/${cls.id}/members/${memberId}/assignments/${assignment.id}`;
    expect((await page.goto(work))?.status()).toBe(404);
    // The rival's own class does not open the owner's assignments either.
    const rivalClass = await newClass(rival, "Rival class");
    for (const response of await Promise.all([
      rival.get(`/api/classes/${cls.id}`),
      rival.patch(`/api/classes/${cls.id}`, { data: { name: "Mine now" } }),
      rival.delete(`/api/classes/${cls.id}`),
      rival.post(`/api/classes/${cls.id}/join-code`),
      rival.post(`/api/classes/${cls.id}/assignments`, { data: { day: 3, dueAt: inDays(1) } }),
      rival.patch(`/api/classes/${cls.id}/assignments/${assignment.id}`, { data: { dueAt: inDays(2) } }),
      rival.delete(`/api/classes/${cls.id}/assignments/${assignment.id}`),
      rival.patch(`/api/classes/${rivalClass.id}/assignments/${assignment.id}`, { data: { dueAt: inDays(2) } }),
      rival.delete(`/api/classes/${rivalClass.id}/assignments/${assignment.id}`),
      rival.delete(`/api/classes/${cls.id}/members/${memberId}`),
      rival.get(`/api/classes/${cls.id}/gradebook`),
      rival.get(`/api/classes/${cls.id}/members/${memberId}/assignments/${assignment.id}`),
      rival.get(`/api/classes/${rivalClass.id}/members/${memberId}/assignments/${assignment.id}`),
      rival.put(`/api/classes/${cls.id}/members/${memberId}/assignments/${assignment.id}/extension`, { data: { dueAt: inDays(5) } }),
      rival.delete(`/api/classes/${cls.id}/members/${memberId}/assignments/${assignment.id}/extension`),
    ])) {
      expect(response.status(), response.url()).toBe(404);
    }
    // The owner sees it; a user who is not a member is not found, and the message says which id was wrong.
    expect((await owner.get(`/api/classes/${cls.id}/members/${memberId}/assignments/${assignment.id}`)).status()).toBe(200);
    const strangers = await owner.get(`/api/classes/${cls.id}/members/${FAKE_ID}/assignments/${assignment.id}`);
    expect(strangers.status()).toBe(404);
    expect((await strangers.json()).error).toBe("No member with that id in this class.");
    const intact = (await (await owner.get(`/api/classes/${cls.id}`)).json()) as { name: string; joinCode: string; assignments: { dueAt: string }[]; members: unknown[] };
    expect(intact).toMatchObject({ name: "Private class", joinCode: cls.joinCode, members: [expect.anything()] });
    expect(intact.assignments).toHaveLength(1);
  });

  test("bad input is a 4xx with a message and changes nothing", async () => {
    const { api } = await newInstructor("Validator");
    const cls = await newClass(api, "Validation");
    const cases: [Promise<import("@playwright/test").APIResponse>, number, RegExp][] = [
      [api.post("/api/classes", { data: { name: "   " } }), 400, /expected shape/],
      [api.post("/api/classes", { data: { name: "x".repeat(81) } }), 400, /expected shape/],
      [api.post("/api/classes/join", { data: { code: "0OIL-1234" } }), 400, /expected shape/],
      [api.post("/api/classes/join", { data: { code: cls.joinCode } }), 409, /You teach this class/],
      [api.post(`/api/classes/${cls.id}/assignments`, { data: { day: 31, dueAt: inDays(1) } }), 400, /expected shape/],
      [api.post(`/api/classes/${cls.id}/assignments`, { data: { day: 2, dueAt: "next friday" } }), 400, /expected shape/],
      [api.post(`/api/classes/${cls.id}/assignments`, { data: { day: 2, dueAt: inDays(-1) } }), 400, /in the future/],
      [api.post(`/api/classes/${cls.id}/assignments`, { data: { day: 2, dueAt: inDays(400) } }), 400, /within 366 days/],
      [api.patch(`/api/classes/${cls.id}/assignments/${FAKE_ID}`, { data: {} }), 400, /expected shape/],
      [api.patch(`/api/classes/${cls.id}/assignments/${FAKE_ID}`, { data: { dueAt: inDays(2) } }), 404, /No assignment/],
      [api.delete(`/api/classes/${cls.id}/members/${FAKE_ID}`), 404, /not a member/],
      [api.get("/api/classes/NOT-AN-ID"), 404, /no class/i],
      [api.get(`/api/classes/${cls.id}/members/NOT-AN-ID/assignments/${FAKE_ID}`), 404, /no member/i],
      [api.get(`/api/classes/${cls.id}/members/${FAKE_ID}/assignments/${FAKE_ID}`), 404, /No assignment with that id/],
    ];
    for (const [call, status, message] of cases) {
      const response = await call;
      expect(response.status(), response.url()).toBe(status);
      expect((await response.json()).error, response.url()).toMatch(message);
    }
    const first = await api.post(`/api/classes/${cls.id}/assignments`, { data: { day: 2, dueAt: inDays(1) } });
    expect(first.status()).toBe(201);
    const again = await api.post(`/api/classes/${cls.id}/assignments`, { data: { day: 2, dueAt: inDays(2) } });
    expect(again.status()).toBe(409);
    const overview = (await (await api.get(`/api/classes/${cls.id}`)).json()) as { assignments: unknown[]; members: unknown[] };
    expect(overview.assignments).toHaveLength(1);
    expect(overview.members).toHaveLength(0);
  });
});

test("a new database seeds a demo class: the demo instructor teaches it, the demo learner is in it, Day 2 is assigned", async ({ page, request }) => {
  await signInRequest(request, "learner@nimbus.test", "nimbus-learner");
  const mine = (await (await request.get("/api/classes")).json()) as { enrolled: { name: string; assignments: { day: number }[] }[] };
  expect(mine.enrolled.map((c) => [c.name, c.assignments.map((a) => a.day)])).toEqual([["Demo class", [2]]]);
  await signInPage(page, "instructor@nimbus.test", "nimbus-instructor", "/teach");
  await page.getByRole("link", { name: "Demo class" }).click();
  await expect(page.getByTestId("gradebook-row")).toContainText("Demo Learner");
});

test("300 malformed requests to the class endpoints, as an instructor: zero 5xx, every refusal a JSON message", async () => {
  test.setTimeout(120_000);
  const { api } = await newInstructor("Class Fuzzer");
  const cls = await newClass(api, "Fuzzed");
  const assignment = (await (await api.post(`/api/classes/${cls.id}/assignments`, { data: { day: 3, dueAt: inDays(2) } })).json()) as { id: string };
  const seed = 20261122;
  const bodies = fc.sample(
    fc.oneof(
      fc.string({ maxLength: 100 }),
      fc.json({ maxDepth: 3 }),
      fc
        .record(
          {
            name: fc.oneof(fc.string({ maxLength: 100 }), fc.integer(), fc.constant(null)),
            code: fc.oneof(fc.string({ maxLength: 20 }), fc.constant(cls.joinCode), fc.integer()),
            day: fc.oneof(fc.integer({ min: -5, max: 40 }), fc.string({ maxLength: 4 }), fc.double()),
            dueAt: fc.oneof(fc.string({ maxLength: 30 }), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.integer()),
            instructions: fc.oneof(fc.string({ maxLength: 600 }), fc.constant(null)),
          },
          { requiredKeys: [] },
        )
        .map((v) => JSON.stringify(v)),
      fc.constantFrom("", "{", "null", '{"__proto__":{"x":1}}', "\u0000"),
    ),
    { seed, numRuns: 300 },
  );
  const targets: { method: "GET" | "POST" | "PATCH" | "DELETE"; url: string }[] = [
    { method: "POST", url: "/api/classes" },
    { method: "POST", url: "/api/classes/join" },
    { method: "PATCH", url: `/api/classes/${cls.id}` },
    { method: "POST", url: `/api/classes/${cls.id}/assignments` },
    { method: "PATCH", url: `/api/classes/${cls.id}/assignments/${assignment.id}` },
  ];
  const failures: string[] = [];
  for (let start = 0; start < bodies.length; start += 20) {
    await Promise.all(
      bodies.slice(start, start + 20).map(async (body, k) => {
        const { method, url } = targets[(start + k) % targets.length] as (typeof targets)[number];
        const response = await api.fetch(url, { method, headers: { "content-type": "application/json" }, data: body, failOnStatusCode: false });
        if (response.status() >= 500) failures.push(`${method} ${url} ${response.status()} body=${body.slice(0, 120)}`);
        else if (response.status() >= 400) expect(typeof (await response.json()).error).toBe("string");
      }),
    );
  }
  expect(failures).toEqual([]);
});

test.describe("class pages on a phone, by keyboard", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("prompts take focus and Escape gives it back; buttons name what they remove; a long name does not widen the page", async ({ browser }) => {
    const api = await playwrightRequest.newContext({ baseURL });
    const member = await playwrightRequest.newContext({ baseURL });
    const longName = "W".repeat(80);
    const { classId, email, memberEmail } = await classWithMember(api, member, longName);
    const page = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
    await signInPage(page, email, PASSWORD, "/teach");
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow(), "/teach").toBeLessThanOrEqual(0);
    await page.goto(`/teach/${classId}`);
    expect(await overflow(), "/teach/[classId]").toBeLessThanOrEqual(0);

    const removeDay = page.getByRole("button", { name: "Remove day 2" });
    await expect(page.getByRole("button", { name: "Remove Page Member" })).toBeVisible();
    await removeDay.focus();
    await page.keyboard.press("Enter");
    const prompt = page.getByRole("group", { name: /Remove day 2 from this class/ });
    await expect(prompt.getByRole("button", { name: "Remove" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(removeDay).toBeFocused();

    const edit = page.getByRole("button", { name: "Edit day 2" });
    await edit.click();
    await expect(page.getByRole("form", { name: "Edit day 2" }).getByLabel("Due")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(edit).toBeFocused();

    // The learner has the class open (its long name wraps) when the instructor removes them.
    const learner = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
    await signInPage(learner, memberEmail, PASSWORD, "/classes");
    await expect(learner.getByTestId("enrolled-class")).toContainText(longName);
    expect(await learner.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), "/classes").toBeLessThanOrEqual(0);

    // Removing the member announces it and moves focus to the gradebook's heading (the row is gone).
    await page.getByRole("button", { name: "Remove Page Member" }).click();
    await page.getByRole("group", { name: /Remove Page Member\?/ }).getByRole("button", { name: "Remove" }).click();
    await expect(page.getByTestId("announcer")).toHaveText("Page Member was removed from the class.");
    await expect(page.getByRole("heading", { name: "Gradebook" })).toBeFocused();
    await expect(page.getByTestId("no-members")).toBeVisible();

    // On the learner's stale page, leaving still ends well: the class goes, with no error.
    await learner.getByRole("button", { name: `Leave ${longName}` }).click();
    await learner.getByRole("button", { name: "Leave", exact: true }).click();
    await expect(learner.getByTestId("no-enrollments")).toBeVisible();
    await expect(learner.locator(".field-error")).toHaveCount(0);
  });
});
