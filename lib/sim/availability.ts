/**
 * Availability: the closed-form formulas lessons quote, and a monitor that measures time-based availability of
 * components and of systems built from them (series, parallel, k-of-n) while a `FailureModel` fails and repairs
 * the components. Long runs converge on the formulas; the tests check by how much.
 */
import type { Fault, FaultSink } from "./failures";
import { clonePlain } from "./plain-data";
import type { SimContext, SimModel } from "./simulation";

const YEAR_MS = 365 * 24 * 3_600_000;

/** Steady-state availability of a component that fails and is repaired: A = MTBF / (MTBF + MTTR). */
export function availabilityFromMtbf(mtbfMs: number, mttrMs: number): number {
  return mtbfMs / (mtbfMs + mttrMs);
}

/** Every part must be up: ∏ Aᵢ. */
export function seriesAvailability(parts: readonly number[]): number {
  return parts.reduce((p, a) => p * a, 1);
}

/** Any part up will do: 1 − ∏ (1 − Aᵢ). */
export function parallelAvailability(parts: readonly number[]): number {
  return 1 - parts.reduce((p, a) => p * (1 - a), 1);
}

/**
 * At least `k` of the parts up, each independently up with its own availability (for identical parts this is the
 * binomial sum Σ_{i=k}^{n} C(n, i) Aⁱ (1 − A)^{n−i}).
 */
export function kOfNAvailability(k: number, parts: readonly number[]): number {
  // up[j] = probability that exactly j of the parts seen so far are up.
  let up = [1];
  for (const a of parts) {
    const next = new Array<number>(up.length + 1).fill(0);
    up.forEach((p, j) => {
      next[j] = (next[j] as number) + p * (1 - a);
      next[j + 1] = (next[j + 1] as number) + p * a;
    });
    up = next;
  }
  return up.reduce((sum, p, j) => (j >= k ? sum + p : sum), 0);
}

/** Expected downtime in a (365-day) year at availability `a`: 99.99 % is about 52.6 minutes. */
export function downtimePerYearMs(a: number): number {
  return (1 - a) * YEAR_MS;
}

function combine(system: SystemSpec, parts: readonly number[]): number {
  if (system.kind === "series") return seriesAvailability(parts);
  if (system.kind === "parallel") return parallelAvailability(parts);
  return kOfNAvailability(system.k, parts);
}

export interface MonitoredComponent {
  id: string;
  /** When both are given, the view reports the expected availability next to the measured one. */
  mtbfMs?: number;
  mttrMs?: number;
}

/** A system is up when its members (components or systems listed before it) are: all, any, or at least `k`. */
export type SystemSpec =
  | { id: string; kind: "series"; members: string[] }
  | { id: string; kind: "parallel"; members: string[] }
  | { id: string; kind: "k-of-n"; k: number; members: string[] };

export interface AvailabilityConfig {
  components: MonitoredComponent[];
  systems?: SystemSpec[];
}

export interface AvailabilityState {
  /** Components first, then systems, in configuration order. */
  up: boolean[];
  upMs: number[];
  /** -1 while down. */
  upSinceMs: number[];
  failures: number[];
  startMs: number;
}

export interface AvailabilityEntry {
  id: string;
  kind: "component" | SystemSpec["kind"];
  up: boolean;
  /** Fraction of the time since the monitor started that this was up (1 before any time has passed). */
  measured: number;
  /** From the formulas, when every component below it has an MTBF and MTTR; assumes no component is shared. */
  expected: number | null;
  failures: number;
}

export interface AvailabilityView {
  nowMs: number;
  measuredMs: number;
  entries: AvailabilityEntry[];
}

export type AvailabilityLogEntry =
  | { type: "system-down"; atMs: number; systemId: string }
  | { type: "system-up"; atMs: number; systemId: string };

