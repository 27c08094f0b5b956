/**
 * Failures: scripted chaos (a list of timed fault injections), random failures of components drawn from their
 * MTBF/MTTR, and network partitions. The model owns no servers itself: it broadcasts each fault to the models it
 * was given (`FaultSink`s: the infrastructure, an Auto Scaling group, a database, a DR plan), and each one applies
 * the faults that concern it. Partitions are kept here and answered through `reachable`.
 */
import { clonePlain } from "./plain-data";
import type { InfrastructureModel } from "./infrastructure";
import type { SimContext, SimModel } from "./simulation";

/**
 * What can fail. Hosts, AZs and Regions are named by their infrastructure ids; an instance by its id in an Auto
 * Scaling group; a component is anything else a lesson wants to fail (a load balancer, a disk); a partition cuts
 * the network between two locations (AZ or Region ids, `*` meaning every location outside the other side).
 */
export type Fault =
  | { kind: "host" | "az" | "region" | "instance" | "component"; id: string }
  | { kind: "partition"; a: string; b: string };

/** A model that reacts to faults. It ignores the kinds and ids that are not its own. */
export interface FaultSink {
  applyFault(fault: Fault, failed: boolean): void;
}

/** Answers whether traffic can flow between two locations (AZ or Region ids) right now. */
export interface Reachability {
  reachable(from: string, to: string): boolean;
}

export interface ChaosAction {
  atMs: number;
  action: "fail" | "recover";
  fault: Fault;
  /** For a failure: recover automatically this long afterwards. */
  durationMs?: number;
}

export interface RandomComponent {
  id: string;
  /** Mean time between failures: up times are exponential with this mean. */
  mtbfMs: number;
  /** Mean time to repair: down times are exponential with this mean. */
  mttrMs: number;
  /** What fails when this component fails. Default `{ kind: "component", id }`. */
  fault?: Fault;
}

export interface FailureConfig {
  chaos?: ChaosAction[];
  components?: RandomComponent[];
  /** Which AZs belong to which Region, so a partition of a Region cuts its AZs too. */
  topology?: { regionId: string; azIds: string[] }[];
}

export type FailureLogEntry =
  | { type: "fault-injected"; atMs: number; fault: Fault; random: boolean }
  | { type: "fault-cleared"; atMs: number; fault: Fault; random: boolean };

export interface FailureState {
  componentUp: boolean[];
  /** Active partitions as [a, b] pairs, in the order they started. */
  partitions: [string, string][];
}

export interface ComponentStatus {
  id: string;
  up: boolean;
}

export interface FailureView {
  nowMs: number;
  components: ComponentStatus[];
  partitions: [string, string][];
}

/** Adapts the infrastructure model: host, AZ and Region faults fail and recover the real hosts and their VMs. */
export function infrastructureSink(infra: InfrastructureModel): FaultSink {
  return {
    applyFault(fault, failed) {
      if (fault.kind === "host") void (failed ? infra.failHost(fault.id) : infra.recoverHost(fault.id));
      else if (fault.kind === "az") void (failed ? infra.failAz(fault.id) : infra.recoverAz(fault.id));
      else if (fault.kind === "region") void (failed ? infra.failRegion(fault.id) : infra.recoverRegion(fault.id));
    },
  };
}

export class FailureModel implements SimModel<FailureState>, Reachability {
  readonly name = "failures";
  private readonly sim: SimContext<FailureLogEntry>;
  private readonly config: FailureConfig;
  private readonly sinks: FaultSink[];
  private readonly regionOfAz = new Map<string, string>();
  private readonly kinds: { chaos: number; random: number };
  private state: FailureState;

