import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { signedInRequest } from "./helpers";

/**
 * Posts well over 1,000 malformed or adversarial requests across the JSON API as a signed-in learner and asserts
 * that none is answered with a 5xx: bad input is always the client's error (4xx with a JSON message).
 */
test("1,000+ malformed requests across the API: zero 5xx", async ({ request }) => {
  test.setTimeout(180_000);
  await signedInRequest(request, "Fuzzer");
  const started = await request.post("/api/quizzes/day-02/attempts");
  const { id: attemptId } = (await started.json()) as { id: string };

  const seed = 20261122;
  const bodies = fc.sample(
    fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 4 }).map((j) => j),
      fc.anything({ maxDepth: 3 }).map((v) => {
        try {
          return JSON.stringify(v) ?? "null";
        } catch {
          return "{}";
        }
      }),
      // Near-misses of the real shapes, which exercise the validators rather than the JSON parser.
      fc.record({ responses: fc.dictionary(fc.string({ maxLength: 30 }), fc.anything({ maxDepth: 2 })) }).map((v) => JSON.stringify(v)),
      fc
        .record({
          responses: fc.dictionary(
            fc.constantFrom("vm-definition", "type-1", "q1", "__proto__", "constructor", ""),
            fc.record({
              type: fc.constantFrom("single", "multiple", "true-false", "numeric", "ordering", "matching", "essay"),
              optionId: fc.oneof(fc.string(), fc.integer()),
              optionIds: fc.array(fc.oneof(fc.string(), fc.constant(null))),
              value: fc.oneof(fc.double(), fc.boolean(), fc.string(), fc.constant(null)),
              itemIds: fc.array(fc.string(), { maxLength: 30 }),
              matches: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.constant(null), fc.integer())),
            }, { requiredKeys: ["type"] }),
          ),
        })
        .map((v) => JSON.stringify(v)),
      fc.record({ name: fc.string(), email: fc.string(), password: fc.string() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
      fc.constantFrom("", "{", "[]", "null", "true", "1e999", '{"responses":null}', '{"__proto__":{"x":1}}', "\u0000", "💥".repeat(50)),
    ),
    { seed, numRuns: 1100 },
  );
  const weirdIds = fc.sample(
    fc.oneof(fc.string({ minLength: 1, maxLength: 60 }), fc.constantFrom("..", "%00", "day-99", "DAY-02", "0", "-1", "1e3", attemptId.toUpperCase())),
    { seed, numRuns: 200 },
  );
  const contentTypes = ["application/json", "text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-8"];

  const targets = (i: number): { method: "GET" | "POST" | "PATCH" | "DELETE"; url: string } => {
    const id = encodeURIComponent(weirdIds[i % weirdIds.length] ?? "x");
    switch (i % 11) {
      case 0:
      case 1:
      case 2:
        return { method: "POST", url: `/api/attempts/${attemptId}/submit` };
      case 3:
        return { method: "POST", url: `/api/attempts/${id}/submit` };
      case 4:
        return { method: "POST", url: "/api/account" };
      case 5:
        return { method: "POST", url: `/api/quizzes/${id}/attempts` };
      case 6:
        return { method: "GET", url: `/api/attempts/${id}` };
      case 8:
        return { method: "POST", url: `/api/review/${i % 2 ? id : "clxxxxxxxxxxxxxxxxxxxxxxx"}/${i % 3 ? "check" : "rate"}` };
      case 9:
        return { method: "PATCH", url: "/api/account" };
      case 10:
        return { method: "DELETE", url: "/api/account" };
      default:
        return { method: "POST", url: `/api/lessons/${id}/${i % 2 ? "open" : "complete"}` };
    }
  };

  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const batch = 20;
  for (let start = 0; start < bodies.length; start += batch) {
    await Promise.all(
      bodies.slice(start, start + batch).map(async (body, k) => {
        const i = start + k;
        const { method, url } = targets(i);
        const response = await request.fetch(url, {
          method,
          headers: { "content-type": contentTypes[i % contentTypes.length] ?? "application/json" },
          data: method === "GET" ? undefined : body,
          failOnStatusCode: false,
        });
        const status = response.status();
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500) failures.push(`${method} ${url} ${status} body=${body.slice(0, 120)}`);
        if (status >= 400 && status !== 404 && status !== 405) {
          const type = response.headers()["content-type"] ?? "";
          if (type.includes("application/json")) expect(typeof (await response.json()).error).toBe("string");
        }
      }),
    );
  }
  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  console.log(`fuzz: ${total} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  expect(total).toBeGreaterThanOrEqual(1000);
  expect(failures).toEqual([]);
});

/** Every route file under app/api, with the methods it implements (read from its exports) and an address for it. */
function apiRoutes(): { url: string; file: string; methods: string[] }[] {
  const root = path.join(process.cwd(), "app", "api");
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "route.ts");
  return files.map((file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) =>
      new RegExp(`export (const|async function) ${m}\\b|as ${m}\\b`).test(source),
    );
    const segments = path.dirname(file).split(path.sep).map((s) => (s.startsWith("[...") ? "session" : s.startsWith("[") ? "clxxxxxxxxxxxxxxxxxxxxxxx" : s));
    return { url: `/api/${segments.join("/")}`, file, methods };
  });
}

test("every API address answers a method it does not take with 405, a JSON message and an Allow header; OPTIONS lists only its own", async ({ request }) => {
  const routes = apiRoutes();
  expect(routes.length).toBeGreaterThan(20);
  for (const { url, file, methods } of routes) {
    expect(methods.length, file).toBeGreaterThan(0);
    const options = await request.fetch(url, { method: "OPTIONS", failOnStatusCode: false });
    expect(options.status(), `OPTIONS ${url}`).toBe(204);
    const expected = [...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"];
    expect((options.headers()["allow"] ?? "").split(", ").sort(), `OPTIONS ${url}`).toEqual(expected.sort());
    // HEAD follows GET: where GET is refused, so is HEAD (with no body to read).
    if (!methods.includes("GET")) {
      const head = await request.fetch(url, { method: "HEAD", failOnStatusCode: false });
      expect(head.status(), `HEAD ${url}`).toBe(405);
      expect((head.headers()["allow"] ?? "").split(", ").sort(), `HEAD ${url}`).toEqual([...expected].sort());
    }
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !methods.includes(m))) {
      const response = await request.fetch(url, { method, failOnStatusCode: false });
      expect(response.status(), `${method} ${url}`).toBe(405);
      expect((await response.json()).error, `${method} ${url}`).toMatch(/^This address accepts [A-Z, ]+( and [A-Z]+)? only\.$/);
      expect((response.headers()["allow"] ?? "").split(", ").sort(), `${method} ${url}`).toEqual(expected.sort());
    }
  }
});
