"use client";

import { useId, useState } from "react";
import { announce } from "../announcer";
import { useToggleFocus } from "./use-toggle-focus";

/**
 * A destructive action in two steps on the page itself (no browser dialog): the first press asks, the second does
 * it. Focus follows: to the confirming button when asked, back to the first button on Cancel or Escape, and after
 * success to `focusAfterId` (the section heading, when the action removes this button's row), with `done` announced.
 */
export function ConfirmButton({
  label,
  ariaLabel,
  confirmLabel,
  question,
  onConfirm,
  done,
  focusAfterId,
  className = "btn-secondary",
}: {
  label: string;
  /** Names the action apart from its neighbours ("Remove day 2"), where `label` alone would repeat. */
  ariaLabel?: string;
  confirmLabel: string;
  question: string;
  /** Does the action: null on success, else the message to show. */
  onConfirm: () => Promise<string | null>;
  done: string;
  focusAfterId?: string;
  className?: string;
}) {
  const { open: asking, setOpen, setOpenQuietly, openTarget: confirm, closedTarget: trigger } = useToggleFocus<HTMLButtonElement, HTMLButtonElement>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const questionId = useId();

  const setAskingWithFocus = (next: boolean) => {
    setOpen(next);
    if (!next) setError(null);
  };

  if (!asking) {
    return (
      <button ref={trigger} type="button" className={className} aria-label={ariaLabel} onClick={() => setAskingWithFocus(true)}>
        {label}
      </button>
    );
  }
  return (
    <span
      className="inline-flex flex-wrap items-center gap-2"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !busy) setAskingWithFocus(false);
      }}
    >
      <span id={questionId} className="text-sm text-slate-700 wrap-anywhere dark:text-slate-300">{question}</span>
      <button
        ref={confirm}
        type="button"
        className="btn bg-red-600 text-white hover:bg-red-700"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const failure = await onConfirm();
          setBusy(false);
          setError(failure);
          if (failure) return;
          announce(done);
          if (focusAfterId) {
            setOpenQuietly(false);
            document.getElementById(focusAfterId)?.focus();
          } else {
            setAskingWithFocus(false);
          }
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="btn-secondary" disabled={busy} onClick={() => setAskingWithFocus(false)}>
        Cancel
      </button>
      {error ? <span role="alert" className="field-error">{error}</span> : null}
    </span>
  );
}
