/**
 * Per-concept mastery from graded answers (quiz responses and spaced-repetition reviews). Each answer is evidence
 * scored 0–1 (points / max points; a review is 1 when answered correctly, else 0) and weighted by its age with an
 * exponential decay: an answer `MASTERY_HALF_LIFE_DAYS` old counts half as much as one given now. Mastery is the
 * weighted mean, so recent answers dominate and old mistakes fade once corrected. docs/mastery.md explains it.
 */
export const MASTERY_HALF_LIFE_DAYS = 14;

export interface Evidence {
  score: number;
  atMs: number;
}

export function evidenceWeight(atMs: number, nowMs: number): number {
  const ageDays = Math.max(0, (nowMs - atMs) / 86_400_000);
  return Math.pow(0.5, ageDays / MASTERY_HALF_LIFE_DAYS);
}

/** Weighted mean score in [0, 1], or null without evidence. */
export function mastery(evidence: readonly Evidence[], nowMs: number): number | null {
  let weighted = 0;
  let total = 0;
  for (const e of evidence) {
    const w = evidenceWeight(e.atMs, nowMs);
    weighted += w * Math.min(1, Math.max(0, e.score));
    total += w;
  }
  return total > 0 ? weighted / total : null;
}
