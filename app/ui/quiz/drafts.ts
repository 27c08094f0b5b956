import type { PublicQuestion } from "@/lib/quiz/public";
import type { QuestionResponse } from "@/lib/validation/quiz";

/**
 * The quiz form's in-progress answers ("drafts") and how they become `submitAttemptSchema` responses. Pure functions,
 * shared by the runner and its unit tests. Drafts are also what the runner keeps in sessionStorage, so everything
 * read back from storage goes through `sanitizeDrafts`.
 */

export type Draft =
  | { type: "single"; optionId: string }
  | { type: "multiple"; optionIds: string[] }
  | { type: "true-false"; value: boolean }
  /** The raw text typed, so "12," mid-typing survives; parsed with `parseDecimal`. */
  | { type: "numeric"; text: string }
  /** Present only once the learner has moved an item: the shuffled start order is not an answer. */
  | { type: "ordering"; itemIds: string[] }
  | { type: "matching"; matches: Record<string, string | null> }
  | { type: "sim-config"; values: Record<string, string> };

export type Drafts = Record<string, Draft>;

const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?$/i;

/**
 * Parses a typed number: "12.5", "12,5", "-3", "−3" (Unicode minus), ".5", "1e3", with spaces ignored. A comma is a
 * decimal separator; text with both "," and "." is ambiguous and rejected. Returns null for anything else.
 */
export function parseDecimal(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f]/g, "").replace(/\u2212/g, "-");
  if (!DECIMAL.test(t) || (t.includes(",") && t.includes("."))) return null;
  const n = Number(t.replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === "string");
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(b);
  return a.length === b.length && new Set(a).size === a.length && a.every((x) => set.has(x));
}

/** Keeps only drafts that fit the current questions (stale or tampered storage is dropped, never trusted). */
export function sanitizeDrafts(questions: readonly PublicQuestion[], raw: unknown): Drafts {
  const out: Drafts = {};
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
  const record = raw as Record<string, unknown>;
  for (const q of questions) {
    if (!Object.prototype.hasOwnProperty.call(record, q.id)) continue;
    const d = record[q.id] as Record<string, unknown> | null;
    if (!d || typeof d !== "object" || d.type !== q.type) continue;
    switch (q.type) {
      case "single":
        if (typeof d.optionId === "string" && q.options.some((o) => o.id === d.optionId)) {
          out[q.id] = { type: "single", optionId: d.optionId };
        }
        break;
      case "multiple":
        if (isStringArray(d.optionIds)) {
          const ids = [...new Set(d.optionIds)].filter((id) => q.options.some((o) => o.id === id));
          out[q.id] = { type: "multiple", optionIds: ids };
        }
        break;
      case "true-false":
        if (typeof d.value === "boolean") out[q.id] = { type: "true-false", value: d.value };
        break;
      case "numeric":
        if (typeof d.text === "string") out[q.id] = { type: "numeric", text: d.text.slice(0, 64) };
        break;
      case "ordering":
        if (isStringArray(d.itemIds) && sameSet(d.itemIds, q.items.map((i) => i.id))) {
          out[q.id] = { type: "ordering", itemIds: [...d.itemIds] };
        }
        break;
      case "matching": {
        if (!d.matches || typeof d.matches !== "object" || Array.isArray(d.matches)) break;
        const given = d.matches as Record<string, unknown>;
        const matches: Record<string, string | null> = {};
        for (const p of q.pairs) {
          const v = Object.prototype.hasOwnProperty.call(given, p.id) ? given[p.id] : null;
          matches[p.id] = typeof v === "string" && q.choices.some((c) => c.id === v) ? v : null;
        }
        out[q.id] = { type: "matching", matches };
        break;
      }
      case "sim-config": {
        if (!d.values || typeof d.values !== "object" || Array.isArray(d.values)) break;
        const given = d.values as Record<string, unknown>;
        const values: Record<string, string> = {};
        for (const f of q.fields) {
          const v = Object.prototype.hasOwnProperty.call(given, f.name) ? given[f.name] : undefined;
          if (typeof v === "string" && f.options.some((o) => o.value === v)) values[f.name] = v;
        }
        out[q.id] = { type: "sim-config", values };
        break;
      }
    }
  }
  return out;
}

/** The response to submit for a question, or null when there is nothing to submit yet. */
export function draftToResponse(q: PublicQuestion, draft: Draft | undefined): QuestionResponse | null {
  if (!draft || draft.type !== q.type) return null;
  switch (draft.type) {
    case "single":
      return { type: "single", optionId: draft.optionId };
    case "multiple":
      return draft.optionIds.length > 0 ? { type: "multiple", optionIds: draft.optionIds } : null;
    case "true-false":
      return { type: "true-false", value: draft.value };
    case "numeric": {
      const value = parseDecimal(draft.text);
      return value === null ? null : { type: "numeric", value };
    }
    case "ordering":
      return { type: "ordering", itemIds: draft.itemIds };
    case "matching":
      return Object.values(draft.matches).some((v) => v !== null) ? { type: "matching", matches: draft.matches } : null;
    case "sim-config":
      return Object.keys(draft.values).length > 0 ? { type: "sim-config", values: draft.values } : null;
  }
}

/** Fully answered: for matching, every pair has a choice; otherwise, a response exists. */
export function isAnswered(q: PublicQuestion, draft: Draft | undefined): boolean {
  const response = draftToResponse(q, draft);
  if (!response) return false;
  if (q.type === "matching" && response.type === "matching") {
    return q.pairs.every((p) => typeof response.matches[p.id] === "string");
  }
  if (q.type === "sim-config" && response.type === "sim-config") {
    return q.fields.every((f) => typeof response.values[f.name] === "string");
  }
  return true;
}

/** The body's `responses`: question id → response, unanswered questions omitted. */
export function buildResponses(questions: readonly PublicQuestion[], drafts: Drafts): Record<string, QuestionResponse> {
  const out: Record<string, QuestionResponse> = {};
  for (const q of questions) {
    const r = draftToResponse(q, drafts[q.id]);
    if (r) out[q.id] = r;
  }
  return out;
}

/** `ids` with the item at `index` moved by `delta` (−1 up, +1 down); unchanged at the ends. */
export function moveItem(ids: readonly string[], index: number, delta: -1 | 1): string[] {
  const target = index + delta;
  const out = ids.slice();
  if (index < 0 || index >= ids.length || target < 0 || target >= ids.length) return out;
  [out[index], out[target]] = [out[target] as string, out[index] as string];
  return out;
}
