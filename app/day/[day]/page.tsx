import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CONCEPTS } from "@/lib/content/concepts";
import { getLesson } from "@/lib/content/lessons";
import { availableDays, getCourse } from "@/lib/content/syllabus";
import { daySchema } from "@/lib/validation/ids";
import { MdxContent } from "../../ui/mdx-content";
import { LessonActions } from "../../ui/lesson-actions";

// Lessons are prerendered at build; days without a lesson are 404s, never broken pages.
export const dynamicParams = false;

export function generateStaticParams() {
  return availableDays().map((day) => ({ day: String(day) }));
}

type Props = { params: Promise<{ day: string }> };

async function load(params: Props["params"]) {
  const { day } = await params;
  const parsed = daySchema.safeParse(day);
  const lesson = parsed.success ? await getLesson(parsed.data) : null;
  if (!lesson) notFound();
  return lesson;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { frontmatter } = await load(params);
  return { title: `Day ${frontmatter.day}: ${frontmatter.title}`, description: frontmatter.summary };
}

export default async function LessonPage({ params }: Props) {
  const lesson = await load(params);
  const fm = lesson.frontmatter;
  const course = getCourse();
  const index = course.findIndex((d) => d.day === fm.day);
  const prev = course.slice(0, index).reverse().find((d) => d.path);
  const next = course.slice(index + 1).find((d) => d.path);
  const quizPath = course[index]?.quizPath ?? null;
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:py-12">
      <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_16rem] lg:gap-12">
        <article className="min-w-0">
          <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
            <Link href="/course" className="hover:underline">
              Course
            </Link>{" "}
            <span aria-hidden="true">/</span> Day {fm.day}
          </nav>
          <header className="mt-3 border-b border-slate-200 pb-8 dark:border-slate-800">
            <p className="text-sm font-semibold uppercase tracking-wider text-brand-700 dark:text-brand-300">
              Day {fm.day} of 30 · {fm.minutes} min
            </p>
            <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white">{fm.title}</h1>
            <p className="mt-3 max-w-3xl text-lg text-slate-600 dark:text-slate-300">{fm.summary}</p>
            <ul className="mt-4 flex flex-wrap gap-2" aria-label="Concepts">
              {fm.concepts.map((c) => (
                <li key={c} className="badge bg-brand-50 text-brand-800 dark:bg-brand-900/50 dark:text-brand-100">
                  {CONCEPTS[c]}
                </li>
              ))}
            </ul>
            <section aria-labelledby="objectives" className="mt-6 rounded-xl bg-slate-50 p-5 dark:bg-slate-900">
              <h2 id="objectives" className="text-sm font-semibold text-slate-900 dark:text-white">
                By the end of this lesson you can
              </h2>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
                {fm.objectives.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </section>
          </header>
          <div className="lesson-body mt-8">
            <MdxContent code={lesson.code} />
          </div>
          <LessonActions day={fm.day} quizPath={quizPath} />
          <nav aria-label="Other days" className="mt-10 grid gap-4 sm:grid-cols-2">
            {prev?.path ? (
              <Link href={prev.path} className="card block p-4 hover:border-brand-300 dark:hover:border-brand-700">
                <span className="text-xs text-slate-500 dark:text-slate-400">← Previous · Day {prev.day}</span>
                <span className="mt-1 block font-semibold">{prev.title}</span>
              </Link>
            ) : (
              <span />
            )}
            {next?.path ? (
              <Link href={next.path} className="card block p-4 text-right hover:border-brand-300 dark:hover:border-brand-700">
                <span className="text-xs text-slate-500 dark:text-slate-400">Next · Day {next.day} →</span>
                <span className="mt-1 block font-semibold">{next.title}</span>
              </Link>
            ) : null}
          </nav>
        </article>
        <aside className="hidden lg:block" aria-label="On this page">
          <div className="sticky top-24">
            <p className="text-sm font-semibold text-slate-900 dark:text-white">On this page</p>
            <ul className="mt-3 space-y-2 border-l border-slate-200 text-sm dark:border-slate-800">
              {lesson.toc.map((t) => (
                <li key={t.id} className={t.depth === 3 ? "pl-7" : "pl-4"}>
                  <a href={`#${t.id}`} className="text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white">
                    {t.text}
                  </a>
                </li>
              ))}
            </ul>
            {quizPath ? (
              <Link href={quizPath} className="btn-primary mt-6 w-full">
                Take the Day {fm.day} quiz
              </Link>
            ) : null}
          </div>
        </aside>
      </div>
    </div>
  );
}
