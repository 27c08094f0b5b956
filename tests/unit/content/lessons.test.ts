import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { bundleMDX } from "mdx-bundler";
import { getMDXComponent } from "mdx-bundler/client";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { lessonComponents, slugify } from "@/app/ui/lesson/mdx-components";
import { WIDGET_NAMES as REGISTERED_WIDGETS } from "@/app/ui/widgets/registry";
import { CONCEPT_IDS, type ConceptId } from "@/lib/content/concepts";

// Widget tags a lesson may embed: exactly the registry's.
const WIDGET_NAMES: readonly string[] = REGISTERED_WIDGETS;
import { lessonFrontmatterSchema, syllabusSchema, type SyllabusDay } from "@/lib/content/schema";
import { quizSchema, type Question, type QuestionType } from "@/lib/quiz/schema";


const ROOT = path.resolve(__dirname, "../../..");
const CONTENT = path.join(ROOT, "content");
const DAYS_DIR = path.join(CONTENT, "days");

/** The concepts listed in the source notes (/work/shared/seeds): each must be taught somewhere in the plan. */
const NOTE_CONCEPTS: ConceptId[] = [
  "virtualization",
  "hypervisors",
  "apis",
  "regions",
  "availability-zones",
  "scalability",
  "elasticity",
  "agility",
  "high-availability",
  "fault-tolerance",
  "disaster-recovery",
  "load-balancing",
];

/** Topics that must be the main subject of at least one day: the concept is listed and the day's title names it. */
const MAIN_TOPICS: { concept: ConceptId; title: RegExp }[] = [
  { concept: "cloud-computing", title: /cloud computing/i },
  { concept: "shared-responsibility", title: /secur|responsib/i },
  { concept: "virtualization", title: /virtuali[sz]ation/i },
  { concept: "apis", title: /\bAPIs?\b/ },
  { concept: "regions", title: /regions/i },
  { concept: "availability-zones", title: /availability zones/i },
  { concept: "global-infrastructure", title: /global infrastructure|edge/i },
  { concept: "scalability", title: /scalability/i },
  { concept: "elasticity", title: /elasticity/i },
  { concept: "agility", title: /agility/i },
  { concept: "load-balancing", title: /load balancing/i },
  { concept: "high-availability", title: /high availability/i },
  { concept: "fault-tolerance", title: /fault tolerance/i },
  { concept: "disaster-recovery", title: /disaster recovery/i },
  { concept: "compute", title: /compute/i },
  { concept: "storage", title: /storage/i },
  { concept: "networking", title: /network|VPC/i },
  { concept: "databases", title: /database/i },
  { concept: "caching", title: /caching|content delivery|CDN/i },
  { concept: "messaging", title: /messaging|decoupl/i },
  { concept: "observability", title: /observability/i },
  { concept: "security", title: /security|IAM/i },
  { concept: "cost", title: /cost/i },
  { concept: "well-architected", title: /well-architected/i },
];

const ALL_TYPES: QuestionType[] = ["single", "multiple", "true-false", "numeric", "ordering", "matching"];

/** Per-quiz minimums: Day 2 is the fully built lesson; every other written day needs at least this much. */
function quizRequirements(day: number): { questions: number; types: number } {
  return day === 2 ? { questions: 10, types: ALL_TYPES.length } : { questions: 8, types: 4 };
}

const syllabus: SyllabusDay[] = syllabusSchema.parse(JSON.parse(readFileSync(path.join(CONTENT, "syllabus.json"), "utf8")));

const lessonDirs = existsSync(DAYS_DIR)
  ? readdirSync(DAYS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(DAYS_DIR, d.name, "lesson.mdx")))
      .map((d) => d.name)
      .sort()
  : [];

/** The MDX body with fenced code blocks and inline code removed, so tags and keywords inside code are ignored. */
function withoutCode(body: string): string {
  return body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, "").replace(/`[^`\n]*`/g, "");
}

function jsxTags(body: string): string[] {
  return [...new Set([...withoutCode(body).matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)].map((m) => m[1]!))];
}

function headings(body: string): { depth: number; text: string }[] {
  return [...withoutCode(body).matchAll(/^(#{2,3})\s+(.+?)\s*#*\s*$/gm)].map((m) => ({
    depth: m[1]!.length,
    text: m[2]!.replace(/[*_`]/g, ""),
  }));
}

