import type { Metadata } from "next";
import Link from "next/link";
import { demoAccountsEnabled } from "@/lib/auth/demo";
import { safeCallbackUrl } from "@/lib/validation/callback-url";
import { AuthCard } from "../ui/auth-card";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  return (
    <AuthCard
      title="Sign in to Nimbus"
      subtitle={
        <>
          New here?{" "}
          <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-semibold text-brand-700 underline dark:text-brand-300">
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm callbackUrl={callbackUrl} demo={demoAccountsEnabled()} />
    </AuthCard>
  );
}
