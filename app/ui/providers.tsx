"use client";

import type { ReactNode } from "react";
import { SessionProvider } from "./session";

/** Pages stay static (lessons are prerendered), so the header learns who is signed in on the client. */
export function Providers({ children }: { children: ReactNode }) {
  return <SessionProvider>{children}</SessionProvider>;
}
