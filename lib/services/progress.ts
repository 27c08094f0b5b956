import "server-only";
import { CONCEPTS, type ConceptId } from "@/lib/content/concepts";
import { getQuizById } from "@/lib/content/quizzes";
import { getCourse, getCourseDay } from "@/lib/content/syllabus";
import type { Actor } from "@/lib/db/actor";
import { listResponses, listSubmittedAttempts } from "@/lib/db/attempts";
import { listReviewLogs } from "@/lib/db/review";
import { getJourneySettings } from "@/lib/db/users";
import { localDate } from "@/lib/time/calendar";
import { mastery, type Evidence } from "@/lib/quiz/mastery";
import { addLessonTime, completeLesson, listProgress, markLessonOpened } from "@/lib/db/progress";
import { notFound } from "@/lib/errors";
import { attemptPercent } from "./gradebook";
import { noteActivity } from "./journey";

export type DayStatus = "not_started" | "in_progress" | "completed" | "coming_soon";

export interface DayProgress {
  timeSpentSec: number;
  day: number;
  slug: string;
  title: string;
  path: string | null;
  status: DayStatus;
  completedAt: string | null;
  /** Best submitted score at the day's quiz, as a percentage, or null before any attempt. */
  bestPercent: number | null;
  attempts: number;
}

export interface ConceptProgress {
  concept: ConceptId;
  label: string;
  /** Recency-weighted mastery, 0–100 (lib/quiz/mastery.ts). */
  percent: number;
  /** Quiz answers and reviews tagged with the concept. */
  answered: number;
}

export interface ScorePoint {
  attemptId: string;
  day: number;
  submittedAt: string;
  percent: number;
}

export interface CompletionPoint {
  date: string;
  daysCompleted: number;
}

