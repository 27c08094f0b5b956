import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/guards";
import { getProfile } from "@/lib/db/users";
import { SettingsForms } from "./settings-forms";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const profile = await getProfile(user);
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Settings</h1>
      <SettingsForms name={profile?.name ?? user.name} email={user.email} timeZone={profile?.timeZone ?? "UTC"} />
    </div>
  );
}
