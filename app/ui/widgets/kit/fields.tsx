import type { ReactNode } from "react";
import { fieldClass, labelClass } from "./styles";

/*
 * Labelled form fields shared by the widgets: a range slider that shows its value in an <output>, and a select.
 * `width` is the wrapper's width class (default "min-w-0"; e.g. "min-w-40 flex-1" in a wrapping flex row).
 */

const rangeClass =
  "accent-sky-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:opacity-50 dark:accent-sky-400";

function wrapperClass(width: string | undefined): string {
  const w = width ?? "min-w-0";
  return w === "" ? "flex flex-col gap-0.5" : `flex ${w} flex-col gap-0.5`;
}

/** A range input labelled "label: <output>display</output> unit". */
export function RangeField(props: {
  id: string;
  label: ReactNode;
  value: number;
  /** What the <output> shows; defaults to the value. */
  display?: ReactNode;
  /** Shown after the <output>, separated by a space (e.g. a unit). */
  unit?: ReactNode;
  min: number;
  max: number;
  step?: number;
  disabled?: boolean;
  width?: string;
  onChange: (v: number) => void;
}) {
  return (
    <div className={wrapperClass(props.width)}>
      <label htmlFor={props.id} className={labelClass}>
        {props.label}: <output htmlFor={props.id}>{props.display ?? props.value}</output>
        {props.unit === undefined ? null : <> {props.unit}</>}
      </label>
      <input
        id={props.id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(Number(e.target.value))}
        className={rangeClass}
      />
    </div>
  );
}

/** A labelled select over typed options; the value is handed back with its own type (string or number). */
export function SelectField<T extends string | number>(props: {
  id: string;
  label: ReactNode;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
  disabled?: boolean;
  width?: string;
}) {
  return (
    <div className={wrapperClass(props.width)}>
      <label htmlFor={props.id} className={labelClass}>
        {props.label}
      </label>
      <select
        id={props.id}
        className={`${fieldClass} max-w-full`}
        value={String(props.value)}
        disabled={props.disabled}
        onChange={(e) => {
          const found = props.options.find((o) => String(o.value) === e.target.value);
          if (found) props.onChange(found.value);
        }}
      >
        {props.options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The bordered group around a widget's settings; `legend` says what changing them does (e.g. "starts a fresh run"). */
export function SettingsFieldset(props: { legend: ReactNode; gap?: "gap-2" | "gap-3"; children: ReactNode }) {
  return (
    <fieldset className={`flex min-w-0 flex-col ${props.gap ?? "gap-3"} rounded-lg border border-slate-200 p-3 dark:border-slate-700`}>
      <legend className="px-1 text-sm font-semibold">{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}