function readLesson(dir: string) {
  const raw = readFileSync(path.join(DAYS_DIR, dir, "lesson.mdx"), "utf8");
  const { data, content } = matter(raw);
  return { raw, data, body: content };
}

describe("syllabus", () => {
  it("has 30 valid days in order", () => {
    expect(syllabus).toHaveLength(30);
    expect(new Set(syllabus.map((d) => d.title)).size).toBe(30);
  });

  it("covers every concept id, and every concept from the source notes", () => {
    const covered = new Set(syllabus.flatMap((d) => d.concepts));
    for (const id of CONCEPT_IDS) expect(covered, `concept ${id} is never taught`).toContain(id);
    for (const id of NOTE_CONCEPTS) expect(covered, `note concept ${id} is never taught`).toContain(id);
  });

  it.each(MAIN_TOPICS)("makes $concept the main topic of at least one day", ({ concept, title }) => {
    const days = syllabus.filter((d) => d.concepts.includes(concept) && title.test(d.title));
    expect(days.length, `no day is titled for ${concept}`).toBeGreaterThan(0);
  });

  it("fixes the shape of the journey: days 1–3, a mid-course review and a capstone", () => {
    const day = (n: number) => syllabus[n - 1]!;
    expect(day(1).concepts).toEqual(expect.arrayContaining(["cloud-computing", "shared-responsibility"]));
    expect(day(2).concepts).toEqual(expect.arrayContaining(["virtualization", "regions", "availability-zones"]));
    expect(day(3).concepts).toContain("apis");
    expect(syllabus.slice(13, 16).some((d) => /review/i.test(d.title))).toBe(true);
    expect(day(30).title).toMatch(/capstone/i);
  });
});

