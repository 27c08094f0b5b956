import type { Quiz } from "./schema";

/**
 * A stable short fingerprint of a quiz definition, stored on each attempt so old attempts stay gradeable and an open
 * attempt is resumed only while its definition is unchanged. Pure TypeScript (runs anywhere, no node:crypto); not a
 * security hash — it only has to change when the content changes.
 */

/**
 * JSON with object keys sorted (recursively), arrays kept in order, undefined-valued keys dropped: two definitions
 * that differ only in key order or formatting canonicalise to the same string.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const json = JSON.stringify(value);
    return json === undefined ? "null" : json;
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(",")}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined && typeof record[k] !== "function")
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
}

/** cyrb53-style mixing over UTF-16 code units; returns the two 32-bit halves. */
function cyrb64(text: string, seed: number): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

const hex8 = (x: number) => x.toString(16).padStart(8, "0");

/** A 16-hex-digit (64-bit) hash of the canonical JSON of the definition, e.g. "3f9c0a1b77d2e410". */
export function quizVersion(quiz: Quiz): string {
  const [a, b] = cyrb64(canonicalJson(quiz), 0);
  return hex8(a) + hex8(b);
}
