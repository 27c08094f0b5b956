import { z } from "zod";
import { CONCEPT_IDS } from "./concepts";

export const conceptIdSchema = z.enum(CONCEPT_IDS);

/** One entry of the 30-day plan (content/syllabus.json); a day may exist in the plan before its lesson is written. */
export const syllabusDaySchema = z.object({
  day: z.number().int().min(1).max(30),
  title: z.string().min(3),
  summary: z.string().min(10),
  concepts: z.array(conceptIdSchema).min(1),
});

export const syllabusSchema = z
  .array(syllabusDaySchema)
  .length(30)
  .superRefine((days, ctx) => {
    days.forEach((d, i) => {
      if (d.day !== i + 1) ctx.addIssue({ code: "custom", message: `syllabus entry ${i} must be day ${i + 1}` });
    });
  });

/** Frontmatter of content/days/day-NN/lesson.mdx. */
export const lessonFrontmatterSchema = z.object({
  day: z.number().int().min(1).max(30),
  slug: z.string().regex(/^day-\d{2}$/, "slug is day-NN"),
  title: z.string().min(3),
  summary: z.string().min(10),
  concepts: z.array(conceptIdSchema).min(1),
  minutes: z.number().int().min(3).max(60),
  objectives: z.array(z.string().min(5)).min(2),
  /** Names of widgets (keys of the widget registry) the lesson embeds. */
  widgets: z.array(z.string().regex(/^[A-Z][A-Za-z0-9]+$/)).min(1),
  /** ISO date the lesson's numeric facts (counts, defaults, SLAs) were checked. */
  factsAsOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export type SyllabusDay = z.infer<typeof syllabusDaySchema>;
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
