import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { memo, once } from "./memo";
import { CONTENT_DIR, lessonDir, lessonPath, lessonSlug, quizPath } from "./paths";
import { lessonFrontmatterSchema, syllabusSchema, type LessonFrontmatter, type SyllabusDay } from "./schema";
import type { ConceptId } from "./concepts";

export interface CourseDay {
  day: number;
  slug: string;
  title: string;
  summary: string;
  concepts: ConceptId[];
  /** The lesson page, or null while the day is "coming soon". */
  path: string | null;
  quizPath: string | null;
  minutes: number | null;
}

const loadSyllabus = once((): SyllabusDay[] => {
  const raw = JSON.parse(readFileSync(path.join(CONTENT_DIR, "syllabus.json"), "utf8"));
  return syllabusSchema.parse(raw);
});

/** A lesson's validated frontmatter without bundling its body, or null if the day has no lesson yet. */
export const loadLessonFrontmatter = memo((day: number): LessonFrontmatter | null => {
  const file = path.join(lessonDir(day), "lesson.mdx");
  if (!existsSync(file)) return null;
  const parsed = lessonFrontmatterSchema.safeParse(matter(readFileSync(file, "utf8")).data);
  if (!parsed.success) throw new Error(`${file}: invalid frontmatter: ${parsed.error.message}`);
  if (parsed.data.day !== day || parsed.data.slug !== lessonSlug(day)) {
    throw new Error(`${file}: frontmatter day/slug must be ${day}/${lessonSlug(day)}`);
  }
  return parsed.data;
});

export function hasQuiz(day: number): boolean {
  return existsSync(path.join(lessonDir(day), "quiz.json"));
}

/** The 30-day plan: every day of the syllabus, with a path only where the lesson exists. */
export const getCourse = once((): CourseDay[] =>
  loadSyllabus().map((entry) => {
    const lesson = loadLessonFrontmatter(entry.day);
    return {
      day: entry.day,
      slug: lessonSlug(entry.day),
      title: lesson?.title ?? entry.title,
      summary: lesson?.summary ?? entry.summary,
      concepts: lesson?.concepts ?? entry.concepts,
      path: lesson ? lessonPath(entry.day) : null,
      quizPath: lesson && hasQuiz(entry.day) ? quizPath(entry.day) : null,
      minutes: lesson?.minutes ?? null,
    };
  }),
);

export function getCourseDay(day: number): CourseDay | undefined {
  return getCourse().find((d) => d.day === day);
}

export function availableDays(): number[] {
  return getCourse()
    .filter((d) => d.path !== null)
    .map((d) => d.day);
}
