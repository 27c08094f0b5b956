import type { InputHTMLAttributes } from "react";

/**
 * A labelled input with its error under it, wired for assistive technology: `aria-invalid` and `aria-describedby`
 * point at the error while there is one (and at `hintId`, a hint rendered by the caller, always).
 */
export function TextField({
  id,
  label,
  error,
  hintId,
  className = "field-input",
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; error?: string | null; hintId?: string }) {
  const errorId = `${id}-error`;
  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <label htmlFor={id} className="field-label">{label}</label>
      <input id={id} className={className} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error ? <p id={errorId} role="alert" className="field-error">{error}</p> : null}
    </>
  );
}
