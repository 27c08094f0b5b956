"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { sendJson } from "../ui/api-client";
import { TextField } from "../ui/text-field";

export function NewClassForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    setBusy(true);
    const result = await sendJson<{ id: string }>("POST", "/api/classes", { name });
    if (!result.ok) {
      setBusy(false);
      setError(result.refusal.message);
      return;
    }
    router.push(`/teach/${result.data.id}`);
  }

  return (
    <form onSubmit={create} className="card mt-8 flex flex-wrap items-end gap-3 p-5" noValidate>
      <div className="min-w-56 flex-1">
        <TextField id="class-name" name="name" label="New class" error={error} required maxLength={80} placeholder="e.g. Cloud Foundations, spring cohort" />
      </div>
      <button type="submit" className="btn-primary" disabled={busy}>Create class</button>
    </form>
  );
}