describe("lessons", () => {
  it("exist for days 1–3", () => {
    expect(lessonDirs).toEqual(expect.arrayContaining(["day-01", "day-02", "day-03"]));
  });

  const allowedTags = new Set([...WIDGET_NAMES, ...Object.keys(lessonComponents).filter((k) => /^[A-Z]/.test(k))]);

  describe.each(lessonDirs)("%s", (dir) => {
    const { raw, data, body } = readLesson(dir);

    it("has valid frontmatter that agrees with its folder and the syllabus", () => {
      const fm = lessonFrontmatterSchema.parse(data);
      expect(fm.slug).toBe(dir);
      expect(fm.day).toBe(Number(dir.slice(4)));
      const planned = syllabus[fm.day - 1]!;
      expect(fm.title).toBe(planned.title);
      expect(fm.concepts).toEqual(expect.arrayContaining(planned.concepts));
      expect(Number.isNaN(Date.parse(fm.factsAsOf))).toBe(false);
      for (const w of fm.widgets) expect(WIDGET_NAMES, `unknown widget ${w}`).toContain(w);
    });

    it("has no import or export statements", () => {
      const offending = withoutCode(body)
        .split("\n")
        .filter((line) => /^\s*(import|export)\b/.test(line));
      expect(offending).toEqual([]);
      expect(raw.startsWith("---\n")).toBe(true);
    });

    it("uses only known JSX tags", () => {
      const unknown = jsxTags(body).filter((t) => !allowedTags.has(t));
      expect(unknown, `unknown tags: ${unknown.join(", ")}`).toEqual([]);
    });

    it("embeds exactly the widgets its frontmatter lists", () => {
      const used = jsxTags(body).filter((t) => WIDGET_NAMES.includes(t)).sort();
      expect(used).toEqual([...(data.widgets as string[])].sort());
    });

    it("has unique headings, a summary and sources with links", () => {
      const hs = headings(body);
      const slugs = hs.map((h) => slugify(h.text));
      expect(new Set(slugs).size, `duplicate heading slugs in ${slugs.join(", ")}`).toBe(slugs.length);
      expect(hs.some((h) => h.depth === 2 && /^summary$/i.test(h.text))).toBe(true);
      expect(hs.some((h) => h.depth === 2 && /^sources$/i.test(h.text))).toBe(true);
      const sources = body.slice(body.search(/^## Sources/m));
      expect(sources.match(/\]\(https?:\/\//g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    });

    it("compiles and renders with the lesson components", async () => {
      const { code } = await bundleMDX({ source: raw });
      const Component = getMDXComponent(code);
      const stubs = Object.fromEntries(
        WIDGET_NAMES.map((name) => [name, () => createElement("div", { "data-widget": name })]),
      );
      const html = renderToStaticMarkup(createElement(Component, { components: { ...lessonComponents, ...stubs } }));
      for (const w of data.widgets as string[]) expect(html).toContain(`data-widget="${w}"`);
      for (const h of headings(body)) expect(html).toContain(`id="${slugify(h.text)}"`);
      expect(html).not.toMatch(/<svg(?![^>]*role="img")/);
    });
  });

  it("gives Day 2 a full 15–20 minute lesson", () => {
    const { data, body } = readLesson("day-02");
    expect(data.minutes).toBeGreaterThanOrEqual(15);
    expect(data.minutes).toBeLessThanOrEqual(20);
    const words = withoutCode(body).split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThan(2500);
    for (const term of ["hypervisor", "type 1", "type 2", "Nitro", "Popek", "misconception", "N+1", "as of 2026"]) {
      expect(body.toLowerCase(), `Day 2 never mentions ${term}`).toContain(term.toLowerCase());
    }
  });
});

describe("quizzes", () => {
  it.each(lessonDirs)("%s has a quiz", (dir) => {
    expect(existsSync(path.join(DAYS_DIR, dir, "quiz.json"))).toBe(true);
  });

  const quizDirs = lessonDirs.filter((dir) => existsSync(path.join(DAYS_DIR, dir, "quiz.json")));

  describe.each(quizDirs)("%s", (dir) => {
    const quiz = quizSchema.parse(JSON.parse(readFileSync(path.join(DAYS_DIR, dir, "quiz.json"), "utf8")));
    const day = Number(dir.slice(4));

    it("is valid, named after its day, and big and varied enough", () => {
      expect(quiz.id).toBe(dir);
      const need = quizRequirements(day);
      const types = new Set(quiz.questions.map((q) => q.type));
      expect(quiz.questions.length).toBeGreaterThanOrEqual(need.questions);
      expect(types.size).toBeGreaterThanOrEqual(need.types);
      expect(types.has("numeric")).toBe(true);
    });

    it("explains every option and keeps answers non-trivial", () => {
      for (const q of quiz.questions as Question[]) {
        expect(q.explanation.length, q.id).toBeGreaterThan(20);
        if (q.type === "single" || q.type === "multiple") {
          for (const o of q.options) expect(o.explanation.length, `${q.id}/${o.id}`).toBeGreaterThan(15);
          const correct = q.type === "single" ? [q.answer] : q.answers;
          expect(q.options.length - correct.length, `${q.id} needs a wrong option`).toBeGreaterThan(0);
        }
        if (q.type === "true-false") {
          expect(q.explanations.true).not.toBe(q.explanations.false);
        }
      }
    });
  });

  it("Day 3's token-bucket answer matches a simulation", () => {
    const quiz = quizSchema.parse(JSON.parse(readFileSync(path.join(DAYS_DIR, "day-03", "quiz.json"), "utf8")));
    const q = quiz.questions.find((x) => x.id === "token-bucket-accepted");
    expect(q?.type).toBe("numeric");
    // burst 5, rate 2/s, full at t=0; 12 requests at t=0, 6 at t=2 s; no retries.
    const burst = 5;
    const rate = 2;
    let tokens = burst;
    let last = 0;
    let accepted = 0;
    for (const [t, n] of [[0, 12], [2, 6]] as const) {
      tokens = Math.min(burst, tokens + (t - last) * rate);
      last = t;
      const ok = Math.min(n, Math.floor(tokens));
      tokens -= ok;
      accepted += ok;
    }
    expect(q?.type === "numeric" && q.answer).toBe(accepted);
  });
});
