import "server-only";
import type { ActivityKind } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/db/actor";
import { listActiveDates, recordActivity } from "@/lib/db/activity";
import { getJourneySettings } from "@/lib/db/users";
import { addDays, currentStreak, daysBetween, localDate, longestStreak } from "@/lib/time/calendar";
import type { DayStatus, ProgressSummary } from "./progress";

export async function noteActivity(actor: Actor, kind: ActivityKind, now: Date) {
  const { timeZone } = await getJourneySettings(actor);
  await recordActivity(actor, kind, localDate(now, timeZone), now);
}

export interface CalendarDay {
  day: number;
  /** The date the recommended schedule (one day a day from the start date) puts this day on. */
  date: string;
  status: DayStatus;
  isToday: boolean;
  /** Whether the learner did anything on this date. */
  active: boolean;
}

export interface Journey {
  timeZone: string;
  today: string;
  startDate: string;
  /** The day the schedule recommends for today (1–30; past 30 once the month is over). */
  scheduledDay: number;
  streak: number;
  longestStreak: number;
  calendar: CalendarDay[];
}

/** The learner's month: their calendar, today's recommended day and streaks, all in their own time zone. */
export async function getJourney(actor: Actor, now: Date, summary: ProgressSummary): Promise<Journey> {
  const [{ timeZone, courseStartedAt }, activeDates] = await Promise.all([getJourneySettings(actor), listActiveDates(actor)]);
  const today = localDate(now, timeZone);
  const startDate = localDate(courseStartedAt, timeZone);
  const active = new Set(activeDates);
  const statusOf = new Map(summary.days.map((d) => [d.day, d.status]));
  const calendar = Array.from({ length: 30 }, (_, i) => {
    const date = addDays(startDate, i);
    return { day: i + 1, date, status: statusOf.get(i + 1) ?? "coming_soon", isToday: date === today, active: active.has(date) };
  });
  return {
    timeZone,
    today,
    startDate,
    scheduledDay: Math.max(1, daysBetween(startDate, today) + 1),
    streak: currentStreak(activeDates, today),
    longestStreak: longestStreak(activeDates),
    calendar,
  };
}
