"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { canonicalTimeZone } from "@/lib/time/calendar";
import { sendJson, type Refusal } from "../ui/api-client";
import { signOut } from "../ui/session";
import { TextField } from "../ui/text-field";

async function send(method: "PATCH" | "DELETE", body: unknown): Promise<Refusal | null> {
  const result = await sendJson(method, "/api/account", body);
  return result.ok ? null : result.refusal;
}

export function SettingsForms({ name, email, timeZone }: { name: string; email: string; timeZone: string }) {
  const router = useRouter();
  // Browsers list only geographic zones: UTC (every account's default) is added, so it can be chosen again. Names
  // go through the server's canonical spelling, so a renamed zone (Asia/Calcutta, now Asia/Kolkata) is listed once,
  // under the name it is saved as.
  const zones = useMemo(() => {
    const listed = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    return [...new Set(["UTC", ...listed.map(canonicalTimeZone)])];
  }, []);
  const [saved, setSaved] = useState<string | null>(null);
  const [profileError, setProfileError] = useState<Refusal | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function saveProfile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setSaved(null);
    const error = await send("PATCH", { name: String(form.get("name") ?? ""), timeZone: String(form.get("timeZone") ?? "") });
    setBusy(false);
    setProfileError(error);
    if (!error) {
      setSaved("Saved.");
      router.refresh();
    }
  }

  async function deleteAccount(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const error = await send("DELETE", { confirmEmail: String(form.get("confirmEmail") ?? "") });
    setBusy(false);
    setDeleteError(error?.message ?? null);
    if (!error) await signOut("/");
  }

  const nameError = profileError?.fields.name;
  const zoneError = profileError?.fields.timeZone;
  // A refusal no field explains (e.g. "Nothing to update.") shows under the form.
  const formError = profileError && !nameError && !zoneError ? profileError.message : null;

  return (
    <div className="mt-8 space-y-8">
      <form onSubmit={saveProfile} className="card space-y-5 p-6" noValidate>
        <h2 className="text-lg font-semibold text-slate-900 dark:text-white">Profile</h2>
        <div>
          <TextField id="name" name="name" label="Name" error={nameError} defaultValue={name} required maxLength={80} />
        </div>
        <div>
          <label htmlFor="timeZone" className="field-label">Time zone</label>
          <select
            id="timeZone"
            name="timeZone"
            defaultValue={timeZone}
            className="field-input"
            aria-invalid={zoneError ? true : undefined}
            aria-describedby={zoneError ? "tz-hint timeZone-error" : "tz-hint"}
          >
            {(zones.includes(timeZone) ? zones : [timeZone, ...zones]).map((z) => (
              <option key={z} value={z}>{z}</option>
            ))}
          </select>
          <p id="tz-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            Your streak and &quot;today&quot; follow this zone&apos;s calendar.
          </p>
          {zoneError ? <p id="timeZone-error" role="alert" className="field-error">{zoneError}</p> : null}
        </div>
        {formError ? <p role="alert" className="field-error">{formError}</p> : null}
        <div className="flex items-center gap-3">
          <button type="submit" className="btn-primary" disabled={busy}>Save</button>
          <span role="status" className="text-sm text-emerald-700 dark:text-emerald-400">{saved}</span>
        </div>
      </form>

      <section className="card space-y-3 p-6" aria-labelledby="export-heading">
        <h2 id="export-heading" className="text-lg font-semibold text-slate-900 dark:text-white">Your data</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Download everything Nimbus stores about you — profile, progress, quiz attempts and answers, activity and review
          history — as one JSON file.
        </p>
        <a href="/api/account/export" className="btn-secondary" download>
          Export my data
        </a>
      </section>

      <form onSubmit={deleteAccount} className="card space-y-4 border-red-200 p-6 dark:border-red-900" noValidate>
        <h2 className="text-lg font-semibold text-red-800 dark:text-red-300">Delete account</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          This deletes your account and all your data at once. It cannot be undone. Type <strong>{email}</strong> to confirm.
        </p>
        <div>
          <label htmlFor="confirmEmail" className="field-label">Your email</label>
          <input id="confirmEmail" name="confirmEmail" type="email" autoComplete="off" className="field-input" aria-invalid={deleteError ? true : undefined} />
        </div>
        {deleteError ? <p role="alert" className="field-error">{deleteError}</p> : null}
        <button type="submit" className="btn bg-red-600 text-white hover:bg-red-700" disabled={busy}>
          Delete my account and data
        </button>
      </form>
    </div>
  );
}
