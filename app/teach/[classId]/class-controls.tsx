"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { instantFromLocal, localInputValue } from "@/lib/time/calendar";
import { announce } from "../../ui/announcer";
import { sendJson, type Refusal } from "../../ui/api-client";
import { ConfirmButton } from "../../ui/classes/confirm-button";
import { useToggleFocus } from "../../ui/classes/use-toggle-focus";
import { TextField } from "../../ui/text-field";

const api = (classId: string, rest = "") => `/api/classes/${classId}${rest}`;

/** The class's code (with copy and replace), its name, and deleting it. */
export function ClassSettings({ classId, name, joinCode, members }: { classId: string; name: string; joinCode: string; members: number }) {
  const router = useRouter();
  const [copyStatus, setCopyStatus] = useState("");
  const codeRef = useRef<HTMLSpanElement>(null);
  // The copy confirmation is for the moment of copying; it would read as stale next to a later action.
  useEffect(() => {
    if (!copyStatus) return;
    const timer = setTimeout(() => setCopyStatus(""), 5000);
    return () => clearTimeout(timer);
  }, [copyStatus]);
  const [renameError, setRenameError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const result = await sendJson("PATCH", api(classId), { name: String(new FormData(event.currentTarget).get("name") ?? "") });
    setRenameError(result.ok ? null : result.refusal.message);
    if (result.ok) {
      setSaved("Renamed.");
      router.refresh();
    }
  }

  return (
    <section className="card mt-6 space-y-5 p-5" aria-labelledby="code-heading">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="code-heading" className="text-sm font-medium text-slate-600 dark:text-slate-400">Join code</h2>
        <span ref={codeRef} className="font-mono text-2xl font-bold tracking-wider text-slate-900 dark:text-white" data-testid="join-code">
          {joinCode}
        </span>
        <button
          type="button"
          className="btn-secondary"
          onClick={async () => {
            // Browsers offer the clipboard only on https and localhost: elsewhere, select the code for copying by hand.
            const copied = await (navigator.clipboard?.writeText(joinCode).then(() => true, () => false) ?? Promise.resolve(false));
            if (copied) {
              setCopyStatus("Copied.");
            } else if (codeRef.current) {
              window.getSelection()?.selectAllChildren(codeRef.current);
              setCopyStatus("The code is selected: press Ctrl+C (⌘C on a Mac) to copy it.");
            }
          }}
        >
          Copy
        </button>
        <span role="status" className="text-sm text-emerald-700 dark:text-emerald-400">{copyStatus}</span>
        <span className="ml-auto">
          <ConfirmButton
            label="New code"
            confirmLabel="Replace the code"
            question="The current code will stop working. Members stay."
            done="The class has a new code."
            onConfirm={async () => {
              const result = await sendJson("POST", api(classId, "/join-code"));
              if (!result.ok) return result.refusal.message;
              setCopyStatus("");
              router.refresh();
              return null;
            }}
          />
        </span>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Learners enter this code on their <strong>Classes</strong> page. Anyone with the code can join, so share it with
        your class only.
      </p>
      <details className="border-t border-slate-200 pt-4 dark:border-slate-800">
        <summary className="cursor-pointer text-sm font-medium text-slate-700 dark:text-slate-300">Class settings</summary>
        <form onSubmit={rename} className="mt-4 flex flex-wrap items-end gap-3" noValidate>
          <div className="min-w-56 flex-1">
            <TextField id="rename" name="name" label="Class name" error={renameError} defaultValue={name} maxLength={80} />
          </div>
          <button type="submit" className="btn-secondary">Rename</button>
          <span role="status" className="text-sm text-emerald-700 dark:text-emerald-400">{saved}</span>
        </form>
        <div className="mt-4">
          <ConfirmButton
            label="Delete this class"
            confirmLabel="Delete the class"
            question={`Delete ${name}${members > 0 ? ` and its roster of ${members}` : ""}? Learners keep their own progress and scores.`}
            done={`${name} was deleted.`}
            className="btn border border-red-300 bg-white text-red-700 hover:bg-red-50 dark:border-red-800 dark:bg-slate-900 dark:text-red-300"
            onConfirm={async () => {
              const result = await sendJson("DELETE", api(classId));
              if (!result.ok) return result.refusal.message;
              router.push("/teach");
              router.refresh();
              return null;
            }}
          />
        </div>
      </details>
    </section>
  );
}

