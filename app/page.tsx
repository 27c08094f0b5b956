import Link from "next/link";
import { getCourse } from "@/lib/content/syllabus";
import { CoursePlan } from "./ui/course-plan";

const FEATURES = [
  {
    title: "A live simulator in every lesson",
    text: "Fail an Availability Zone, throttle an API, race on-premises against the cloud. One deterministic engine drives every widget, in your browser.",
  },
  {
    title: "Quizzes graded on our server",
    text: "Six question types with an explanation for every option. Answer keys never reach your browser before you submit.",
  },
  {
    title: "Progress you can see",
    text: "Your current day, best scores and how well you know each concept, from virtualization to disaster recovery.",
  },
];

export default function HomePage() {
  const days = getCourse();
  const available = days.filter((d) => d.path).length;
  return (
    <>
      <section className="relative overflow-hidden border-b border-slate-200 bg-gradient-to-b from-brand-50 to-white dark:border-slate-800 dark:from-slate-900 dark:to-slate-950">
        <div className="mx-auto grid max-w-7xl items-center gap-12 px-4 py-16 sm:px-6 lg:grid-cols-2 lg:py-24">
          <div>
            <p className="text-sm font-semibold uppercase tracking-wider text-brand-700 dark:text-brand-300">
              30 days · one lesson a day
            </p>
            <h1 className="mt-3 text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl dark:text-white">
              Learn how the cloud really works — by running it.
            </h1>
            <p className="mt-5 max-w-xl text-lg text-slate-600 dark:text-slate-300">
              Nimbus takes you from virtualization, Regions and Availability Zones to scaling, load balancing and
              disaster recovery. Each day pairs a short, sourced lesson with a simulation you can break on purpose.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <Link href="/signup" className="btn-primary px-5 py-2.5 text-base">
                Start the course
              </Link>
              <Link href="/day/2" className="btn-secondary px-5 py-2.5 text-base">
                Try Day 2: Regions &amp; AZs
              </Link>
            </div>
          </div>
          <HeroIllustration />
        </div>
      </section>

      <section className="mx-auto max-w-7xl px-4 py-16 sm:px-6" aria-labelledby="why">
        <h2 id="why" className="sr-only">
          Why Nimbus
        </h2>
        <ul className="grid gap-6 md:grid-cols-3">
          {FEATURES.map((f) => (
            <li key={f.title} className="card p-6">
              <h3 className="font-semibold text-slate-900 dark:text-white">{f.title}</h3>
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{f.text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="mx-auto max-w-7xl px-4 sm:px-6" aria-labelledby="plan">
        <div className="mb-8 flex flex-wrap items-end justify-between gap-4">
          <div>
            <h2 id="plan" className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
              The 30-day plan
            </h2>
            <p className="mt-1 text-slate-600 dark:text-slate-400">
              {available} of 30 days are open now; the rest are on their way.
            </p>
          </div>
          <Link href="/course" className="btn-secondary">
            See your course
          </Link>
        </div>
        <CoursePlan days={days} headingLevel={3} />
      </section>
    </>
  );
}

/** A Region with three AZs, one of them down, traffic still flowing: the course's core idea at a glance. */
function HeroIllustration() {
  const azs = [
    { x: 30, name: "AZ a", down: false },
    { x: 190, name: "AZ b", down: true },
    { x: 350, name: "AZ c", down: false },
  ];
  return (
    <figure className="card p-4 sm:p-6">
      <svg viewBox="0 0 500 300" role="img" aria-labelledby="hero-title hero-desc" className="h-auto w-full">
        <title id="hero-title">A Region with three Availability Zones</title>
        <desc id="hero-desc">
          Three Availability Zones each run two virtual machines. Zone b has failed; zones a and c keep serving.
        </desc>
        <rect x="10" y="10" width="480" height="280" rx="18" className="fill-brand-50 stroke-brand-300 dark:fill-slate-900 dark:stroke-brand-800" strokeWidth="2" strokeDasharray="6 6" />
        <text x="28" y="40" className="fill-brand-800 text-[15px] font-semibold dark:fill-brand-200">Region</text>
        {azs.map((az) => (
          <g key={az.name}>
            <rect x={az.x} y="60" width="120" height="210" rx="12" className={az.down ? "fill-red-50 stroke-red-400 dark:fill-red-950/40 dark:stroke-red-700" : "fill-white stroke-slate-300 dark:fill-slate-800 dark:stroke-slate-600"} strokeWidth="2" />
            <text x={az.x + 14} y="86" className={az.down ? "fill-red-700 text-[13px] font-semibold dark:fill-red-300" : "fill-slate-700 text-[13px] font-semibold dark:fill-slate-200"}>
              {az.name}
              {az.down ? " — down" : ""}
            </text>
            {[0, 1].map((i) => (
              <g key={i}>
                <rect x={az.x + 14} y={104 + i * 78} width="92" height="60" rx="8" className={az.down ? "fill-red-100 dark:fill-red-900/40" : "fill-brand-100 dark:fill-brand-900/60"} />
                <text x={az.x + 24} y={139 + i * 78} className={az.down ? "fill-red-700 text-[12px] dark:fill-red-300" : "fill-brand-800 text-[12px] dark:fill-brand-100"}>
                  {az.down ? "✕ VM lost" : `VM ${i + 1} · ok`}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="mt-3 text-center text-sm text-slate-600 dark:text-slate-400">
        One zone fails; a multi-AZ design keeps serving with four of six VMs.
      </figcaption>
    </figure>
  );
}
