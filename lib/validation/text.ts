/**
 * Removes control characters and invisible formatting ones (zero-width spaces, direction overrides) from a name shown
 * to other people: a name made only of them looks blank, and an override makes "evil" display as "live".
 */
export function visibleText(s: string): string {
  return s.replace(/[\p{Cc}\p{Cf}]/gu, "");
}