/**
 * Reads a due date entered on the instructor's clock. A field error when it names no instant: no date, or a time the
 * clocks skip when daylight saving starts (rather than quietly saving another time).
 */
export function dueFromForm(form: FormData, timeZone: string): { dueAt: string } | { error: string } {
  const local = String(form.get("dueAt") ?? "");
  const at = instantFromLocal(local, timeZone);
  if (!at) return { error: "Pick a date and a time." };
  if (localInputValue(at, timeZone) !== local) {
    return { error: `That time does not exist in ${timeZone}: the clocks skip it when daylight saving starts. Pick another.` };
  }
  return { dueAt: at.toISOString() };
}

export function AssignForm({
  classId,
  timeZone,
  days,
  defaultDue,
}: {
  classId: string;
  timeZone: string;
  days: { day: number; title: string }[];
  defaultDue: string;
}) {
  const router = useRouter();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);

  async function assign(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const due = dueFromForm(form, timeZone);
    if ("error" in due) {
      setRefusal({ message: due.error, fields: { dueAt: due.error }, status: 0 });
      return;
    }
    setBusy(true);
    const result = await sendJson("POST", api(classId, "/assignments"), {
      day: Number(form.get("day")),
      dueAt: due.dueAt,
      instructions: String(form.get("instructions") ?? ""),
    });
    setBusy(false);
    setRefusal(result.ok ? null : result.refusal);
    if (result.ok) {
      formElement.reset();
      announce(`Day ${String(form.get("day"))} assigned.`);
      router.refresh();
    }
  }

  if (days.length === 0) {
    return <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">Every day with a quiz is assigned to this class.</p>;
  }
  const fieldError = (name: string) => refusal?.fields[name];
  const formError = refusal && !fieldError("day") && !fieldError("dueAt") && !fieldError("instructions") ? refusal.message : null;
  return (
    <form onSubmit={assign} className="mt-4 grid gap-4 sm:grid-cols-2" noValidate aria-label="Assign a day">
      <div>
        <label htmlFor="assign-day" className="field-label">Day</label>
        <select
          id="assign-day"
          name="day"
          className="field-input"
          aria-invalid={fieldError("day") ? true : undefined}
          aria-describedby={fieldError("day") ? "assign-day-error" : undefined}
        >
          {days.map((d) => (
            <option key={d.day} value={d.day}>Day {d.day}: {d.title}</option>
          ))}
        </select>
        {fieldError("day") ? <p id="assign-day-error" role="alert" className="field-error">{fieldError("day")}</p> : null}
      </div>
      <div>
        <label htmlFor="assign-due" className="field-label">Due</label>
        <input
          id="assign-due"
          name="dueAt"
          type="datetime-local"
          defaultValue={defaultDue}
          required
          className="field-input"
          aria-invalid={fieldError("dueAt") ? true : undefined}
          aria-describedby={fieldError("dueAt") ? "assign-due-hint assign-due-error" : "assign-due-hint"}
        />
        <p id="assign-due-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">Your time zone: {timeZone}.</p>
        {fieldError("dueAt") ? <p id="assign-due-error" role="alert" className="field-error">{fieldError("dueAt")}</p> : null}
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="assign-instructions" className="field-label">Instructions (optional)</label>
        <textarea
          id="assign-instructions"
          name="instructions"
          rows={2}
          maxLength={500}
          placeholder="e.g. Run the simulator until the queue stabilises before answering."
          className="field-input"
          aria-invalid={fieldError("instructions") ? true : undefined}
          aria-describedby={fieldError("instructions") ? "assign-instructions-error" : undefined}
        />
        {fieldError("instructions") ? (
          <p id="assign-instructions-error" role="alert" className="field-error">{fieldError("instructions")}</p>
        ) : null}
      </div>
      {formError ? <p role="alert" className="field-error sm:col-span-2">{formError}</p> : null}
      <div className="sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={busy}>Assign</button>
      </div>
    </form>
  );
}

