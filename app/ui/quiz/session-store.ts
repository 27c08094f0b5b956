/**
 * A tiny external store over sessionStorage for `useSyncExternalStore`: the server snapshot is null and the client
 * reads the stored string after hydration, so restoring answers never causes a hydration mismatch. When storage is
 * unavailable (privacy modes, quota), values live in memory for the life of the page.
 */

const cache = new Map<string, string | null>();
const listeners = new Map<string, Set<() => void>>();

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function readStored(key: string): string | null {
  if (!cache.has(key)) {
    let value: string | null = null;
    try {
      value = storage()?.getItem(key) ?? null;
    } catch {
      value = null;
    }
    cache.set(key, value);
  }
  return cache.get(key) ?? null;
}

export function writeStored(key: string, value: string): void {
  cache.set(key, value);
  try {
    storage()?.setItem(key, value);
  } catch {
    // Quota or privacy mode: the in-memory copy still works for this page.
  }
  listeners.get(key)?.forEach((listener) => listener());
}

/** Forgets the stored value without re-rendering subscribers (used right before navigating away). */
export function removeStored(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

export function subscribeStored(key: string, listener: () => void): () => void {
  let set = listeners.get(key);
  if (!set) {
    set = new Set();
    listeners.set(key, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}
