import { isValidElement, type ReactNode } from "react";

/**
 * Heading text → anchor id. Re-exported from lib/content so heading ids always match the table of contents that
 * lib/content/lessons.ts builds from the same headings.
 */
export { slugify } from "@/lib/content/slugify";

/** The plain text of a React subtree (strings, numbers, arrays and elements' children), e.g. a heading's label. */
export function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number" || typeof node === "bigint") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}