/** Editing an assignment (due date, instructions), and removing it. */
export function AssignmentActions({
  classId,
  assignmentId,
  day,
  dueLocal,
  instructions,
  timeZone,
}: {
  classId: string;
  assignmentId: string;
  day: number;
  dueLocal: string;
  instructions: string;
  timeZone: string;
}) {
  const router = useRouter();
  const { open: editing, setOpen, openTarget: dueInput, closedTarget: editButton } = useToggleFocus<HTMLInputElement, HTMLButtonElement>();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const url = api(classId, `/assignments/${assignmentId}`);
  const ids = { due: `due-${assignmentId}`, hint: `due-${assignmentId}-hint`, notes: `notes-${assignmentId}` };

  const setEditingWithFocus = (next: boolean) => {
    setOpen(next);
    if (!next) setRefusal(null);
  };

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const change: { dueAt?: string; instructions?: string } = {};
    // An untouched due date is not re-read: a time the clocks repeat (when daylight saving ends) would come back as
    // its first occurrence and move the deadline by an hour.
    if (String(form.get("dueAt") ?? "") !== dueLocal) {
      const due = dueFromForm(form, timeZone);
      if ("error" in due) {
        setRefusal({ message: due.error, fields: { dueAt: due.error }, status: 0 });
        return;
      }
      change.dueAt = due.dueAt;
    }
    const notes = String(form.get("instructions") ?? "");
    if (notes.trim() !== instructions) change.instructions = notes;
    if (Object.keys(change).length === 0) {
      setEditingWithFocus(false);
      return;
    }
    const result = await sendJson("PATCH", url, change);
    setRefusal(result.ok ? null : result.refusal);
    if (result.ok) {
      announce(`Day ${day} updated.`);
      setEditingWithFocus(false);
      router.refresh();
    }
  }

  if (editing) {
    const dueError = refusal?.fields.dueAt;
    const notesError = refusal?.fields.instructions;
    const formError = refusal && !dueError && !notesError ? refusal.message : null;
    return (
      <form
        onSubmit={save}
        className="grid w-full gap-3 sm:grid-cols-2"
        noValidate
        aria-label={`Edit day ${day}`}
        onKeyDown={(event) => {
          if (event.key === "Escape") setEditingWithFocus(false);
        }}
      >
        <div>
          <label htmlFor={ids.due} className="field-label">Due</label>
          <input
            ref={dueInput}
            id={ids.due}
            name="dueAt"
            type="datetime-local"
            defaultValue={dueLocal}
            className="field-input"
            aria-invalid={dueError ? true : undefined}
            aria-describedby={dueError ? `${ids.hint} ${ids.due}-error` : ids.hint}
          />
          <p id={ids.hint} className="mt-1 text-xs text-slate-500 dark:text-slate-400">Your time zone: {timeZone}.</p>
          {dueError ? <p id={`${ids.due}-error`} role="alert" className="field-error">{dueError}</p> : null}
        </div>
        <div>
          <label htmlFor={ids.notes} className="field-label">Instructions</label>
          <textarea
            id={ids.notes}
            name="instructions"
            rows={2}
            maxLength={500}
            defaultValue={instructions}
            className="field-input"
            aria-invalid={notesError ? true : undefined}
            aria-describedby={notesError ? `${ids.notes}-error` : undefined}
          />
          {notesError ? <p id={`${ids.notes}-error`} role="alert" className="field-error">{notesError}</p> : null}
        </div>
        {formError ? <p role="alert" className="field-error sm:col-span-2">{formError}</p> : null}
        <div className="flex gap-2 sm:col-span-2">
          <button type="submit" className="btn-primary">Save</button>
          <button type="button" className="btn-secondary" onClick={() => setEditingWithFocus(false)}>Cancel</button>
        </div>
      </form>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-2">
      <button ref={editButton} type="button" className="btn-secondary" onClick={() => setEditingWithFocus(true)} aria-label={`Edit day ${day}`}>
        Edit
      </button>
      <ConfirmButton
        label="Remove"
        ariaLabel={`Remove day ${day}`}
        confirmLabel="Remove"
        question={`Remove day ${day} from this class? Attempts stay with the learners.`}
        done={`Day ${day} removed from the class.`}
        focusAfterId="assignments-heading"
        onConfirm={async () => {
          const result = await sendJson("DELETE", url);
          if (!result.ok) return result.refusal.message;
          router.refresh();
          return null;
        }}
      />
    </span>
  );
}

export function RemoveMemberButton({ classId, userId, name }: { classId: string; userId: string; name: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Remove"
      ariaLabel={`Remove ${name}`}
      confirmLabel="Remove"
      question={`Remove ${name}? They can join again with the code unless you replace it.`}
      done={`${name} was removed from the class.`}
      focusAfterId="gradebook-heading"
      onConfirm={async () => {
        const result = await sendJson("DELETE", api(classId, `/members/${userId}`));
        if (!result.ok) return result.refusal.message;
        router.refresh();
        return null;
      }}
    />
  );
}
