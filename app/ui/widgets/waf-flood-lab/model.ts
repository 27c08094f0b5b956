/**
 * The WAF flood lab's pure logic, composed from lib/sim's Simulation, seeded streams, arrival processes, a service-time
 * sampler, the latency histogram and the WAF rate-based rule. Legitimate users (one address each), an office of users sharing one NAT address,
 * and a botnet (many addresses, each sending fast) reach a web application firewall in front of a load balancer and
 * its origin instances. A rate-based rule counts each address's requests over a sliding evaluation window and, at
 * each periodic check, blocks the addresses above the limit (and unblocks those back under it). Allowed requests
 * queue at the origin's workers; a full queue answers 503. No React, so it is unit-tested.
 */
import {
  ArrivalProcess,
  LatencyHistogram,
  RateBasedRule,
  ServiceTimeSampler,
  Simulation,
  WAF_SLOT_MS,
  type LogEntry,
  type ServiceTimeSpec,
} from "@/lib/sim";

export const SEC_MS = 1_000;
export const MIN_MS = 60 * SEC_MS;
export const LAB_END_MS = 10 * MIN_MS;
export const BUCKET_MS = 5 * SEC_MS;
/** How often the simulated WAF re-evaluates every address (AWS checks "frequently"; this model uses once a slot, 10 s). */
export const CHECK_MS = WAF_SLOT_MS;

/** Legitimate users: one address each, each sending about one request every 10 s while browsing. */
export const LEGIT_USERS = 200;
export const USER_RATE_PER_SEC = 0.1;
/** An office whose users all share one public address (their company's NAT). */
export const OFFICE_USERS = 40;
/** The botnet starts here. */
export const FLOOD_START_MS = 60 * SEC_MS;

/** Origin: each instance runs 4 workers, exponential service with a 40 ms mean (≈ 100 req/s), 100 waiting at most. */
export const WORKERS_PER_INSTANCE = 4;
export const QUEUE_PER_INSTANCE = 100;
export const ORIGIN_SERVICE: ServiceTimeSpec = { kind: "exponential", meanMs: 40 };
export const CAPACITY_PER_INSTANCE = (WORKERS_PER_INSTANCE * 1000) / 40;

export const LIMITS = [0, 10, 100, 300, 1000, 3000, 10000] as const;
export const WINDOWS_SEC = [60, 120, 300, 600] as const;
export const BOT_COUNTS = [20, 50, 100] as const;
export const BOT_RATES = [1, 2, 5] as const;
export const INSTANCE_COUNTS = [2, 3, 4, 6] as const;

export interface WafConfig {
  /** Requests per address per evaluation window; 0 = no rate-based rule. */
  limit: number;
  windowSec: number;
  bots: number;
  botRatePerSec: number;
  instances: number;
  /** An allow rule for the office's known address, evaluated before the rate-based rule (so it never counts it). */
  exemptOffice: boolean;
}

export const DEFAULT_CONFIG: WafConfig = { limit: 0, windowSec: 300, bots: 100, botRatePerSec: 2, instances: 2, exemptOffice: false };

/** Address ids: 0…LEGIT_USERS − 1 users, then the office, then the bots. */
export const OFFICE_IP = LEGIT_USERS;
const firstBot = LEGIT_USERS + 1;

type Kind = 0 | 1 | 2; // user, office, bot

export interface Totals {
  legit: number;
  legitBlocked: number;
  legitErrors: number;
  bot: number;
  botBlocked: number;
  botAllowed: number;
  officeBlocked: number;
}

export interface Bucket {
  endSec: number;
  legitAllowed: number;
  botAllowed: number;
  blocked: number;
  errors: number;
  p95Ms: number | null;
}

export interface WafHandle {
  sim: Simulation<LogEntry>;
  config: WafConfig;
  /** The rate-based rule; null when the limit is 0 (no rule). */
  rule: RateBasedRule | null;
  busy: number;
  workers: number;
  maxQueue: number;
  queue: number[];
  queueHead: number;
  totals: Totals;
  legitLatency: LatencyHistogram;
  bucketLatency: LatencyHistogram;
  bucket: Omit<Bucket, "endSec" | "p95Ms">;
  buckets: Bucket[];
  blockedNow: { bots: number; office: boolean; users: number };
  sampler: ServiceTimeSampler;
  doneKind: number;
}