export class AvailabilityMonitor implements SimModel<AvailabilityState>, FaultSink {
  readonly name = "availability";
  private readonly sim: SimContext<AvailabilityLogEntry>;
  private readonly ids: string[];
  private readonly componentCount: number;
  private readonly systems: SystemSpec[];
  /** Per system, the entity indices of its members. */
  private readonly memberIdx: number[][];
  private readonly expected: (number | null)[];
  private state: AvailabilityState;

  constructor(sim: SimContext<AvailabilityLogEntry>, config: AvailabilityConfig) {
    this.sim = sim;
    this.systems = config.systems ?? [];
    this.componentCount = config.components.length;
    this.ids = [...config.components.map((c) => c.id), ...this.systems.map((s) => s.id)];
    if (new Set(this.ids).size !== this.ids.length) throw new Error("Component and system ids must be unique.");
    this.memberIdx = this.systems.map((s, i) => {
      if (s.members.length === 0) throw new Error(`System "${s.id}" has no members.`);
      return s.members.map((m) => {
        const at = this.ids.indexOf(m);
        if (at < 0 || at >= this.componentCount + i) throw new Error(`System "${s.id}": "${m}" must be listed before it.`);
        return at;
      });
    });
    this.expected = config.components.map((c) =>
      c.mtbfMs !== undefined && c.mttrMs !== undefined ? availabilityFromMtbf(c.mtbfMs, c.mttrMs) : null,
    );
    this.systems.forEach((s, i) => {
      const parts = (this.memberIdx[i] as number[]).map((m) => this.expected[m] ?? null);
      this.expected.push(parts.every((p) => p !== null) ? combine(s, parts as number[]) : null);
    });
    const now = sim.nowMs;
    this.state = {
      up: this.ids.map(() => true),
      upMs: this.ids.map(() => 0),
      upSinceMs: this.ids.map(() => now),
      failures: this.ids.map(() => 0),
      startMs: now,
    };
    sim.addModel(this);
  }

  /** Any fault whose id names a monitored component fails or repairs it. */
  applyFault(fault: Fault, failed: boolean): void {
    if (fault.kind === "partition") return;
    const c = this.ids.indexOf(fault.id);
    if (c < 0 || c >= this.componentCount) return;
    this.set(c, !failed);
    this.systems.forEach((s, i) => {
      const members = this.memberIdx[i] as number[];
      const upCount = members.filter((m) => this.state.up[m]).length;
      const need = s.kind === "series" ? members.length : s.kind === "parallel" ? 1 : s.k;
      const e = this.componentCount + i;
      if (this.set(e, upCount >= need)) {
        this.sim.emit({ type: upCount >= need ? "system-up" : "system-down", atMs: this.sim.nowMs, systemId: s.id });
      }
    });
  }

  view(): AvailabilityView {
    const s = this.state;
    const now = this.sim.nowMs;
    const measuredMs = now - s.startMs;
    return {
      nowMs: now,
      measuredMs,
      entries: this.ids.map((id, e) => {
        const upMs = (s.upMs[e] as number) + (s.up[e] ? now - (s.upSinceMs[e] as number) : 0);
        return {
          id,
          kind: e < this.componentCount ? "component" : (this.systems[e - this.componentCount] as SystemSpec).kind,
          up: s.up[e] as boolean,
          measured: measuredMs > 0 ? upMs / measuredMs : 1,
          expected: this.expected[e] ?? null,
          failures: s.failures[e] as number,
        };
      }),
    };
  }

  snapshot(): AvailabilityState {
    return clonePlain(this.state);
  }

  restore(state: AvailabilityState): void {
    this.state = clonePlain(state);
  }

  /** Records a change of entity `e`; returns whether it changed. */
  private set(e: number, up: boolean): boolean {
    const s = this.state;
    if (s.up[e] === up) return false;
    const now = this.sim.nowMs;
    s.up[e] = up;
    if (up) s.upSinceMs[e] = now;
    else {
      s.upMs[e] = (s.upMs[e] as number) + now - (s.upSinceMs[e] as number);
      s.upSinceMs[e] = -1;
      s.failures[e] = (s.failures[e] as number) + 1;
    }
    return true;
  }
}
