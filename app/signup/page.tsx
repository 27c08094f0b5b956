import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackUrl } from "@/lib/validation/callback-url";
import { AuthCard } from "../ui/auth-card";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, "/day/1");
  return (
    <AuthCard
      title="Start your 30 days"
      subtitle={
        <>
          Already have an account?{" "}
          <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-semibold text-brand-700 underline dark:text-brand-300">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
