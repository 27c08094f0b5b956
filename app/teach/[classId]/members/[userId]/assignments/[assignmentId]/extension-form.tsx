"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { announce } from "../../../../../../ui/announcer";
import { sendJson, type Refusal } from "../../../../../../ui/api-client";
import { dueFromForm } from "../../../../class-controls";

/** Gives one member a later due date for the assignment, moves it, or takes it back. */
export function ExtensionForm({
  url,
  learnerName,
  timeZone,
  defaultLocal,
  extended,
  focusAfterRemoveId,
}: {
  /** The extension's API address. */
  url: string;
  learnerName: string;
  timeZone: string;
  /** The field's starting value, on the instructor's clock. */
  defaultLocal: string;
  /** Whether the member has an extension now. */
  extended: boolean;
  /** Where focus goes once "Remove extension" (the focused button) is gone. */
  focusAfterRemoveId: string;
}) {
  const router = useRouter();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const due = dueFromForm(new FormData(event.currentTarget), timeZone);
    if ("error" in due) {
      setRefusal({ message: due.error, fields: { dueAt: due.error }, status: 0 });
      return;
    }
    setBusy(true);
    const result = await sendJson("PUT", url, { dueAt: due.dueAt });
    setBusy(false);
    setRefusal(result.ok ? null : result.refusal);
    if (result.ok) {
      announce(`${learnerName} has an extension.`);
      router.refresh();
    }
  }

  async function revoke() {
    setBusy(true);
    const result = await sendJson("DELETE", url);
    setBusy(false);
    // A 404 means there is nothing to take back any more (another tab, or the member left): show the page as it is.
    setRefusal(result.ok || result.refusal.status === 404 ? null : result.refusal);
    if (result.ok) announce(`${learnerName}'s extension was removed.`);
    if (result.ok || result.refusal.status === 404) {
      document.getElementById(focusAfterRemoveId)?.focus();
      router.refresh();
    }
  }

  const fieldError = refusal?.fields.dueAt;
  const formError = refusal && !fieldError ? refusal.message : null;
  return (
    <form onSubmit={save} className="mt-3 flex flex-wrap items-end gap-3" noValidate aria-label={`Extension for ${learnerName}`}>
      <div className="min-w-56">
        <label htmlFor="extension-due" className="field-label">{extended ? "Extended to" : "Extend to"}</label>
        <input
          id="extension-due"
          name="dueAt"
          type="datetime-local"
          defaultValue={defaultLocal}
          required
          className="field-input"
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? "extension-due-hint extension-due-error" : "extension-due-hint"}
        />
        <p id="extension-due-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">Your time zone: {timeZone}.</p>
      </div>
      <button type="submit" className="btn-primary" disabled={busy}>{extended ? "Change extension" : "Give extension"}</button>
      {extended ? (
        <button type="button" className="btn-secondary" disabled={busy} onClick={revoke}>Remove extension</button>
      ) : null}
      {fieldError ? <p id="extension-due-error" role="alert" className="field-error w-full">{fieldError}</p> : null}
      {formError ? <p role="alert" className="field-error w-full">{formError}</p> : null}
    </form>
  );
}
