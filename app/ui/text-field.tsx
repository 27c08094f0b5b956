import type { InputHTMLAttributes } from "react";

/**
 * A labelled input with its error under it, wired for assistive technology: `aria-invalid` and `aria-describedby`
 * point at the error while there is one.
 */
export function TextField({
  id,
  label,
  error,
  className = "field-input",
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; error?: string | null }) {
  const errorId = `${id}-error`;
  return (
    <>
      <label htmlFor={id} className="field-label">{label}</label>
      <input id={id} className={className} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} {...input} />
      {error ? <p id={errorId} role="alert" className="field-error">{error}</p> : null}
    </>
  );
}
