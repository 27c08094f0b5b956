import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError, badRequest, notFound } from "@/lib/errors";

type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps a route handler so every failure is a JSON error body with the right status: AppErrors keep theirs,
 * anything unexpected is logged and becomes a generic 500 (which the fuzz tests assert never happens).
 */
export function apiRoute<P = Record<string, never>>(
  handler: (request: Request, params: P) => Promise<Response>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      return await handler(request, await context.params);
    } catch (error) {
      if (error instanceof AppError) {
        const headers = error.retryAfterSec ? { "Retry-After": String(error.retryAfterSec) } : undefined;
        return NextResponse.json(
          { error: error.message, ...(error.details ? { details: error.details } : {}) },
          { status: error.status, headers },
        );
      }
      console.error("Unhandled API error", error);
      return NextResponse.json({ error: "Something went wrong on our side. Please try again." }, { status: 500 });
    }
  };
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

/**
 * Handlers for the methods a route does not implement: Next answers those with an empty 405, where a client needs
 * to be told what the address accepts. Also OPTIONS, which Next would otherwise answer by listing every export,
 * these refusals included. A route exports the ones it lacks:
 * `export const { PUT, PATCH, DELETE, OPTIONS } = onlyMethods("GET", "POST");` (tests/e2e/api-fuzz.spec.ts checks
 * every route).
 */
export function onlyMethods<A extends Method>(...allowed: A[]): Record<Exclude<Method, A> | "OPTIONS", () => Response> {
  // Next answers HEAD for a route with GET.
  const allow = [...allowed, ...(allowed.includes("GET" as A) ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const names = allowed.length === 1 ? allowed[0] : `${allowed.slice(0, -1).join(", ")} and ${allowed.at(-1)}`;
  const refuse = () => NextResponse.json({ error: `This address accepts ${names} only.` }, { status: 405, headers: { Allow: allow } });
  const handlers: Partial<Record<Method | "OPTIONS", () => Response>> = { OPTIONS: () => new Response(null, { status: 204, headers: { Allow: allow } }) };
  for (const method of METHODS) if (!allowed.includes(method as A)) handlers[method] = refuse;
  return handlers as Record<Exclude<Method, A> | "OPTIONS", () => Response>;
}

const MAX_BODY_BYTES = 64 * 1024;

/** Reads and validates a JSON body: wrong content type, oversize, malformed or mistyped bodies are 4xx. */
export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) {
    throw new AppError(415, "Send the body as JSON with Content-Type: application/json.");
  }
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError(413, `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw badRequest("The body is not valid JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw badRequest(
      "The body does not have the expected shape.",
      parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
    );
  }
  return parsed.data;
}

/** Path parameters are untrusted too; one of an impossible shape names nothing, so it is a 404 (docs/api.md). */
export function parseParam<T>(value: string, schema: z.ZodType<T>, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw notFound(`There is no ${what} "${value.slice(0, 40)}".`);
  return parsed.data;
}