export function addressCount(config: WafConfig): number {
  return firstBot + config.bots;
}

export function originCapacity(config: WafConfig): number {
  return config.instances * CAPACITY_PER_INSTANCE;
}

/** Requests per window an address at this rate sends. */
export function perWindow(config: WafConfig, ratePerSec: number): number {
  return ratePerSec * config.windowSec;
}

export function createWafLab(config: WafConfig, seed: number): WafHandle {
  const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 100 });
  const h: WafHandle = {
    sim,
    config,
    rule: config.limit > 0 ? new RateBasedRule({ addresses: addressCount(config), limit: config.limit, windowMs: config.windowSec * SEC_MS }) : null,
    busy: 0,
    workers: config.instances * WORKERS_PER_INSTANCE,
    maxQueue: config.instances * QUEUE_PER_INSTANCE,
    queue: [],
    queueHead: 0,
    totals: { legit: 0, legitBlocked: 0, legitErrors: 0, bot: 0, botBlocked: 0, botAllowed: 0, officeBlocked: 0 },
    legitLatency: new LatencyHistogram(),
    bucketLatency: new LatencyHistogram(),
    bucket: { legitAllowed: 0, botAllowed: 0, blocked: 0, errors: 0 },
    buckets: [],
    blockedNow: { bots: 0, office: false, users: 0 },
    sampler: new ServiceTimeSampler(ORIGIN_SERVICE),
    doneKind: -1,
  };
  const sources: { kind: Kind; rate: number; start: number }[] = [
    { kind: 0, rate: LEGIT_USERS * USER_RATE_PER_SEC, start: 0 },
    { kind: 1, rate: OFFICE_USERS * USER_RATE_PER_SEC, start: 0 },
    { kind: 2, rate: config.bots * config.botRatePerSec, start: FLOOD_START_MS },
  ];
  const processes = sources.map((s) => new ArrivalProcess({ kind: "poisson", ratePerSec: s.rate }, s.start));
  const arrive = sim.defineEvent("waf/arrive", (src) => {
    const kind = src as Kind;
    const rng = sim.stream("waf/addresses");
    const ip = kind === 0 ? rng.int(LEGIT_USERS) : kind === 1 ? OFFICE_IP : firstBot + rng.int(config.bots);
    onRequest(h, kind, ip);
    const next = (processes[src] as ArrivalProcess).next(sim.nowMs, sim.stream(`waf/source-${src}`));
    if (next >= 0) sim.schedule(next, arrive, src);
  });
  processes.forEach((p, src) => {
    const first = p.next(sources[src]!.start, sim.stream(`waf/source-${src}`));
    if (first >= 0) sim.schedule(first, arrive, src);
  });
  h.doneKind = sim.defineEvent("waf/done", (arrivedAt, legit) => onDone(h, arrivedAt, legit === 1));
  const check = sim.defineEvent("waf/check", () => {
    evaluate(h);
    sim.schedule(sim.nowMs + CHECK_MS, check, 0, 0, -1);
  });
  sim.schedule(CHECK_MS, check, 0, 0, -1);
  const bucketKind = sim.defineEvent("waf/bucket", () => {
    h.buckets.push({ endSec: Math.round(sim.nowMs / SEC_MS), ...h.bucket, p95Ms: h.bucketLatency.quantileMs(0.95) });
    h.bucket = { legitAllowed: 0, botAllowed: 0, blocked: 0, errors: 0 };
    h.bucketLatency.reset();
    sim.schedule(sim.nowMs + BUCKET_MS, bucketKind, 0, 0, 1);
  });
  sim.schedule(BUCKET_MS, bucketKind, 0, 0, 1);
  return h;
}

function onRequest(h: WafHandle, kind: Kind, ip: number): void {
  const t = h.totals;
  const exempt = kind === 1 && h.config.exemptOffice;
  // The allow rule runs first, so the rate-based rule never counts (and so never blocks) the exempted office.
  if (h.rule && !exempt) h.rule.count(ip, h.sim.nowMs);
  const isBot = kind === 2;
  if (isBot) t.bot++;
  else t.legit++;
  if (h.rule?.isBlocked(ip)) {
    h.bucket.blocked++;
    if (isBot) t.botBlocked++;
    else {
      t.legitBlocked++;
      if (kind === 1) t.officeBlocked++;
    }
    return;
  }
  if (isBot) {
    t.botAllowed++;
    h.bucket.botAllowed++;
  } else h.bucket.legitAllowed++;
  if (h.busy < h.workers) start(h, h.sim.nowMs, !isBot);
  else if (h.queue.length / 2 - h.queueHead < h.maxQueue) h.queue.push(h.sim.nowMs, isBot ? 0 : 1);
  else {
    h.bucket.errors++;
    if (!isBot) t.legitErrors++;
  }
}

