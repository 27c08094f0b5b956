import "server-only";
import bcrypt from "bcryptjs";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { findSessionAccount, findUserForSignIn } from "@/lib/db/users";
import { signInSchema } from "@/lib/validation/auth";
import { noteFailedSignIn, noteSuccessfulSignIn, signInRetryAfterSec } from "./throttle";

/** Messages thrown from `authorize` reach the sign-in form as `error`; keep them safe to show. */
export const INVALID_CREDENTIALS = "That email and password don't match an account.";

function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : null);
}

export function tooManyAttemptsMessage(retryAfterSec: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSec / 60));
  return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export const authOptions: AuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(INVALID_CREDENTIALS);
        const { email, password } = parsed.data;
        const ip = clientIp(req?.headers);
        const retryAfterSec = await signInRetryAfterSec(email, ip);
        if (retryAfterSec > 0) throw new Error(tooManyAttemptsMessage(retryAfterSec));
        const user = await findUserForSignIn(email);
        // Compare against a fixed hash when the user is unknown so timing does not reveal which emails exist.
        const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
        if (!user || !ok) {
          await noteFailedSignIn(email, ip);
          throw new Error(INVALID_CREDENTIALS);
        }
        await noteSuccessfulSignIn(email);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    // The token names the account only; the session callback reads its name and role afresh.
    async jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    // Every session read (server guards and /api/auth/session) checks the account still exists and takes its
    // current name and role: a token outlives a deleted account by up to 30 days, and must not act for it.
    async session({ session, token }) {
      const account = typeof token.uid === "string" ? await findSessionAccount(token.uid) : null;
      if (!account) return { expires: session.expires };
      return { ...session, user: { id: account.id, role: account.role, name: account.name, email: account.email } };
    },
  },
};

const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8nH1Yz0m6O5Q0aQjz2b7mE0Hj2Wm1e";
