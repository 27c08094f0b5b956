import "server-only";
import type { CompletionSource } from "@/generated/prisma/enums";
import { prisma } from "./client";
import type { Actor } from "./actor";

export interface LessonRef {
  lessonSlug: string;
  day: number;
}

/** Opening a lesson starts it; it never moves a completed lesson back. */
export async function markLessonOpened(actor: Actor, lesson: LessonRef, at = new Date()) {
  return prisma.lessonProgress.upsert({
    where: { userId_lessonSlug: { userId: actor.id, lessonSlug: lesson.lessonSlug } },
    create: { userId: actor.id, lessonSlug: lesson.lessonSlug, day: lesson.day, startedAt: at },
    update: {},
  });
}

/** Adds time to a lesson the actor has opened (no row, no time: the page opens the lesson first). */
export async function addLessonTime(actor: Actor, lessonSlug: string, seconds: number) {
  await prisma.lessonProgress.updateMany({
    where: { userId: actor.id, lessonSlug },
    data: { timeSpentSec: { increment: seconds } },
  });
}

/** Completes a lesson once; a later completion (another passed quiz) keeps the first date and source. */
export async function completeLesson(actor: Actor, lesson: LessonRef, source: CompletionSource, at = new Date()) {
  const key = { userId_lessonSlug: { userId: actor.id, lessonSlug: lesson.lessonSlug } };
  const existing = await prisma.lessonProgress.findUnique({ where: key });
  if (existing?.status === "COMPLETED") return existing;
  return prisma.lessonProgress.upsert({
    where: key,
    create: {
      userId: actor.id,
      lessonSlug: lesson.lessonSlug,
      day: lesson.day,
      status: "COMPLETED",
      completedBy: source,
      startedAt: at,
      completedAt: at,
    },
    update: { status: "COMPLETED", completedBy: source, completedAt: at },
  });
}

export function listProgress(actor: Actor) {
  return prisma.lessonProgress.findMany({ where: { userId: actor.id }, orderBy: { day: "asc" } });
}

export function getLessonProgress(actor: Actor, lessonSlug: string) {
  return prisma.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId: actor.id, lessonSlug } } });
}
