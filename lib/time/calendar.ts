/** Calendar arithmetic in a learner's time zone (pure; no server APIs). */

/** The formats this module writes, each with its locale (en-CA writes dates as YYYY-MM-DD). */
const STYLES = {
  "date-time": {
    locale: "en",
    options: { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" },
  },
  "iso-date": { locale: "en-CA", options: { year: "numeric", month: "2-digit", day: "2-digit" } },
  "wall-clock": {
    locale: "en-US",
    options: { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" },
  },
} satisfies Record<string, { locale: string; options: Intl.DateTimeFormatOptions }>;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per style and zone: building an Intl.DateTimeFormat costs far more than using one. */
function zoneFormatter(style: keyof typeof STYLES, timeZone: string): Intl.DateTimeFormat {
  const key = `${style}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(STYLES[style].locale, { ...STYLES[style].options, timeZone });
    formatters.set(key, format);
  }
  return format;
}

/** True for zones the runtime knows (IANA names such as "Europe/Berlin", or "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.length <= 64;
  } catch {
    return false;
  }
}

/**
 * ICU (so Node 20) still resolves these renamed zones to their old names; IANA's current names are what people
 * expect to read ("Asia/Kolkata", not "Asia/Calcutta"; "Europe/Kyiv", not "Europe/Kiev").
 */
const RENAMED_ZONES: Record<string, string> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/**
 * A valid zone's canonical name ("utc" → "UTC", "US/Pacific" → "America/Los_Angeles", "Asia/Calcutta" →
 * "Asia/Kolkata"): zones are stored under one spelling, IANA's current one.
 */
export function canonicalTimeZone(zone: string): string {
  const resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  const renamed = RENAMED_ZONES[resolved];
  return renamed && isValidTimeZone(renamed) ? renamed : resolved;
}

/** "Nov 22, 2026, 6:59 AM EST": an instant as a clock in `timeZone` shows it, with the zone's short name. */
export function formatDateTime(at: Date | string, timeZone: string): string {
  return zoneFormatter("date-time", timeZone).format(new Date(at));
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(at: Date, timeZone: string): string {
  return zoneFormatter("iso-date", timeZone).format(at);
}

/** What a clock in `timeZone` shows at `atMs`, read back as if it were UTC (whole seconds). */
function wallClockAsUtcMs(atMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of zoneFormatter("wall-clock", timeZone).formatToParts(atMs)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return Date.UTC(parts.year as number, (parts.month as number) - 1, parts.day, parts.hour, parts.minute, parts.second);
}

const DAY_MS = 86_400_000;
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant at which a clock in `timeZone` shows `local` (an `<input type="datetime-local">` value,
 * "YYYY-MM-DDTHH:mm", years 1000–9999); null when `local` is not such a value or names no real date. A wall time that
 * a daylight-saving change skips moves forward by the size of the change; one it repeats resolves to its first
 * occurrence.
 */
export function instantFromLocal(local: string, timeZone: string): Date | null {
  const m = LOCAL_INPUT.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  // Date.UTC reads years 0–99 as 1900–1999.
  if (y < 1000) return null;
  const wallMs = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(wallMs);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // A zone changes its offset at most once within a day or so: try the offsets a day before and a day after. When
  // both candidates show this wall time it is repeated (take the first); when neither does, it is skipped, and the
  // offset from before the change moves it forward by the change.
  const before = wallMs - (wallClockAsUtcMs(wallMs - DAY_MS, timeZone) - (wallMs - DAY_MS));
  const after = wallMs - (wallClockAsUtcMs(wallMs + DAY_MS, timeZone) - (wallMs + DAY_MS));
  const shows = (atMs: number) => wallClockAsUtcMs(atMs, timeZone) === wallMs;
  const atMs = shows(before) && shows(after) ? Math.min(before, after) : shows(after) ? after : before;
  return new Date(atMs);
}

/** The `<input type="datetime-local">` value ("YYYY-MM-DDTHH:mm") for an instant on a clock in `timeZone`. */
export function localInputValue(at: Date, timeZone: string): string {
  return new Date(wallClockAsUtcMs(at.getTime(), timeZone)).toISOString().slice(0, 16);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  const toUtc = (s: string) => {
    const [y, m, d] = s.split("-").map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/**
 * The current streak: consecutive calendar days with activity, ending today, or yesterday when the learner has
 * not been active yet today (the streak is not lost until a whole day passes without activity).
 */
export function currentStreak(activeDates: Iterable<string>, today: string): number {
  const days = new Set(activeDates);
  let cursor = days.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (days.has(cursor)) {
    streak += 1;
    cursor = addDays(cursor, -1);
  }
  return streak;
}

/** The longest run of consecutive active days. */
export function longestStreak(activeDates: Iterable<string>): number {
  const sorted = [...new Set(activeDates)].sort();
  let best = 0;
  let run = 0;
  let prev: string | null = null;
  for (const d of sorted) {
    run = prev !== null && daysBetween(prev, d) === 1 ? run + 1 : 1;
    best = Math.max(best, run);
    prev = d;
  }
  return best;
}