function start(h: WafHandle, arrivedAt: number, legit: boolean): void {
  h.busy++;
  h.sim.schedule(h.sim.nowMs + h.sampler.sample(h.sim.stream("waf/origin")), h.doneKind, arrivedAt, legit ? 1 : 0);
}

function onDone(h: WafHandle, arrivedAt: number, legit: boolean): void {
  h.busy--;
  if (legit) {
    const ms = h.sim.nowMs - arrivedAt;
    h.legitLatency.record(ms);
    h.bucketLatency.record(ms);
  }
  if (h.queueHead * 2 < h.queue.length) {
    const at = h.queue[h.queueHead * 2] as number;
    const isLegit = h.queue[h.queueHead * 2 + 1] === 1;
    h.queueHead++;
    if (h.queueHead > 4096) {
      h.queue = h.queue.slice(h.queueHead * 2);
      h.queueHead = 0;
    }
    start(h, at, isLegit);
  }
}

/** The periodic check: the rule re-evaluates every address, then the lab counts who is blocked now. */
function evaluate(h: WafHandle): void {
  const { rule } = h;
  if (!rule) return;
  rule.evaluate(h.sim.nowMs);
  let bots = 0;
  let users = 0;
  for (let ip = 0; ip < addressCount(h.config); ip++) {
    if (!rule.isBlocked(ip)) continue;
    if (ip >= firstBot) bots++;
    else if (ip !== OFFICE_IP) users++;
  }
  h.blockedNow = { bots, office: rule.isBlocked(OFFICE_IP), users };
}

export interface WafView {
  nowMs: number;
  totals: Totals;
  blockedNow: { bots: number; office: boolean; users: number };
  legitP95Ms: number | null;
  recent: Bucket | null;
  buckets: Bucket[];
  queue: number;
}

export function viewWafLab(h: WafHandle): WafView {
  return {
    nowMs: h.sim.nowMs,
    totals: { ...h.totals },
    blockedNow: { ...h.blockedNow },
    legitP95Ms: h.legitLatency.quantileMs(0.95),
    recent: h.buckets[h.buckets.length - 1] ?? null,
    buckets: h.buckets.slice(),
    queue: h.queue.length / 2 - h.queueHead,
  };
}

const pct = (num: number, den: number) => (den === 0 ? "—" : `${((num / den) * 100).toFixed(1)} %`);

export function ruleLabel(config: WafConfig): string {
  return config.limit === 0
    ? "no rate-based rule"
    : `a rate-based rule blocking addresses above ${config.limit.toLocaleString("en-US")} requests per ${config.windowSec / 60} min${config.exemptOffice ? ", the office's address exempted" : ""}`;
}

/** The aria-live summary: set-up, then results when paused or finished (quiet while playing). */
export function statusMessage(config: WafConfig, v: WafView, state: { playing: boolean; ended: boolean }): string {
  const setup = `${config.bots} bots at ${config.botRatePerSec} req/s each against ${config.instances} origin instances, ${ruleLabel(config)}.`;
  if (v.nowMs === 0) return `${setup} The flood starts at 1 min. Press Play.`;
  if (state.playing) return v.nowMs < FLOOD_START_MS ? `Normal traffic. ${setup}` : `Flood under way. Pause to hear the numbers.`;
  const t = v.totals;
  const office = v.blockedNow.office ? " The office's shared address is blocked." : "";
  const results = `Bot requests blocked: ${pct(t.botBlocked, t.bot)}. Legitimate requests wrongly blocked: ${t.legitBlocked.toLocaleString("en-US")} (${pct(t.legitBlocked, t.legit)}), failed at the origin (503): ${t.legitErrors.toLocaleString("en-US")}. Legitimate p95 latency: ${v.legitP95Ms === null ? "—" : `${Math.round(v.legitP95Ms)} ms`}.${office}`;
  return `${state.ended ? "Run finished" : `Paused at ${Math.round(v.nowMs / SEC_MS)} s`}. ${results}`;
}
