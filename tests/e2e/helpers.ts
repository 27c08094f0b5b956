import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import Database from "better-sqlite3";
import { layoutQuestions, quizLayoutSchema } from "../../lib/quiz/layout";
import { quizSchema, type Question, type Quiz } from "../../lib/quiz/schema";

let counter = 0;

export function uniqueEmail(prefix = "learner"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.test`;
}

export const PASSWORD = "correct horse battery";

/** The quiz definition with its keys, read from disk: only the test knows the answers, never the browser. */
export function loadQuiz(day: number): Quiz {
  const file = path.join(process.cwd(), "content", "days", `day-${String(day).padStart(2, "0")}`, "quiz.json");
  return quizSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

/**
 * The questions of an attempt exactly as the learner sees them (simulator questions instantiated with the seeds in
 * the stored layout), read from the e2e server's database: the test knows the keys, the browser never does.
 */
export function attemptQuestions(attemptId: string, quiz: Quiz): Question[] {
  const db = new Database(path.join(process.cwd(), "data", "e2e.db"), { readonly: true });
  try {
    const row = db.prepare('SELECT layout FROM "QuizAttempt" WHERE id = ?').get(attemptId) as { layout: string } | undefined;
    if (!row) throw new Error(`attempt ${attemptId} not found`);
    return layoutQuestions(quiz, quizLayoutSchema.parse(JSON.parse(row.layout))).map((l) => l.question);
  } finally {
    db.close();
  }
}

/** Creates an account through the JSON API and signs the request context in (session cookie). */
export async function signedInRequest(request: APIRequestContext, name = "API Learner") {
  const email = uniqueEmail("api");
  const created = await request.post("/api/account", { data: { name, email, password: PASSWORD } });
  expect(created.status()).toBe(201);
  await signInRequest(request, email, PASSWORD);
  return email;
}

export async function signInRequest(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(response.status());
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(email);
}

/** Signs a browser page in through the real form. */
export async function signInPage(page: Page, email: string, password: string, callbackUrl = "/dashboard") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === callbackUrl);
}

/** Every explanation and key-bearing string in a quiz: none may appear in anything sent before submission. */
export function secretStrings(quiz: Quiz): string[] {
  const out: string[] = [];
  for (const q of quiz.questions) {
    out.push(q.explanation);
    if (q.type === "single" || q.type === "multiple") out.push(...q.options.map((o) => o.explanation));
    if (q.type === "true-false") out.push(q.explanations.true, q.explanations.false);
  }
  return out;
}

/** Makes an account an instructor in the e2e server's database (sign-up only ever creates learners). */
export function promoteToInstructor(email: string) {
  const db = new Database(path.join(process.cwd(), "data", "e2e.db"));
  try {
    db.prepare(`UPDATE "User" SET role = 'INSTRUCTOR' WHERE email = ?`).run(email);
  } finally {
    db.close();
  }
}

/**
 * A class with one member and one assignment, owned by a fresh instructor signed in on `api`: the instructor pages
 * with every section filled in. Returns the class id and the instructor's email.
 */
export async function classWithMember(
  api: APIRequestContext,
  member: APIRequestContext,
  name = "Page check class",
): Promise<{ classId: string; email: string; memberEmail: string; workPath: string }> {
  const email = await signedInRequest(api, "Page Instructor");
  promoteToInstructor(email);
  const created = await api.post("/api/classes", { data: { name } });
  expect(created.status()).toBe(201);
  const { id, joinCode } = (await created.json()) as { id: string; joinCode: string };
  const dueAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const assigned = await api.post(`/api/classes/${id}/assignments`, { data: { day: 2, dueAt, instructions: "Read first." } });
  expect(assigned.status()).toBe(201);
  const assignmentId = ((await assigned.json()) as { id: string }).id;
  const memberEmail = await signedInRequest(member, "Page Member");
  expect((await member.post("/api/classes/join", { data: { code: joinCode } })).status()).toBe(201);
  // The member hands in the assignment (blank), so the gradebook links to their work.
  const started = await member.post("/api/quizzes/day-02/attempts");
  expect(started.status()).toBe(201);
  const attemptId = ((await started.json()) as { id: string }).id;
  expect((await member.post(`/api/attempts/${attemptId}/submit`, { data: { responses: {} } })).status()).toBe(200);
  const roster = (await (await api.get(`/api/classes/${id}`)).json()) as { members: { userId: string }[] };
  const memberId = roster.members[0]?.userId ?? "";
  return { classId: id, email, memberEmail, workPath: `/teach/${id}/members/${memberId}/assignments/${assignmentId}` };
}
