"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { announce } from "../ui/announcer";
import { sendJson } from "../ui/api-client";
import { ConfirmButton } from "../ui/classes/confirm-button";
import { TextField } from "../ui/text-field";

export function JoinClassForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [joined, setJoined] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function join(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const code = String(new FormData(formElement).get("code") ?? "");
    setBusy(true);
    setJoined(null);
    const result = await sendJson<{ name: string }>("POST", "/api/classes/join", { code });
    setBusy(false);
    setError(result.ok ? null : result.refusal.message);
    if (result.ok) {
      setJoined(`You joined ${result.data.name}.`);
      announce(`You joined ${result.data.name}.`);
      formElement.reset();
      router.refresh();
    }
  }

  return (
    <form onSubmit={join} className="card mt-8 flex flex-wrap items-end gap-3 p-5" noValidate>
      <div className="min-w-56 flex-1">
        <TextField
          id="join-code"
          name="code"
          label="Class code"
          error={error}
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="ABCD-EFGH"
          className="field-input font-mono uppercase"
        />
      </div>
      <button type="submit" className="btn-primary" disabled={busy}>Join class</button>
      {joined ? <p className="w-full text-sm text-emerald-700 dark:text-emerald-400" data-testid="joined">{joined}</p> : null}
      <p className="w-full text-xs text-slate-500 dark:text-slate-400">
        Your instructor will see your name, email and lessons completed, and your scores and answers on the quizzes they assign.
      </p>
    </form>
  );
}

export function LeaveClassButton({ classId, userId, name }: { classId: string; userId: string; name: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Leave class"
      ariaLabel={`Leave ${name}`}
      confirmLabel="Leave"
      question={`Leave ${name}? Your progress and scores stay yours.`}
      done={`You left ${name}.`}
      focusAfterId="classes-heading"
      onConfirm={async () => {
        const result = await sendJson("DELETE", `/api/classes/${classId}/members/${userId}`);
        // A 404 means the instructor removed you or deleted the class meanwhile: you are out either way.
        if (!result.ok && result.refusal.status !== 404) return result.refusal.message;
        router.refresh();
        return null;
      }}
    />
  );
}
