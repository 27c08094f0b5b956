/**
 * The pure simulation side of AvailabilityLab: a load balancer → N app instances across AZs → database (primary,
 * optional standby), each part failing and being repaired at random (FailureModel), measured by an
 * AvailabilityMonitor and compared with the closed-form formulas. Deterministic and React-free, so it is testable
 * (tests/unit/widgets/availability-lab.test.ts).
 */
import {
  AvailabilityMonitor,
  FailureModel,
  Simulation,
  availabilityFromMtbf,
  downtimePerYearMs,
  kOfNAvailability,
  parallelAvailability,
  type AvailabilityLogEntry,
  type AvailabilityView,
  type Fault,
  type FailureLogEntry,
  type FaultSink,
  type RandomComponent,
  type SystemSpec,
} from "@/lib/sim";

export const HOUR_MS = 3_600_000;
export const YEAR_MS = 365 * 24 * HOUR_MS;
/** Chart samples per run, whatever its length. */
export const SAMPLES = 200;

/** Illustrative reliability figures for the parts the learner does not tune. */
export const LB = { mtbfHours: 8_760, mttrHours: 0.25 } as const;
export const DB_MTBF_HOURS = 4_380;
export const AZ_OUTAGE = { mtbfHours: 17_520, mttrHours: 4 } as const;
export const AZ_IDS = ["a", "b", "c"] as const;

export interface AvailabilityLabConfig {
  /** App instances, spread round-robin over the AZs. */
  instances: number;
  /** How many app instances must be up to carry the load. */
  needed: number;
  azs: 1 | 2 | 3;
  appMtbfHours: number;
  appMttrHours: number;
  /** A standby database in a second AZ (failover assumed instant). */
  dbStandby: boolean;
  /** Time to repair or restore a failed database copy. */
  dbMttrHours: number;
  /** Whole-AZ outages (correlated failures). */
  azOutages: boolean;
  years: number;
}

export const DEFAULT_CONFIG: AvailabilityLabConfig = {
  instances: 1,
  needed: 1,
  azs: 1,
  appMtbfHours: 720,
  appMttrHours: 0.5,
  dbStandby: false,
  dbMttrHours: 4,
  azOutages: false,
  years: 10,
};

export const APP_MTBF_CHOICES = [168, 720, 2_190, 8_760] as const;
export const APP_MTTR_CHOICES = [0.1, 0.5, 4, 24] as const;
export const DB_MTTR_CHOICES = [0.5, 4, 24] as const;
export const YEAR_CHOICES = [1, 10, 100] as const;

/** The configuration with its numbers pulled into range (needed ≤ instances, and so on). */
export function normalize(c: AvailabilityLabConfig): AvailabilityLabConfig {
  const instances = Math.min(9, Math.max(1, Math.round(c.instances)));
  return { ...c, instances, needed: Math.min(instances, Math.max(1, Math.round(c.needed))) };
}

export const appId = (i: number) => `app-${i + 1}`;
export const azOfInstance = (i: number, azs: number) => AZ_IDS[i % azs] as string;
export const standbyAz = (azs: number) => (azs > 1 ? "b" : "a");

export interface PartAvailability {
  lb: number;
  app: number;
  db: number;
  az: number;
}

export function partAvailability(c: AvailabilityLabConfig): PartAvailability {
  return {
    lb: availabilityFromMtbf(LB.mtbfHours, LB.mttrHours),
    app: availabilityFromMtbf(c.appMtbfHours, c.appMttrHours),
    db: availabilityFromMtbf(DB_MTBF_HOURS, c.dbMttrHours),
    az: c.azOutages ? availabilityFromMtbf(AZ_OUTAGE.mtbfHours, AZ_OUTAGE.mttrHours) : 1,
  };
}

/** The formula that ignores AZs: LB × (k of N app instances) × (primary ∥ standby), every part independent. */
export function independentFormula(config: AvailabilityLabConfig): number {
  const c = normalize(config);
  const a = partAvailability(c);
  const app = kOfNAvailability(c.needed, new Array<number>(c.instances).fill(a.app));
  const db = parallelAvailability(c.dbStandby ? [a.db, a.db] : [a.db]);
  return a.lb * app * db;
}

/**
 * The exact steady-state availability with AZ outages: condition on which AZs are up (each independently with
 * A_az), mark everything in a down AZ as down, and apply the formulas to the rest. Equals the independent formula
 * when AZ outages are off.
 */