export interface ProgressSummary {
  daysCompleted: number;
  daysAvailable: number;
  /** The first day with a lesson that the learner has not completed; null when all available days are done. */
  currentDay: number | null;
  days: DayProgress[];
  concepts: ConceptProgress[];
  /** Submitted attempts, newest first. */
  attempts: Awaited<ReturnType<typeof listSubmittedAttempts>>;
  /** Every submitted attempt's score, oldest first. */
  scoreHistory: ScorePoint[];
  /** Days completed so far, at each date a day was completed (dates in the learner's time zone). */
  completionHistory: CompletionPoint[];
  /** The learner's time zone, which the dates above follow. */
  timeZone: string;
  timeSpentSec: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

const dayOfSlug = (slug: string) => Number(slug.slice("day-".length));

export async function getProgressSummary(actor: Actor, now = new Date()): Promise<ProgressSummary> {
  const [rows, attempts, responses, reviews, { timeZone }] = await Promise.all([
    listProgress(actor),
    listSubmittedAttempts(actor),
    listResponses(actor),
    listReviewLogs(actor),
    getJourneySettings(actor),
  ]);
  const bySlug = new Map(rows.map((r) => [r.lessonSlug, r]));
  const best = new Map<string, { percent: number; count: number }>();
  for (const a of attempts) {
    const percent = attemptPercent(a);
    const prev = best.get(a.lessonSlug);
    best.set(a.lessonSlug, { percent: Math.max(prev?.percent ?? 0, percent), count: (prev?.count ?? 0) + 1 });
  }
  const days: DayProgress[] = getCourse().map((d) => {
    const row = bySlug.get(d.slug);
    const status: DayStatus = !d.path
      ? "coming_soon"
      : row?.status === "COMPLETED"
        ? "completed"
        : row
          ? "in_progress"
          : "not_started";
    return {
      timeSpentSec: row?.timeSpentSec ?? 0,
      day: d.day,
      slug: d.slug,
      title: d.title,
      path: d.path,
      status,
      completedAt: row?.completedAt?.toISOString() ?? null,
      bestPercent: best.get(d.slug)?.percent ?? null,
      attempts: best.get(d.slug)?.count ?? 0,
    };
  });

  const evidence = new Map<ConceptId, Evidence[]>();
  const conceptsOf = new Map<string, Map<string, ConceptId[]>>();
  const questionConcepts = (quizId: string, questionId: string) => {
    let byQuestion = conceptsOf.get(quizId);
    if (!byQuestion) {
      byQuestion = new Map(getQuizById(quizId)?.quiz.questions.map((q) => [q.id, q.concepts]));
      conceptsOf.set(quizId, byQuestion);
    }
    return byQuestion.get(questionId) ?? [];
  };
  const addEvidence = (quizId: string, questionId: string, e: Evidence) => {
    for (const concept of questionConcepts(quizId, questionId)) {
      const list = evidence.get(concept) ?? [];
      list.push(e);
      evidence.set(concept, list);
    }
  };
  for (const r of responses) {
    const atMs = r.attempt.submittedAt?.getTime() ?? 0;
    addEvidence(r.attempt.quizId, r.questionId, { score: r.maxPoints > 0 ? r.points / r.maxPoints : 0, atMs });
  }
  for (const r of reviews) addEvidence(r.card.quizId, r.card.questionId, { score: r.correct ? 1 : 0, atMs: r.reviewedAt.getTime() });

  const completions = rows
    .filter((r) => r.status === "COMPLETED" && r.completedAt)
    .map((r) => localDate(r.completedAt as Date, timeZone))
    .sort();
  const completionHistory: CompletionPoint[] = [];
  completions.forEach((date, i) => {
    const last = completionHistory.at(-1);
    if (last?.date === date) last.daysCompleted = i + 1;
    else completionHistory.push({ date, daysCompleted: i + 1 });
  });

  const available = days.filter((d) => d.status !== "coming_soon");
  return {
    daysCompleted: days.filter((d) => d.status === "completed").length,
    daysAvailable: available.length,
    currentDay: available.find((d) => d.status !== "completed")?.day ?? null,
    days,
    concepts: [...evidence.entries()]
      .map(([concept, list]) => ({
        concept,
        label: CONCEPTS[concept],
        percent: round1((mastery(list, now.getTime()) ?? 0) * 100),
        answered: list.length,
      }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    attempts,
    scoreHistory: attempts
      .filter((a) => a.submittedAt)
      .map((a) => ({
        attemptId: a.id,
        day: dayOfSlug(a.lessonSlug),
        submittedAt: (a.submittedAt as Date).toISOString(),
        percent: attemptPercent(a),
      }))
      .reverse(),
    completionHistory,
    timeZone,
    timeSpentSec: rows.reduce((sum, r) => sum + r.timeSpentSec, 0),
  };
}

function requireLesson(day: number) {
  const d = getCourseDay(day);
  if (!d?.path) throw notFound(`Day ${day} has no lesson yet.`);
  return { lessonSlug: d.slug, day: d.day };
}

export async function openLesson(actor: Actor, day: number, now = new Date()) {
  const row = await markLessonOpened(actor, requireLesson(day), now);
  await noteActivity(actor, "LESSON_OPENED", now);
  return { day, status: row.status === "COMPLETED" ? "completed" : "in_progress" } as const;
}

export async function markLessonComplete(actor: Actor, day: number, now = new Date()) {
  await completeLesson(actor, requireLesson(day), "MANUAL", now);
  await noteActivity(actor, "LESSON_COMPLETED", now);
  return { day, status: "completed" } as const;
}

/** Time on a lesson page, reported by its heartbeat; each report is capped so a stuck tab cannot inflate it. */
export const MAX_HEARTBEAT_SEC = 60;

export async function recordLessonTime(actor: Actor, day: number, seconds: number) {
  await addLessonTime(actor, requireLesson(day).lessonSlug, Math.min(MAX_HEARTBEAT_SEC, Math.max(0, Math.round(seconds))));
}