  constructor(sim: SimContext<FailureLogEntry>, config: FailureConfig, sinks: FaultSink[] = []) {
    this.sim = sim;
    this.config = config;
    this.sinks = sinks;
    for (const r of config.topology ?? []) for (const az of r.azIds) this.regionOfAz.set(az, r.regionId);
    const components = config.components ?? [];
    for (const c of components) {
      if (!(c.mtbfMs > 0 && c.mttrMs > 0)) throw new Error(`Component "${c.id}" needs positive mtbfMs and mttrMs.`);
    }
    if (new Set(components.map((c) => c.id)).size !== components.length) throw new Error("Component ids must be unique.");
    this.state = { componentUp: components.map(() => true), partitions: [] };
    this.kinds = {
      // a = chaos action index; b = 1 for the automatic recovery that ends a timed failure.
      chaos: sim.defineEvent("failures/chaos", (a, b) => this.runChaos(a, b === 1)),
      // a = component index; b = 1 to fail, 0 to repair.
      random: sim.defineEvent("failures/random", (a, b) => this.toggleComponent(a, b === 1)),
    };
    sim.addModel(this);
    (config.chaos ?? []).forEach((c, i) => sim.schedule(c.atMs, this.kinds.chaos, i, 0));
    components.forEach((_, i) => this.scheduleRandom(i, true));
  }

  /** Fails or recovers something now (a widget's button). */
  inject(fault: Fault, failed: boolean): void {
    this.apply(fault, failed, false);
  }

  isComponentUp(id: string): boolean {
    const i = (this.config.components ?? []).findIndex((c) => c.id === id);
    if (i < 0) throw new Error(`Unknown component "${id}".`);
    return this.state.componentUp[i] as boolean;
  }

  /** False when an active partition separates the two locations. A location always reaches itself. */
  reachable(from: string, to: string): boolean {
    if (from === to) return true;
    for (const [a, b] of this.state.partitions) {
      if ((this.onSide(from, a, b) && this.onSide(to, b, a)) || (this.onSide(from, b, a) && this.onSide(to, a, b))) return false;
    }
    return true;
  }

  view(): FailureView {
    return {
      nowMs: this.sim.nowMs,
      components: (this.config.components ?? []).map((c, i) => ({ id: c.id, up: this.state.componentUp[i] as boolean })),
      partitions: clonePlain(this.state.partitions),
    };
  }

  snapshot(): FailureState {
    return clonePlain(this.state);
  }

  restore(state: FailureState): void {
    this.state = clonePlain(state);
  }

  /** Whether `loc` lies on side `side` of a partition whose other side is `other` (`*` = everything not `other`). */
  private onSide(loc: string, side: string, other: string): boolean {
    if (side === "*") return !this.within(loc, other);
    return this.within(loc, side);
  }

  private within(loc: string, area: string): boolean {
    return loc === area || this.regionOfAz.get(loc) === area;
  }

  private runChaos(i: number, autoRecover: boolean): void {
    const c = (this.config.chaos ?? [])[i] as ChaosAction;
    const failed = autoRecover ? false : c.action === "fail";
    this.apply(c.fault, failed, false);
    if (failed && !autoRecover && c.durationMs !== undefined) {
      this.sim.schedule(this.sim.nowMs + c.durationMs, this.kinds.chaos, i, 1);
    }
  }

  private toggleComponent(i: number, fail: boolean): void {
    const c = (this.config.components ?? [])[i] as RandomComponent;
    this.state.componentUp[i] = !fail;
    this.apply(c.fault ?? { kind: "component", id: c.id }, fail, true);
    this.scheduleRandom(i, !fail);
  }

  private scheduleRandom(i: number, fail: boolean): void {
    const c = (this.config.components ?? [])[i] as RandomComponent;
    const delay = this.sim.stream(`failures/${c.id}`).exponential(fail ? c.mtbfMs : c.mttrMs);
    this.sim.schedule(this.sim.nowMs + delay, this.kinds.random, i, fail ? 1 : 0);
  }

  private apply(fault: Fault, failed: boolean, random: boolean): void {
    if (fault.kind === "partition") {
      const p = this.state.partitions;
      const at = p.findIndex(([a, b]) => (a === fault.a && b === fault.b) || (a === fault.b && b === fault.a));
      if (failed && at < 0) p.push([fault.a, fault.b]);
      else if (!failed && at >= 0) p.splice(at, 1);
      else return;
    } else if (fault.kind === "component" && !random) {
      const at = (this.config.components ?? []).findIndex((c) => c.id === fault.id);
      if (at >= 0) this.state.componentUp[at] = !failed;
    }
    const atMs = this.sim.nowMs;
    this.sim.emit(failed ? { type: "fault-injected", atMs, fault, random } : { type: "fault-cleared", atMs, fault, random });
    for (const sink of this.sinks) sink.applyFault(fault, failed);
  }
}
