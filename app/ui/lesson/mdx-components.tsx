import type { ComponentPropsWithoutRef, ComponentType, JSX, ReactNode } from "react";
import { Callout, Challenge, Figure, KeyTerm, MEASURE, Objectives, Sources, Table } from "./components";
import {
  HypervisorDiagram,
  RegionAzDiagram,
  RequestResponseDiagram,
  SharedResponsibilityDiagram,
  TokenBucketDiagram,
} from "./diagrams";
import * as availabilityDiagrams from "./diagrams-availability";
import * as computeDiagrams from "./diagrams-compute";
import * as dataDiagrams from "./diagrams-data";
import * as deployDiagrams from "./diagrams-deploy";
import * as globalDiagrams from "./diagrams-global";
import * as messagingDiagrams from "./diagrams-messaging";
import * as costDiagrams from "./diagrams-cost";
import * as costOptimisationDiagrams from "./diagrams-cost-optimisation";
import * as multiRegionDiagrams from "./diagrams-multi-region";
import * as networkDiagrams from "./diagrams-network";
import * as observabilityDiagrams from "./diagrams-observability";
import * as resilienceDiagrams from "./diagrams-resilience";
import * as scalingDiagrams from "./diagrams-scaling";
import * as securityDiagrams from "./diagrams-security";
import * as storageDiagrams from "./diagrams-storage";
import { slugify, textOf } from "./slugify";

export { slugify, textOf } from "./slugify";
export { Callout, Challenge, Figure, KeyTerm, Objectives, Sources, Table } from "./components";
export {
  HypervisorDiagram,
  RegionAzDiagram,
  RequestResponseDiagram,
  SharedResponsibilityDiagram,
  TokenBucketDiagram,
} from "./diagrams";

/*
 * The component map handed to the MDX renderer (e.g. mdx-bundler's getMDXComponent(code) → <Component components={…}/>).
 * Lowercase keys style the elements markdown produces; capitalised keys are the JSX tags lessons may use.
 * Widgets (AzPlacementLab, RateLimitLab, ProvisioningRace) are not here: they come from the widget registry and
 * are merged in by the lesson page. Everything here is server-compatible (no hooks, no "use client").
 */

function cx(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}

type Props<T extends keyof JSX.IntrinsicElements> = ComponentPropsWithoutRef<T>;

function H2({ id, className, children, ...rest }: Props<"h2">) {
  const anchor = id ?? slugify(textOf(children));
  return (
    <h2
      id={anchor}
      className={cx(
        MEASURE,
        "group mt-14 mb-4 border-b border-slate-200 pb-2 text-2xl font-bold tracking-tight text-slate-900 dark:border-slate-800 dark:text-slate-50",
        className,
      )}
      {...rest}
    >
      {children}
      <a
        href={`#${anchor}`}
        aria-label={`Link to section: ${textOf(children)}`}
        className="ml-2 text-slate-300 no-underline opacity-0 transition-opacity group-hover:opacity-100 focus:opacity-100 dark:text-slate-600"
      >
        #
      </a>
    </h2>
  );
}

function H3({ id, className, children, ...rest }: Props<"h3">) {
  const anchor = id ?? slugify(textOf(children));
  return (
    <h3
      id={anchor}
      className={cx(
        MEASURE,
        "group mt-10 mb-3 text-xl font-semibold tracking-tight text-slate-900 dark:text-slate-100",
        className,
      )}
      {...rest}
    >
      {children}
      <a
        href={`#${anchor}`}
        aria-label={`Link to section: ${textOf(children)}`}
        className="ml-2 text-slate-300 no-underline opacity-0 transition-opacity group-hover:opacity-100 focus:opacity-100 dark:text-slate-600"
      >
        #
      </a>
    </h3>
  );
}

function H4({ className, ...rest }: Props<"h4">) {
  return (
    <h4
      className={cx(MEASURE, "mt-8 mb-2 text-lg font-semibold text-slate-900 dark:text-slate-100", className)}
      {...rest}
    />
  );
}

function P({ className, ...rest }: Props<"p">) {
  return <p className={cx(MEASURE, "my-4 leading-7 text-slate-700 dark:text-slate-300", className)} {...rest} />;
}

function A({ className, href, ...rest }: Props<"a">) {
  const external = typeof href === "string" && /^https?:\/\//.test(href);
  return (
    <a
      href={href}
      {...(external ? { rel: "noopener noreferrer" } : {})}
      className={cx(
        "font-medium text-sky-700 underline decoration-sky-300 underline-offset-2 hover:text-indigo-700 hover:decoration-indigo-400 dark:text-sky-400 dark:decoration-sky-700 dark:hover:text-indigo-300",
        className,
      )}
      {...rest}
    />
  );
}

function Ul({ className, ...rest }: Props<"ul">) {
  return (
    <ul
      className={cx(
        MEASURE,
        "my-4 list-disc space-y-2 pl-6 text-slate-700 marker:text-sky-500 dark:text-slate-300 dark:marker:text-sky-400",
        className,
      )}
      {...rest}
    />
  );
}

