/** A refused request: its message, and the message of each field the API's `details` name. */
export interface Refusal {
  message: string;
  fields: Record<string, string>;
  /** The HTTP status, or 0 when the server could not be reached. */
  status: number;
}

export type SendResult<T> = { ok: true; data: T } | { ok: false; refusal: Refusal };

/** Calls the JSON API from a form; a refusal comes back with its per-field messages (docs/api.md's error shape). */
export async function sendJson<T = unknown>(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<SendResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, refusal: { message: "Could not reach Nimbus. Check your connection and try again.", fields: {}, status: 0 } };
  }
  const json = await res.json().catch(() => ({}));
  if (res.ok) return { ok: true, data: json as T };
  const fields: Record<string, string> = {};
  if (Array.isArray(json.details)) {
    for (const d of json.details) if (typeof d?.path === "string" && typeof d.message === "string") fields[d.path] ??= d.message;
  }
  const first = Object.values(fields)[0];
  return { ok: false, refusal: { message: first ?? json.error ?? `Request failed (${res.status}).`, fields, status: res.status } };
}
