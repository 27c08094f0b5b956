/**
 * The pure side of CredentialExposureLab. Two parts:
 *
 * 1. An IAM policy evaluator (single account, in the order of AWS's evaluation flowchart, without resource-based,
 *    RCP or session policies): explicit deny anywhere wins; otherwise the SCP (when the account is in an organisation
 *    with one attached), an identity-based policy and the permissions boundary (when set) must all allow; anything
 *    else is an implicit deny. It decides which actions on the account's resources the
 *    application's identity may perform: the blast radius of a leak.
 * 2. A seeded simulation on lib/sim: credentials leak at random (a Poisson process), and the same leaks are replayed
 *    against three ways of holding credentials: a long-lived access key (usable until someone notices and revokes
 *    it), an access key rotated every N days, and temporary role credentials that expire after S hours. Each leak
 *    is usable until its credential expires or is revoked, whichever comes first, unless the identity may create
 *    new access keys (then the attacker makes their own and keeps access until the clean-up).
 *
 * Deterministic and React-free (tests/unit/widgets/credential-exposure-lab.test.ts). All rates are illustrative.
 */
import { ArrivalProcess, DAY_MS, HOUR_MS, Simulation, type LogEntry } from "@/lib/sim";

export const YEAR_MS = 365 * DAY_MS;

/* ---------------------------------------------------------------------------------------------------------------- */
/* Policy evaluation                                                                                                   */

export interface Statement {
  effect: "Allow" | "Deny";
  /** Action patterns such as "s3:GetObject", "s3:*" or "*" (matched case-insensitively, as IAM does). */
  actions: string[];
  /** Resource ARN patterns; "*" and "?" are wildcards (matched case-sensitively). */
  resources: string[];
}

export interface Policy {
  name: string;
  statements: Statement[];
}

export interface PolicySet {
  identity: Policy[];
  /** Service control policies of the organisation; null when the account is not governed by one. */
  scp: Policy | null;
  /** The permissions boundary on the identity; null when none is set. */
  boundary: Policy | null;
}

export interface Request {
  action: string;
  resource: string;
}

export interface Decision {
  allowed: boolean;
  /** "explicit-deny", "not-allowed-by-scp", "not-allowed-by-boundary", "implicit-deny" or "allow". */
  reason: "explicit-deny" | "not-allowed-by-scp" | "not-allowed-by-boundary" | "implicit-deny" | "allow";
  /** The evaluation, step by step, in words. */
  steps: string[];
}

function globToRegExp(pattern: string, flags: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, flags);
}

export function matches(s: Statement, r: Request): boolean {
  return (
    s.actions.some((a) => globToRegExp(a, "i").test(r.action)) && s.resources.some((p) => globToRegExp(p, "").test(r.resource))
  );
}

const has = (policies: Policy[], effect: Statement["effect"], r: Request) =>
  policies.find((p) => p.statements.some((s) => s.effect === effect && matches(s, r)));

/** AWS's evaluation logic for one request inside one account (no resource-based or session policies). */
export function evaluate(set: PolicySet, r: Request): Decision {
  const all = [...set.identity, ...(set.scp ? [set.scp] : []), ...(set.boundary ? [set.boundary] : [])];
  const steps: string[] = [];
  const denier = has(all, "Deny", r);
  if (denier) {
    steps.push(`1. Explicit deny in “${denier.name}” matches: DENY. Nothing can override an explicit deny.`);
    return { allowed: false, reason: "explicit-deny", steps };
  }
  steps.push("1. No policy explicitly denies the request.");
  if (set.scp) {
    if (!has([set.scp], "Allow", r)) {
      steps.push(`2. The organisation's SCP “${set.scp.name}” does not allow it: DENY (implicit).`);
      return { allowed: false, reason: "not-allowed-by-scp", steps };
    }
    steps.push(`2. The SCP “${set.scp.name}” allows it (an SCP only sets the maximum; it grants nothing itself).`);
  } else steps.push("2. No SCP applies.");
  const granter = has(set.identity, "Allow", r);
  if (!granter) {
    steps.push("3. No identity-based policy allows it: DENY (the default, implicit deny).");
    return { allowed: false, reason: "implicit-deny", steps };
  }
  steps.push(`3. The identity-based policy “${granter.name}” allows it.`);
  if (set.boundary) {
    if (!has([set.boundary], "Allow", r)) {
      steps.push(`4. The permissions boundary “${set.boundary.name}” does not allow it: DENY (implicit).`);
      return { allowed: false, reason: "not-allowed-by-boundary", steps };
    }
    steps.push(`4. The permissions boundary “${set.boundary.name}” allows it too (a limit, not a grant): ALLOW.`);
  } else steps.push("4. No permissions boundary is set: ALLOW.");
  return { allowed: true, reason: "allow", steps };
}

