import type { ReactNode } from "react";

/** Two runs side by side, one measure per row (e.g. on-premises vs cloud), with a caption for screen readers. */
export function ComparisonTable<T>(props: {
  caption: string;
  columns: readonly [ReactNode, ReactNode];
  left: T;
  right: T;
  rows: readonly { label: string; value: (side: T) => ReactNode }[];
  /** Keeps the columns readable on narrow screens (the wrapper scrolls instead). */
  minWidthClass: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className={`w-full ${props.minWidthClass} text-left text-sm tabular-nums`}>
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-600">
            <th scope="col" className="py-1 pr-2 font-medium">
              Measure
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              {props.columns[0]}
            </th>
            <th scope="col" className="py-1 font-medium">
              {props.columns[1]}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={r.label} className={i < props.rows.length - 1 ? "border-b border-slate-200 dark:border-slate-700" : undefined}>
              <th scope="row" className="py-1 pr-2 font-normal text-slate-700 dark:text-slate-300">
                {r.label}
              </th>
              <td className="py-1 pr-2">{r.value(props.left)}</td>
              <td className="py-1">{r.value(props.right)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
