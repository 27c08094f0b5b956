import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { quizSchema, type Quiz } from "@/lib/quiz/schema";
import { quizVersion } from "@/lib/quiz/version";
import { memo } from "./memo";
import { lessonDir, lessonSlug } from "./paths";
import { availableDays, loadLessonFrontmatter } from "./syllabus";

export interface LoadedQuiz {
  quiz: Quiz;
  version: string;
  day: number;
  lessonSlug: string;
}

/**
 * Quiz definitions hold the answer keys, so this module is server-only: pages send `toPublicQuestions` to the
 * client, never the definition. A quiz's id is its lesson's slug (day-NN).
 */
const loadQuizForDay = memo((day: number): LoadedQuiz | null => {
  const file = path.join(lessonDir(day), "quiz.json");
  if (!existsSync(file) || !loadLessonFrontmatter(day)) return null;
  const parsed = quizSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: invalid quiz: ${parsed.error.message}`);
  if (parsed.data.id !== lessonSlug(day)) throw new Error(`${file}: quiz id must be ${lessonSlug(day)}`);
  return { quiz: parsed.data, version: quizVersion(parsed.data), day, lessonSlug: lessonSlug(day) };
});

export function getQuizForDay(day: number): LoadedQuiz | null {
  return loadQuizForDay(day);
}

export function getQuizById(quizId: string): LoadedQuiz | null {
  const m = /^day-(\d{2})$/.exec(quizId);
  if (!m) return null;
  const day = Number(m[1]);
  return availableDays().includes(day) ? loadQuizForDay(day) : null;
}
