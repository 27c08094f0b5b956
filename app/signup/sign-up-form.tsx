"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { signUp, type SignUpState } from "@/lib/actions/auth";
import { useSession } from "../ui/session";

const initial: SignUpState = { ok: false, errors: {}, values: { name: "", email: "" } };

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const { refresh } = useSession();
  const [state, action, pending] = useActionState(async (prev: SignUpState, formData: FormData) => {
    // Streaks and "today" follow the learner's own calendar: send the browser's time zone with the form.
    formData.set("timeZone", Intl.DateTimeFormat().resolvedOptions().timeZone);
    const next = await signUp(prev, formData);
    if (!next.ok) return next;
    // The account exists now; sign in with the same credentials so the learner lands where they were going.
    const result = await signIn("credentials", {
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      return { ...next, ok: false, errors: { form: "Your account was created, but signing in failed. Please sign in." } };
    }
    await refresh();
    router.push(callbackUrl);
    router.refresh();
    return next;
  }, initial);

  const err = state.errors;
  return (
    <form action={action} noValidate className="space-y-5">
      {err.form ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200">
          {err.form}
        </p>
      ) : null}
      <Field id="name" label="Name" autoComplete="name" defaultValue={state.values.name} error={err.name} />
      <Field id="email" label="Email" type="email" autoComplete="email" defaultValue={state.values.email} error={err.email} />
      <Field
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters."
        error={err.password}
      />
      <button type="submit" className="btn-primary w-full py-2.5" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}

function Field(props: {
  id: string;
  label: string;
  type?: string;
  autoComplete: string;
  defaultValue?: string;
  hint?: string;
  error?: string;
}) {
  const describedBy = [props.hint ? `${props.id}-hint` : "", props.error ? `${props.id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={props.id} className="field-label">
        {props.label}
      </label>
      <input
        id={props.id}
        name={props.id}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        defaultValue={props.defaultValue}
        // A new key after a failed submit re-applies the echoed value; React 19 resets forms after actions.
        key={props.defaultValue}
        required
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="field-input"
      />
      {props.hint ? (
        <p id={`${props.id}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${props.id}-error`} className="field-error" data-testid={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