function Ol({ className, ...rest }: Props<"ol">) {
  return (
    <ol
      className={cx(
        MEASURE,
        "my-4 list-decimal space-y-2 pl-6 text-slate-700 marker:font-semibold marker:text-indigo-500 dark:text-slate-300 dark:marker:text-indigo-400",
        className,
      )}
      {...rest}
    />
  );
}

function Li({ className, ...rest }: Props<"li">) {
  return <li className={cx("pl-1 leading-7 [&>p]:my-1", className)} {...rest} />;
}

function Blockquote({ className, ...rest }: Props<"blockquote">) {
  return (
    <blockquote
      className={cx(
        MEASURE,
        "my-6 border-l-4 border-indigo-300 pl-4 text-slate-600 italic dark:border-indigo-700 dark:text-slate-400 [&>p]:my-2",
        className,
      )}
      {...rest}
    />
  );
}

function Code({ className, ...rest }: Props<"code">) {
  return (
    <code
      className={cx(
        "rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[0.875em] text-slate-800 [overflow-wrap:anywhere] dark:bg-slate-800 dark:text-slate-200",
        className,
      )}
      {...rest}
    />
  );
}

function Pre({ className, ...rest }: Props<"pre">) {
  return (
    <pre
      className={cx(
        "my-6 overflow-x-auto rounded-xl border border-slate-800 bg-slate-900 p-4 text-sm leading-6 text-slate-100 dark:border-slate-700 dark:bg-slate-950",
        "[&>code]:bg-transparent [&>code]:p-0 [&>code]:text-[length:inherit] [&>code]:text-slate-100",
        className,
      )}
      {...rest}
    />
  );
}

function TableEl({ className, ...rest }: Props<"table">) {
  return (
    <div className="my-6 overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800">
      <table className={cx("w-full border-collapse text-left text-sm", className)} {...rest} />
    </div>
  );
}

function Thead({ className, ...rest }: Props<"thead">) {
  return <thead className={cx("bg-slate-50 dark:bg-slate-900", className)} {...rest} />;
}

function Tr({ className, ...rest }: Props<"tr">) {
  return <tr className={cx("even:bg-slate-50/60 dark:even:bg-slate-900/40", className)} {...rest} />;
}

function Th({ className, ...rest }: Props<"th">) {
  return (
    <th
      className={cx(
        "border-b border-slate-200 px-4 py-2 font-semibold text-slate-900 dark:border-slate-800 dark:text-slate-100",
        className,
      )}
      {...rest}
    />
  );
}

function Td({ className, ...rest }: Props<"td">) {
  return (
    <td
      className={cx(
        "border-t border-slate-200 px-4 py-2 align-top text-slate-700 dark:border-slate-800 dark:text-slate-300",
        className,
      )}
      {...rest}
    />
  );
}

function Hr({ className, ...rest }: Props<"hr">) {
  return <hr className={cx("my-10 border-slate-200 dark:border-slate-800", className)} {...rest} />;
}

function Strong({ className, ...rest }: Props<"strong">) {
  return <strong className={cx("font-semibold text-slate-900 dark:text-slate-100", className)} {...rest} />;
}

/** Wraps the whole MDX body: base type size and colour; blocks set their own 70ch measure. */
function Wrapper({ children }: { children?: ReactNode }) {
  return <div className="lesson-body text-[1.0625rem] text-slate-700 dark:text-slate-300">{children}</div>;
}

// MDX passes arbitrary props to these, so the map is deliberately loosely typed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const lessonComponents: Record<string, ComponentType<any>> = {
  wrapper: Wrapper,
  h2: H2,
  h3: H3,
  h4: H4,
  p: P,
  a: A,
  ul: Ul,
  ol: Ol,
  li: Li,
  blockquote: Blockquote,
  code: Code,
  pre: Pre,
  table: TableEl,
  thead: Thead,
  tr: Tr,
  th: Th,
  td: Td,
  hr: Hr,
  strong: Strong,
  // Lesson components
  Callout,
  Challenge,
  Figure,
  KeyTerm,
  Objectives,
  Sources,
  Table,
  // Diagrams
  HypervisorDiagram,
  RegionAzDiagram,
  RequestResponseDiagram,
  SharedResponsibilityDiagram,
  TokenBucketDiagram,
  ...resilienceDiagrams,
  ...availabilityDiagrams,
  ...dataDiagrams,
  ...deployDiagrams,
  ...scalingDiagrams,
  ...globalDiagrams,
  ...messagingDiagrams,
  ...costDiagrams,
  ...costOptimisationDiagrams,
  ...computeDiagrams,
  ...multiRegionDiagrams,
  ...networkDiagrams,
  ...observabilityDiagrams,
  ...securityDiagrams,
  ...storageDiagrams,
};

/** The capitalised JSX tags a lesson may use besides widgets (checked by tests/unit/content). */
export const LESSON_TAGS = Object.keys(lessonComponents).filter((k) => /^[A-Z]/.test(k));
