import type { ReactNode } from "react";

/*
 * Building blocks shared by the lesson diagrams (diagrams*.tsx): the accessible SVG wrapper (role="img" with <title>
 * and <desc> referenced by aria-labelledby), the colour classes they share and the arrowhead marker. Colours are
 * Tailwind fill/stroke classes so they follow the light/dark theme. Server-compatible: no hooks.
 */

/** Main label text. */
export const TEXT = "fill-slate-800 dark:fill-slate-100";
/** Secondary text: slate-600 keeps it at AA contrast on white and on the pale box fills. */
export const MUTED = "fill-slate-600 dark:fill-slate-400";
/** Connector lines and arrows. */
export const LINE = "stroke-slate-500 dark:stroke-slate-400";
/** Fainter guide lines (dividers, axes that should recede). */
export const LINE_SOFT = "stroke-slate-400 dark:stroke-slate-500";
/** The arrowhead's default fill, matching LINE. */
export const ARROW_FILL = "fill-slate-500 dark:fill-slate-400";
/** A neutral box. */
export const BOX = "fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500";
/** A server or instance box. */
export const SERVER = "fill-sky-50 stroke-sky-600 dark:fill-sky-950/60 dark:stroke-sky-400";

export interface DiagramProps {
  id: string;
  title: string;
  desc: string;
  width: number;
  height: number;
  children?: ReactNode;
}

/** The SVG root of a diagram: scales to the column width; `id` prefixes the title and description ids. */
export function Diagram({ id, title, desc, width, height, children }: DiagramProps) {
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      className="mx-auto block h-auto w-full max-w-3xl font-sans"
      fontFamily="inherit"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {children}
    </svg>
  );
}

/** An arrowhead <marker> (place it in <defs>; reference it with markerEnd={`url(#${id})`}). */
export function Arrow({ id, className = ARROW_FILL }: { id: string; className?: string }) {
  return (
    <marker id={id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
      <path d="M0,0 L10,5 L0,10 z" className={className} />
    </marker>
  );
}
