import "server-only";
import { CONCEPTS, type ConceptId } from "@/lib/content/concepts";
import { getQuizById } from "@/lib/content/quizzes";
import { getCourse, getCourseDay } from "@/lib/content/syllabus";
import type { Actor } from "@/lib/db/actor";
import { listResponses, listSubmittedAttempts } from "@/lib/db/attempts";
import { completeLesson, listProgress, markLessonOpened } from "@/lib/db/progress";
import { notFound } from "@/lib/errors";

export type DayStatus = "not_started" | "in_progress" | "completed" | "coming_soon";

export interface DayProgress {
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
  /** Points earned / points possible over every graded answer tagged with the concept. */
  earned: number;
  possible: number;
  percent: number;
  answered: number;
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
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export async function getProgressSummary(actor: Actor): Promise<ProgressSummary> {
  const [rows, attempts, responses] = await Promise.all([
    listProgress(actor),
    listSubmittedAttempts(actor),
    listResponses(actor),
  ]);
  const bySlug = new Map(rows.map((r) => [r.lessonSlug, r]));
  const best = new Map<string, { percent: number; count: number }>();
  for (const a of attempts) {
    const percent = a.maxScore > 0 ? round1(((a.score ?? 0) / a.maxScore) * 100) : 0;
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

  const concepts = new Map<ConceptId, { earned: number; possible: number; answered: number }>();
  const conceptsOf = new Map<string, Map<string, ConceptId[]>>();
  const questionConcepts = (quizId: string, questionId: string) => {
    let byQuestion = conceptsOf.get(quizId);
    if (!byQuestion) {
      byQuestion = new Map(getQuizById(quizId)?.quiz.questions.map((q) => [q.id, q.concepts]));
      conceptsOf.set(quizId, byQuestion);
    }
    return byQuestion.get(questionId) ?? [];
  };
  for (const r of responses) {
    for (const concept of questionConcepts(r.attempt.quizId, r.questionId)) {
      const c = concepts.get(concept) ?? { earned: 0, possible: 0, answered: 0 };
      c.earned += r.points;
      c.possible += r.maxPoints;
      c.answered += 1;
      concepts.set(concept, c);
    }
  }
  const available = days.filter((d) => d.status !== "coming_soon");
  return {
    daysCompleted: days.filter((d) => d.status === "completed").length,
    daysAvailable: available.length,
    currentDay: available.find((d) => d.status !== "completed")?.day ?? null,
    days,
    concepts: [...concepts.entries()]
      .map(([concept, c]) => ({
        concept,
        label: CONCEPTS[concept],
        earned: round1(c.earned),
        possible: round1(c.possible),
        percent: c.possible > 0 ? round1((c.earned / c.possible) * 100) : 0,
        answered: c.answered,
      }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    attempts,
  };
}

function requireLesson(day: number) {
  const d = getCourseDay(day);
  if (!d?.path) throw notFound(`Day ${day} has no lesson yet.`);
  return { lessonSlug: d.slug, day: d.day };
}

export async function openLesson(actor: Actor, day: number) {
  const row = await markLessonOpened(actor, requireLesson(day));
  return { day, status: row.status === "COMPLETED" ? "completed" : "in_progress" } as const;
}

export async function markLessonComplete(actor: Actor, day: number) {
  await completeLesson(actor, requireLesson(day), "MANUAL");
  return { day, status: "completed" } as const;
}
