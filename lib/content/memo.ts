/**
 * Content files do not change in production, so parse and bundle each once per process. In development they are
 * edited live, so re-read them on every call.
 */
export function memo<K, V>(load: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key: K) => {
    if (process.env.NODE_ENV !== "production") return load(key);
    if (!cache.has(key)) cache.set(key, load(key));
    return cache.get(key) as V;
  };
}

/** `memo` for loaders without a key. */
export function once<V>(load: () => V): () => V {
  const keyed = memo<null, V>(() => load());
  return () => keyed(null);
}
