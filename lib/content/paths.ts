import path from "node:path";

export const CONTENT_DIR = path.join(process.cwd(), "content");

export function lessonSlug(day: number): string {
  return `day-${String(day).padStart(2, "0")}`;
}

export function lessonDir(day: number): string {
  return path.join(CONTENT_DIR, "days", lessonSlug(day));
}

/** The public URL of a day's lesson; its quiz lives under it. */
export function lessonPath(day: number): string {
  return `/day/${day}`;
}

export function quizPath(day: number): string {
  return `${lessonPath(day)}/quiz`;
}
