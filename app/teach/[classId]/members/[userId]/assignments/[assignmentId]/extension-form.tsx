"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { announce } from "../../../../../../ui/announcer";
import { sendJson } from "../../../../../../ui/api-client";
import { dueFromForm } from "../../../../class-controls";

/** Gives one member a later due date for the assignment, moves it, or takes it back. */
export function ExtensionForm({
  url,
  learnerName,
  timeZone,
  defaultLocal,
  extended,
}: {
  /** The extension's API address. */
  url: string;
  learnerName: string;
  timeZone: string;
  /** The field's starting value, on the instructor's clock. */
  defaultLocal: string;
  /** Whether the member has an extension now. */
  extended: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const due = dueFromForm(new FormData(event.currentTarget), timeZone);
    if ("error" in due) {
      setError(due.error);
      return;
    }
    setBusy(true);
    const result = await sendJson("PUT", url, { dueAt: due.dueAt });
    setBusy(false);
    setError(result.ok ? null : (result.refusal.fields.dueAt ?? result.refusal.message));
    if (result.ok) {
      announce(`${learnerName} has an extension.`);
      router.refresh();
    }
  }

  async function revoke() {
    setBusy(true);
    const result = await sendJson("DELETE", url);
    setBusy(false);
    // Already gone (another tab) is the outcome asked for.
    if (result.ok || result.refusal.status === 404) {
      setError(null);
      announce(`${learnerName}'s extension was removed.`);
      router.refresh();
    } else {
      setError(result.refusal.message);
    }
  }

  return (
    <form onSubmit={save} className="mt-3 flex flex-wrap items-end gap-3" noValidate aria-label={`Extension for ${learnerName}`}>
      <div className="min-w-56">
        <label htmlFor="extension-due" className="field-label">{extended ? "Extended to" : "Extend to"}</label>
        <input
          key={defaultLocal}
          id="extension-due"
          name="dueAt"
          type="datetime-local"
          defaultValue={defaultLocal}
          required
          className="field-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "extension-due-hint extension-due-error" : "extension-due-hint"}
        />
        <p id="extension-due-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">Your time zone: {timeZone}.</p>
      </div>
      <button type="submit" className="btn-primary" disabled={busy}>{extended ? "Change extension" : "Give extension"}</button>
      {extended ? (
        <button type="button" className="btn-secondary" disabled={busy} onClick={revoke}>Remove extension</button>
      ) : null}
      {error ? <p id="extension-due-error" role="alert" className="field-error w-full">{error}</p> : null}
    </form>
  );
}