/* The account the lab models: a few resources and the actions that matter on them. */

export interface InventoryItem extends Request {
  label: string;
  /** Lets the caller create new long-term credentials (persistence for an attacker). */
  mintsCredentials?: boolean;
}

const S3 = (bucket: string) => `arn:aws:s3:::${bucket}/*`;
const ACCOUNT = "111122223333";
export const INVENTORY: readonly InventoryItem[] = [
  { label: "Read an invoice (S3 invoices)", action: "s3:GetObject", resource: S3("invoices") },
  { label: "Upload an invoice (S3 invoices)", action: "s3:PutObject", resource: S3("invoices") },
  { label: "Read a backup (S3 backups)", action: "s3:GetObject", resource: S3("backups") },
  { label: "Delete a backup (S3 backups)", action: "s3:DeleteObject", resource: S3("backups") },
  { label: "Read a log file (S3 logs)", action: "s3:GetObject", resource: S3("logs") },
  { label: "Read a customer (DynamoDB customers)", action: "dynamodb:GetItem", resource: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/customers` },
  { label: "Write an order (DynamoDB orders)", action: "dynamodb:PutItem", resource: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/orders` },
  { label: "Terminate a web server (EC2)", action: "ec2:TerminateInstances", resource: `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/i-0abc` },
  { label: "Decrypt with the data key (KMS)", action: "kms:Decrypt", resource: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd` },
  {
    label: "Create an access key for an admin user (IAM)",
    action: "iam:CreateAccessKey",
    resource: `arn:aws:iam::${ACCOUNT}:user/admin`,
    mintsCredentials: true,
  },
];

export type Scope = "admin" | "s3-full" | "least-privilege";

export const SCOPES: Record<Scope, { label: string; policy: Policy }> = {
  admin: {
    label: "Administrator: Action *, Resource *",
    policy: { name: "AdministratorAccess", statements: [{ effect: "Allow", actions: ["*"], resources: ["*"] }] },
  },
  "s3-full": {
    label: "All of S3: Action s3:*, Resource *",
    policy: { name: "S3FullAccess", statements: [{ effect: "Allow", actions: ["s3:*"], resources: ["*"] }] },
  },
  "least-privilege": {
    label: "Least privilege: read and upload invoices only",
    policy: {
      name: "InvoicesReadWrite",
      statements: [{ effect: "Allow", actions: ["s3:GetObject", "s3:PutObject"], resources: [S3("invoices")] }],
    },
  },
};

export interface Guardrails {
  /** An SCP that allows everything except IAM actions. */
  scpDenyIam: boolean;
  /** A permissions boundary: S3 and DynamoDB only. */
  boundary: boolean;
  /** An explicit deny on deleting backups, added to the identity's policies. */
  denyBackupDelete: boolean;
}

export const NO_GUARDRAILS: Guardrails = { scpDenyIam: false, boundary: false, denyBackupDelete: false };

export function policySet(scope: Scope, g: Guardrails): PolicySet {
  const identity: Policy[] = [SCOPES[scope].policy];
  if (g.denyBackupDelete) {
    identity.push({ name: "ProtectBackups", statements: [{ effect: "Deny", actions: ["s3:DeleteObject"], resources: [S3("backups")] }] });
  }
  return {
    identity,
    scp: g.scpDenyIam
      ? {
          name: "DenyIamChanges",
          statements: [
            { effect: "Allow", actions: ["*"], resources: ["*"] },
            { effect: "Deny", actions: ["iam:*"], resources: ["*"] },
          ],
        }
      : null,
    boundary: g.boundary
      ? { name: "AppBoundary", statements: [{ effect: "Allow", actions: ["s3:*", "dynamodb:*"], resources: ["*"] }] }
      : null,
  };
}

export interface BlastRadius {
  /** Inventory actions the identity is allowed. */
  allowed: InventoryItem[];
  total: number;
  /** The identity may create long-term credentials: a leak of it gives the attacker persistence. */
  persistence: boolean;
}

export function blastRadius(scope: Scope, g: Guardrails): BlastRadius {
  const set = policySet(scope, g);
  const allowed = INVENTORY.filter((item) => evaluate(set, item).allowed);
  return { allowed, total: INVENTORY.length, persistence: allowed.some((i) => i.mintsCredentials) };
}

/* ---------------------------------------------------------------------------------------------------------------- */
/* Exposure simulation                                                                                                 */

export const STRATEGIES = ["long-lived", "rotated", "role"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const STRATEGY_LABELS: Record<Strategy, string> = {
  "long-lived": "Long-lived access key",
  rotated: "Access key, rotated",
  role: "Role (temporary credentials)",
};

export interface ExposureConfig {
  leaksPerYear: number;
  /** Time from a leak until someone notices and revokes the credential (and cleans up anything the attacker made). */
  detectHours: number;
  rotationDays: number;
  sessionHours: number;
  scope: Scope;
  guardrails: Guardrails;
}

export const DEFAULT_CONFIG: ExposureConfig = {
  leaksPerYear: 6,
  detectHours: 30 * 24,
  rotationDays: 90,
  sessionHours: 1,
  scope: "admin",
  guardrails: NO_GUARDRAILS,
};

export const LEAK_RATE_CHOICES = [2, 6, 12] as const;
export const DETECT_CHOICES_HOURS = [1, 24, 7 * 24, 30 * 24, 180 * 24] as const;
export const ROTATION_CHOICES_DAYS = [1, 7, 30, 90, 365] as const;
export const SESSION_CHOICES_HOURS = [0.25, 1, 4, 12] as const;

/** How long one credential stays valid from issue, for each strategy (Infinity: until revoked). */
export function validityMs(c: ExposureConfig, s: Strategy): number {
  if (s === "long-lived") return Infinity;
  return s === "rotated" ? c.rotationDays * DAY_MS : c.sessionHours * HOUR_MS;
}

/**
 * How long a credential leaked at `leakMs` stays usable: until it expires (credentials are issued at 0, P, 2P…)
 * or is revoked `detectHours` after the leak, whichever is first; with persistence, until the clean-up.
 */
export function windowMs(c: ExposureConfig, s: Strategy, leakMs: number, persistence: boolean): number {
  const detect = c.detectHours * HOUR_MS;
  if (persistence) return detect;
  const p = validityMs(c, s);
  if (!Number.isFinite(p)) return detect;
  const expiresAt = (Math.floor(leakMs / p) + 1) * p;
  return Math.min(expiresAt - leakMs, detect);
}

/** Expected usable time of one leak at a uniformly random moment: E[min(U·P, D)] (U uniform on 0–1). */
export function expectedWindowMs(c: ExposureConfig, s: Strategy, persistence: boolean): number {
  const d = c.detectHours * HOUR_MS;
  const p = validityMs(c, s);
  if (persistence || !Number.isFinite(p)) return d;
  return d >= p ? p / 2 : d - (d * d) / (2 * p);
}

export interface Leak {
  atMs: number;
  /** Usable window per strategy, in ms. */
  windows: Record<Strategy, number>;
}

export interface ExposureSample {
  days: number;
  /** Cumulative credential-hours the attacker could use so far, per strategy. */
  hours: Record<Strategy, number>;
}

export interface ExposureHandle {
  sim: Simulation<LogEntry>;
  config: ExposureConfig;
  radius: BlastRadius;
  leaks: Leak[];
  /** Windows still open now, per strategy. */
  open: Record<Strategy, number>;
  samples: ExposureSample[];
}

export const RUN_MS = YEAR_MS;
const SAMPLE_EVERY_MS = DAY_MS;

const zero = (): Record<Strategy, number> => ({ "long-lived": 0, rotated: 0, role: 0 });

/** Credential-hours used up to `nowMs` (windows accrue as time passes). */
export function accruedHours(leaks: readonly Leak[], nowMs: number): Record<Strategy, number> {
  const out = zero();
  for (const l of leaks) {
    if (l.atMs > nowMs) continue;
    for (const s of STRATEGIES) out[s] += Math.min(l.windows[s], nowMs - l.atMs) / HOUR_MS;
  }
  return out;
}

/**
 * A fresh run at t = 0. Leaks arrive as a Poisson process (an ArrivalProcess on the "credential-lab/leaks" stream); each
 * leak schedules, per strategy, the moment its window closes; a daily sample records cumulative exposure.
 * Scripted `leakTimesMs` replace the random leaks (for tests and quiz questions).
 */
export function createExposureLab(config: ExposureConfig, seed: number, leakTimesMs?: readonly number[]): ExposureHandle {
  const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 1_000 });
  const radius = blastRadius(config.scope, config.guardrails);
  const h: ExposureHandle = { sim, config, radius, leaks: [], open: zero(), samples: [{ days: 0, hours: zero() }] };

  const close = sim.defineEvent("credential-lab/window-closed", (strategy) => {
    const s = STRATEGIES[strategy] as Strategy;
    h.open[s] -= 1;
    sim.emit({ type: "window-closed", atMs: sim.nowMs });
  });
  const onLeak = (atMs: number) => {
    const windows = zero();
    STRATEGIES.forEach((s, i) => {
      windows[s] = windowMs(config, s, atMs, radius.persistence);
      h.open[s] += 1;
      sim.schedule(atMs + windows[s], close, i, h.leaks.length);
    });
    h.leaks.push({ atMs, windows });
    sim.emit({ type: "credential-leaked", atMs });
  };
  // ArrivalProcess rejects a zero rate; a vanishing one simply leaks nothing within the year.
  const arrivals = new ArrivalProcess({ kind: "poisson", ratePerSec: Math.max(config.leaksPerYear, 1e-9) / (YEAR_MS / 1000) });
  const leak = sim.defineEvent("credential-lab/leak", (_a, _b, atMs) => {
    onLeak(atMs);
    const next = arrivals.next(atMs, sim.stream("credential-lab/leaks"));
    if (next <= RUN_MS) sim.schedule(next, leak);
  });
  const scripted = sim.defineEvent("credential-lab/scripted-leak", (_a, _b, atMs) => onLeak(atMs));
  if (leakTimesMs) for (const t of leakTimesMs) sim.schedule(t, scripted);
  else {
    const first = arrivals.next(0, sim.stream("credential-lab/leaks"));
    if (first <= RUN_MS) sim.schedule(first, leak);
  }
  const sample = sim.defineEvent("credential-lab/sample", (_a, _b, atMs) => {
    h.samples.push({ days: atMs / DAY_MS, hours: accruedHours(h.leaks, atMs) });
    if (atMs + SAMPLE_EVERY_MS <= RUN_MS) sim.schedule(atMs + SAMPLE_EVERY_MS, sample, 0, 0, 1);
  });
  sim.schedule(SAMPLE_EVERY_MS, sample, 0, 0, 1);
  return h;
}

export interface StrategyResult {
  strategy: Strategy;
  /** Credential-hours usable by attackers so far. */
  hours: number;
  /** Longest single window so far, in hours. */
  longestHours: number;
  /** Windows still open. */
  open: number;
  /** Expected hours per leak (closed form). */
  expectedPerLeakHours: number;
  /** Allowed actions × hours: exposure weighted by the blast radius. */
  actionHours: number;
}

export interface ExposureView {
  nowMs: number;
  leaks: Leak[];
  results: StrategyResult[];
  radius: BlastRadius;
  samples: ExposureSample[];
}

export function viewExposureLab(h: ExposureHandle): ExposureView {
  const now = h.sim.nowMs;
  const accrued = accruedHours(h.leaks, now);
  const results = STRATEGIES.map((s) => {
    let longest = 0;
    for (const l of h.leaks) if (l.atMs <= now) longest = Math.max(longest, Math.min(l.windows[s], now - l.atMs));
    return {
      strategy: s,
      hours: accrued[s],
      longestHours: longest / HOUR_MS,
      open: h.open[s],
      expectedPerLeakHours: expectedWindowMs(h.config, s, h.radius.persistence) / HOUR_MS,
      actionHours: accrued[s] * h.radius.allowed.length,
    };
  });
  return { nowMs: now, leaks: h.leaks.filter((l) => l.atMs <= now), results, radius: h.radius, samples: [...h.samples] };
}

export function runExposureLab(config: ExposureConfig, seed = 1, leakTimesMs?: readonly number[]): ExposureView {
  const h = createExposureLab(config, seed, leakTimesMs);
  h.sim.runUntil(RUN_MS);
  return viewExposureLab(h);
}

/** "45 min", "6.5 h", "12 days". */
export function formatHours(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} h`;
  const days = hours / 24;
  return `${days < 10 ? days.toFixed(1) : Math.round(days)} days`;
}

export function statusMessage(v: ExposureView, ended: boolean, playing: boolean): string {
  const by = (s: Strategy) => v.results.find((r) => r.strategy === s) as StrategyResult;
  const radius = `${v.radius.allowed.length} of ${v.radius.total} actions allowed${v.radius.persistence ? ", including creating new access keys" : ""}`;
  const totals = STRATEGIES.map((s) => `${STRATEGY_LABELS[s].toLowerCase()} ${formatHours(by(s).hours)}`).join("; ");
  const n = v.leaks.length;
  if (playing) return `Running a simulated year: ${n} leak${n === 1 ? "" : "s"} so far. Results are announced when you pause.`;
  if (v.nowMs === 0) return `Ready. Blast radius: ${radius}. Press Play to let credentials leak at random through a simulated year.`;
  const when = ended ? "After one simulated year" : `Paused at day ${Math.floor(v.nowMs / DAY_MS)}`;
  return `${when}: ${n} leak${n === 1 ? "" : "s"}. Attacker-usable time: ${totals}. Blast radius: ${radius}.`;
}
