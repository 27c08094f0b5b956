"use client";

import { useEffect, useState } from "react";

const ANNOUNCE_EVENT = "nimbus:announce";

/**
 * Says what an action did, for screen readers, when the page itself changes silently (a row disappears after a
 * refresh, a list gains an item). The message outlives the component that triggered it, which may be gone by then.
 */
export function announce(message: string): void {
  window.dispatchEvent(new CustomEvent<string>(ANNOUNCE_EVENT, { detail: message }));
}

/** The one polite live region behind `announce`, mounted once in the root layout. */
export function Announcer() {
  const [message, setMessage] = useState("");
  useEffect(() => {
    const onAnnounce = (event: Event) => {
      const text = (event as CustomEvent<unknown>).detail;
      if (typeof text !== "string") return;
      // Clearing first makes a repeated message ("Removed.") be read again.
      setMessage("");
      requestAnimationFrame(() => setMessage(text));
    };
    window.addEventListener(ANNOUNCE_EVENT, onAnnounce);
    return () => window.removeEventListener(ANNOUNCE_EVENT, onAnnounce);
  }, []);
  return (
    <div role="status" aria-live="polite" className="sr-only" data-testid="announcer">
      {message}
    </div>
  );
}
