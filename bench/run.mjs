// `npm run bench`: serves the production build on a private port with a fresh database, then measures
//   1. the Day 2 lesson page: requests/s with 50 concurrent connections (autocannon, 10 s);
//   2. attempt submit: p50/p99 latency with 50 concurrent signed-in clients, each looping start → submit (Day 1
//      quiz: it has no cooldown, so a client can retake at once).
//   3. the dashboard's server render time for a learner with 30 days × 5 attempts (sequential requests).
// Prints numbers; asserts nothing (speed goals are read, not tested).
import { execFileSync } from "node:child_process";
import autocannon from "autocannon";
import { startServer } from "./server.mjs";

const CLIENTS = 50;
const SUBMIT_SECONDS = Number(process.env.BENCH_SUBMIT_SECONDS ?? 15);
const { base, ready, stop } = startServer({ port: Number(process.env.BENCH_PORT ?? 3200), database: "bench.db" });

/** A signed-in client: creates an account and keeps next-auth's session cookie. */
async function signedInClient(i) {
  const email = `bench-${i}-${Date.now()}@example.test`;
  const password = "bench-password-123";
  const created = await fetch(`${base}/api/account`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: `Bench ${i}`, email, password }),
  });
  if (created.status !== 201) throw new Error(`account: ${created.status}`);
  return signIn(email, password);
}

async function signIn(email, password) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  keep(csrf);
  const { csrfToken } = await csrf.json();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(login);
  return { cookie: cookie() };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  await ready;
  const page = await autocannon({ url: `${base}/day/2`, connections: CLIENTS, duration: 10 });
  const clients = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => signedInClient(i)));
  const latencies = [];
  let errors = 0;
  const until = Date.now() + SUBMIT_SECONDS * 1000;
  await Promise.all(
    clients.map(async ({ cookie }) => {
      while (Date.now() < until) {
        const started = await fetch(`${base}/api/quizzes/day-01/attempts`, { method: "POST", headers: { cookie } });
        const { id, questions } = await started.json();
        const responses = Object.fromEntries(
          questions.filter((q) => q.type === "true-false").map((q) => [q.id, { type: "true-false", value: true }]),
        );
        const t0 = performance.now();
        const res = await fetch(`${base}/api/attempts/${id}/submit`, {
          method: "POST",
          headers: { cookie, "content-type": "application/json" },
          body: JSON.stringify({ responses }),
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (!res.ok) errors += 1;
      }
    }),
  );
  latencies.sort((a, b) => a - b);

  const seeded = JSON.parse(
    execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "bench/seed-dashboard-learner.ts"], {
      env: { ...process.env, DATABASE_URL: "file:data/bench.db" },
      encoding: "utf8",
    }).trim().split("\n").at(-1),
  );
  const heavy = await signIn(seeded.email, seeded.password);
  const renders = [];
  for (let i = 0; i < 120; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/dashboard`, { headers: { cookie: heavy.cookie } });
    const html = await res.text();
    if (i >= 20) renders.push(performance.now() - t0);
    if (!res.ok || !html.includes("Welcome back")) throw new Error(`dashboard: ${res.status}`);
  }
  renders.sort((a, b) => a - b);
  const result = {
    day2Page: { connections: CLIENTS, requestsPerSec: Math.round(page.requests.average), p50Ms: page.latency.p50, p99Ms: page.latency.p99, non2xx: page.non2xx },
    attemptSubmit: {
      clients: CLIENTS,
      submits: latencies.length,
      p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
      p99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
      errors,
    },
    dashboard: {
      learner: "30 days × 5 attempts × 10 responses",
      requests: renders.length,
      p50Ms: Math.round(percentile(renders, 50) * 10) / 10,
      p99Ms: Math.round(percentile(renders, 99) * 10) / 10,
    },
  };
  console.log(JSON.stringify(result, null, 2));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stop);