export function azAwareFormula(config: AvailabilityLabConfig): number {
  const c = normalize(config);
  const a = partAvailability(c);
  let total = 0;
  for (let mask = 0; mask < 1 << c.azs; mask++) {
    const up = (az: string) => ((mask >> AZ_IDS.indexOf(az as (typeof AZ_IDS)[number])) & 1) === 1;
    let p = 1;
    for (let z = 0; z < c.azs; z++) p *= (mask >> z) & 1 ? a.az : 1 - a.az;
    if (p === 0) continue;
    const appParts = Array.from({ length: c.instances }, (_, i) => (up(azOfInstance(i, c.azs)) ? a.app : 0));
    const dbParts = [up("a") ? a.db : 0, ...(c.dbStandby ? [up(standbyAz(c.azs)) ? a.db : 0] : [])];
    total += p * kOfNAvailability(c.needed, appParts) * parallelAvailability(dbParts);
  }
  return a.lb * total;
}

/**
 * Turns raw faults (a part failing, an AZ going down) into the effective state the monitor measures: a part in a
 * down AZ is down even if it has not failed itself.
 */
class AzAwareSink implements FaultSink {
  private readonly partUp = new Map<string, boolean>();
  private readonly azUp = new Map<string, boolean>();
  constructor(
    private readonly monitor: AvailabilityMonitor,
    private readonly zoneOf: Map<string, string | null>,
  ) {
    for (const id of zoneOf.keys()) this.partUp.set(id, true);
    for (const az of AZ_IDS) this.azUp.set(az, true);
  }

  applyFault(fault: Fault, failed: boolean): void {
    if (fault.kind === "az") {
      this.azUp.set(fault.id, !failed);
      for (const [id, az] of this.zoneOf) if (az === fault.id) this.push(id);
    } else if (fault.kind === "component" && this.partUp.has(fault.id)) {
      this.partUp.set(fault.id, !failed);
      this.push(fault.id);
    }
  }

  private push(id: string): void {
    const az = this.zoneOf.get(id) ?? null;
    const up = (this.partUp.get(id) ?? true) && (az === null || (this.azUp.get(az) ?? true));
    this.monitor.applyFault({ kind: "component", id }, !up);
  }
}

export interface AvailabilitySample {
  years: number;
  /** Cumulative hours the whole system was down. */
  downHours: number;
}

export interface AvailabilityLabHandle {
  sim: Simulation<AvailabilityLogEntry | FailureLogEntry>;
  monitor: AvailabilityMonitor;
  failures: FailureModel;
  config: AvailabilityLabConfig;
  samples: AvailabilitySample[];
}

export function runMs(c: AvailabilityLabConfig): number {
  return c.years * YEAR_MS;
}

export function createAvailabilityLab(config: AvailabilityLabConfig, seed: number): AvailabilityLabHandle {
  const c = normalize(config);
  const sim = new Simulation<AvailabilityLogEntry | FailureLogEntry>({ seed, maxLogEntries: 500 });
  const h = (hours: number) => hours * HOUR_MS;
  const apps = Array.from({ length: c.instances }, (_, i) => appId(i));
  const dbIds = c.dbStandby ? ["db-primary", "db-standby"] : ["db-primary"];
  const zoneOf = new Map<string, string | null>([["lb", null]]);
  apps.forEach((id, i) => zoneOf.set(id, azOfInstance(i, c.azs)));
  zoneOf.set("db-primary", "a");
  if (c.dbStandby) zoneOf.set("db-standby", standbyAz(c.azs));

  const systems: SystemSpec[] = [
    { id: "app-tier", kind: "k-of-n", k: c.needed, members: apps },
    { id: "database", kind: "parallel", members: dbIds },
    { id: "system", kind: "series", members: ["lb", "app-tier", "database"] },
  ];
  const monitor = new AvailabilityMonitor(sim, {
    components: [
      { id: "lb", mtbfMs: h(LB.mtbfHours), mttrMs: h(LB.mttrHours) },
      ...apps.map((id) => ({ id, mtbfMs: h(c.appMtbfHours), mttrMs: h(c.appMttrHours) })),
      ...dbIds.map((id) => ({ id, mtbfMs: h(DB_MTBF_HOURS), mttrMs: h(c.dbMttrHours) })),
    ],
    systems,
  });
  const random: RandomComponent[] = [
    { id: "lb", mtbfMs: h(LB.mtbfHours), mttrMs: h(LB.mttrHours) },
    ...apps.map((id) => ({ id, mtbfMs: h(c.appMtbfHours), mttrMs: h(c.appMttrHours) })),
    ...dbIds.map((id) => ({ id, mtbfMs: h(DB_MTBF_HOURS), mttrMs: h(c.dbMttrHours) })),
    ...(c.azOutages
      ? AZ_IDS.slice(0, c.azs).map((az) => ({
          id: `az-${az}`,
          mtbfMs: h(AZ_OUTAGE.mtbfHours),
          mttrMs: h(AZ_OUTAGE.mttrHours),
          fault: { kind: "az", id: az } as Fault,
        }))
      : []),
  ];
  const failures = new FailureModel(sim, { components: random }, [new AzAwareSink(monitor, zoneOf)]);

  const handle: AvailabilityLabHandle = { sim, monitor, failures, config: c, samples: [{ years: 0, downHours: 0 }] };
  const every = runMs(c) / SAMPLES;
  const kind = sim.defineEvent("availability-lab/sample", () => {
    const v = monitor.view();
    const sys = v.entries.find((e) => e.id === "system");
    handle.samples.push({ years: sim.nowMs / YEAR_MS, downHours: ((1 - (sys?.measured ?? 1)) * v.measuredMs) / HOUR_MS });
    if (sim.nowMs + every <= runMs(c) + 1) sim.schedule(sim.nowMs + every, kind);
  });
  sim.schedule(every, kind);
  return handle;
}

