"use client";

import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";

/** Pages stay static (lessons are prerendered), so the header learns who is signed in on the client. */
export function Providers({ children }: { children: ReactNode }) {
  return <SessionProvider refetchOnWindowFocus={false}>{children}</SessionProvider>;
}
