import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import { memo } from "./memo";
import { lessonDir } from "./paths";
import { loadLessonFrontmatter } from "./syllabus";
import { slugify } from "./slugify";
import type { LessonFrontmatter } from "./schema";

export interface TocEntry {
  depth: 2 | 3;
  text: string;
  id: string;
}

export interface BundledLesson {
  frontmatter: LessonFrontmatter;
  /** mdx-bundler output, evaluated in a Server Component: no MDX runtime reaches the browser. */
  code: string;
  toc: TocEntry[];
}

/** `## Heading` and `### Heading` lines outside code fences, in order. */
function tableOfContents(source: string): TocEntry[] {
  const toc: TocEntry[] = [];
  let inFence = false;
  for (const line of source.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const m = !inFence && /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (m && m[1] && m[2]) {
      const text = m[2].replace(/[`*_]/g, "");
      toc.push({ depth: m[1].length as 2 | 3, text, id: slugify(text) });
    }
  }
  return toc;
}

export const getLesson = memo(async (day: number): Promise<BundledLesson | null> => {
  const frontmatter = loadLessonFrontmatter(day);
  if (!frontmatter) return null;
  const file = path.join(lessonDir(day), "lesson.mdx");
  const source = readFileSync(file, "utf8");
  const { code } = await bundleMDX({
    source,
    cwd: lessonDir(day),
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
      return options;
    },
  });
  return { frontmatter, code, toc: tableOfContents(source.replace(/^---[\s\S]*?---/, "")) };
});