export interface TierView {
  id: string;
  label: string;
  up: boolean;
  measured: number;
  expected: number | null;
  failures: number;
}

export interface AvailabilityLabView {
  nowMs: number;
  years: number;
  tiers: TierView[];
  /** Whole system, measured so far. */
  measured: number;
  /** Outages of the whole system so far. */
  outages: number;
  downHours: number;
  independent: number;
  azAware: number;
  samples: AvailabilitySample[];
  componentsUp: { id: string; up: boolean }[];
}

const TIER_LABELS: Record<string, string> = {
  lb: "Load balancer",
  "app-tier": "App tier",
  database: "Database",
  system: "Whole system",
};

export function viewAvailabilityLab(h: AvailabilityLabHandle): AvailabilityLabView {
  const v: AvailabilityView = h.monitor.view();
  const byId = new Map(v.entries.map((e) => [e.id, e]));
  const tiers: TierView[] = ["lb", "app-tier", "database", "system"].map((id) => {
    const e = byId.get(id);
    return {
      id,
      label: TIER_LABELS[id] as string,
      up: e?.up ?? true,
      measured: e?.measured ?? 1,
      expected: e?.expected ?? null,
      failures: e?.failures ?? 0,
    };
  });
  const sys = byId.get("system");
  const measured = sys?.measured ?? 1;
  return {
    nowMs: v.nowMs,
    years: v.nowMs / YEAR_MS,
    tiers,
    measured,
    outages: sys?.failures ?? 0,
    downHours: ((1 - measured) * v.measuredMs) / HOUR_MS,
    independent: independentFormula(h.config),
    azAware: azAwareFormula(h.config),
    samples: [...h.samples],
    componentsUp: v.entries.filter((e) => e.kind === "component").map((e) => ({ id: e.id, up: e.up })),
  };
}

export function runAvailabilityLab(config: AvailabilityLabConfig, seed = 1): AvailabilityLabView {
  const h = createAvailabilityLab(config, seed);
  h.sim.runUntil(runMs(h.config));
  return viewAvailabilityLab(h);
}

/** Downtime per year, as hours, at availability `a`. */
export function downtimeHoursPerYear(a: number): number {
  return downtimePerYearMs(a) / HOUR_MS;
}

/** "3 h 12 min", "52.6 min" or "32 s" a year. */
export function formatDowntime(hours: number): string {
  if (hours >= 24) return `${(hours / 24).toFixed(1)} days`;
  if (hours >= 1) {
    const h = Math.floor(hours);
    const m = Math.round((hours - h) * 60);
    return m === 60 ? `${h + 1} h` : `${h} h ${String(m).padStart(2, "0")} min`;
  }
  const min = hours * 60;
  if (min >= 1) return `${min.toFixed(1)} min`;
  return `${Math.round(min * 60)} s`;
}

/** An availability as a percentage with enough digits to show the nines (99.9871 %). */
export function formatAvailability(a: number): string {
  if (a >= 1) return "100 %";
  const nines = Math.max(0, Math.floor(-Math.log10(1 - a)));
  return `${(a * 100).toFixed(Math.min(6, Math.max(2, nines)))} %`;
}

export function describeConfig(config: AvailabilityLabConfig): string {
  const c = normalize(config);
  return (
    `${c.instances} app instance${c.instances === 1 ? "" : "s"} (need ${c.needed}) over ${c.azs} AZ${c.azs === 1 ? "" : "s"}, ` +
    `MTBF ${c.appMtbfHours} h, MTTR ${c.appMttrHours} h; database ${c.dbStandby ? "primary + standby" : "primary only"}, ` +
    `MTTR ${c.dbMttrHours} h; AZ outages ${c.azOutages ? "on" : "off"}; ${c.years}-year run`
  );
}
