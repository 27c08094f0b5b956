/**
 * Provisioning race: one demand curve served two ways. On-premises capacity is bought in fixed lots that arrive
 * weeks after they are ordered and are paid for from then on; cloud instances launch within minutes of being
 * asked for and are billed only while they run. Capacity and demand are counted in servers (one server serves one
 * unit of demand); the run accumulates unserved demand, idle capacity and cost for each side.
 */
import { detPow, detSin } from "./det-math";
import { clonePlain } from "./plain-data";
import type { SimContext, SimModel } from "./simulation";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface DemandSpike {
  startDay: number;
  durationDays: number;
  extraServers: number;
}

export interface DemandCurve {
  /** Demand on day 0, in servers. */
  baseServers: number;
  /** Compound growth per day (0.01 = 1 % a day). */
  growthPerDay: number;
  /** Daily swing around the trend (0.2 = ±20 %), peaking mid-afternoon. */
  dailySwingFraction: number;
  spikes: DemandSpike[];
  /** Random wobble per tick (0.05 = ±5 %), from the `provisioning/demand` stream. */
  noiseFraction: number;
}

export interface OnPremPolicy {
  initialServers: number;
  /** Servers come in lots of this many. */
  lotSize: number;
  leadTimeDays: number;
  /** Capacity is reviewed (and lots ordered) this often. */
  reviewEveryDays: number;
  /** Order so owned + on-order capacity covers the review period's peak plus this margin. */
  headroomFraction: number;
  /** Amortised purchase plus power, cooling, space and staff, per owned server per hour, running or idle. */
  costPerServerHour: number;
}

export interface CloudPolicy {
  launchDelayMinutes: number;
  /** Instances kept above current demand. */
  headroomFraction: number;
  minInstances: number;
  costPerInstanceHour: number;
}

export interface ProvisioningConfig {
  demand: DemandCurve;
  onPrem: OnPremPolicy;
  cloud: CloudPolicy;
  /** Demand is re-evaluated (and the cloud rescaled) this often. Default 60. */
  tickMinutes?: number;
}

export interface SideTotals {
  capacity: number;
  /** Demand-hours that found no server. */
  unservedServerHours: number;
  /** Server-hours paid for but not needed. */
  idleServerHours: number;
  costUsd: number;
  /** Served demand over total demand so far (1 before any demand). */
  servedFraction: number;
  peakCapacity: number;
}

export interface ProvisioningSeries {
  /** Tick start times in hours. */
  hours: number[];
  demand: number[];
  onPrem: number[];
  cloud: number[];
}

export type ProvisioningLogEntry =
  | { type: "onprem-ordered"; atMs: number; servers: number; arrivesAtMs: number }
  | { type: "onprem-delivered"; atMs: number; servers: number; capacity: number }
  | { type: "cloud-launched"; atMs: number; instances: number; readyAtMs: number }
  | { type: "cloud-ready"; atMs: number; instances: number; capacity: number }
  | { type: "cloud-terminated"; atMs: number; instances: number; capacity: number };

interface Side {
  capacity: number;
  unservedServerHours: number;
  idleServerHours: number;
  costUsd: number;
  servedServerHours: number;
  peakCapacity: number;
}

export interface ProvisioningState {
  lastMs: number;
  demand: number;
  demandServerHours: number;
  reviewPeak: number;
  onPrem: Side;
  onPremOnOrder: number;
  cloud: Side;
  cloudLaunching: number;
  series: ProvisioningSeries;
}

export interface ProvisioningView {
  nowMs: number;
  demand: number;
  onPrem: SideTotals & { onOrder: number };
  cloud: SideTotals & { launching: number };
  series: ProvisioningSeries;
}

/** Demand at `atMs` before noise: trend × daily swing, plus spikes. */
export function demandAt(curve: DemandCurve, atMs: number): number {
  const days = atMs / DAY_MS;
  const hourOfDay = (atMs % DAY_MS) / HOUR_MS;
  // Sine peaking at 15:00, lowest at 03:00. Deterministic math, so the browser and the server agree to the bit.
  const swing = 1 + curve.dailySwingFraction * detSin(((hourOfDay - 9) / 24) * 2 * Math.PI);
  let d = curve.baseServers * detPow(1 + curve.growthPerDay, days) * swing;
  for (const s of curve.spikes) if (days >= s.startDay && days < s.startDay + s.durationDays) d += s.extraServers;
  return Math.max(0, d);
}

const newSide = (capacity: number): Side => ({
  capacity,
  unservedServerHours: 0,
  idleServerHours: 0,
  costUsd: 0,
  servedServerHours: 0,
  peakCapacity: capacity,
});

export class ProvisioningModel implements SimModel<ProvisioningState> {
  readonly name = "provisioning";
  private readonly sim: SimContext<ProvisioningLogEntry>;
  private readonly config: ProvisioningConfig;
  private readonly tickMs: number;
  private readonly kinds: { tick: number; delivered: number; ready: number };
  private state: ProvisioningState;

  constructor(sim: SimContext<ProvisioningLogEntry>, config: ProvisioningConfig) {
    this.sim = sim;
    this.config = config;
    this.tickMs = (config.tickMinutes ?? 60) * 60_000;
    if (!(this.tickMs > 0)) throw new Error("tickMinutes must be positive.");
    if (!(config.onPrem.lotSize >= 1)) throw new Error("lotSize must be at least 1.");
    this.state = {
      lastMs: sim.nowMs,
      demand: 0,
      demandServerHours: 0,
      reviewPeak: 0,
      onPrem: newSide(config.onPrem.initialServers),
      onPremOnOrder: 0,
      cloud: newSide(config.cloud.minInstances),
      cloudLaunching: 0,
      series: { hours: [], demand: [], onPrem: [], cloud: [] },
    };
    this.kinds = {
      tick: sim.defineEvent("provisioning/tick", () => this.onTick()),
      delivered: sim.defineEvent("provisioning/onprem-delivered", (a) => this.onDelivered(a)),
      ready: sim.defineEvent("provisioning/cloud-ready", (a) => this.onReady(a)),
    };
    sim.addModel(this);
    sim.schedule(sim.nowMs, this.kinds.tick);
  }

  view(): ProvisioningView {
    const s = this.state;
    // Totals include the interval since the last change without folding it into the state: reading must not
    // change how later sums are rounded.
    const hours = (this.sim.nowMs - s.lastMs) / HOUR_MS;
    const demandServerHours = s.demandServerHours + s.demand * hours;
    const onPrem = { ...s.onPrem };
    const cloud = { ...s.cloud };
    accrueSide(onPrem, s.demand, hours, this.config.onPrem.costPerServerHour);
    accrueSide(cloud, s.demand, hours, this.config.cloud.costPerInstanceHour);
    return {
      nowMs: this.sim.nowMs,
      demand: s.demand,
      onPrem: { ...totals(onPrem, demandServerHours), onOrder: s.onPremOnOrder },
      cloud: { ...totals(cloud, demandServerHours), launching: s.cloudLaunching },
      series: clonePlain(s.series),
    };
  }

  snapshot(): ProvisioningState {
    return clonePlain(this.state);
  }

  restore(state: ProvisioningState): void {
    this.state = clonePlain(state);
  }

  /** Integrates the piecewise-constant demand and capacities from the last change up to now. */
  private accrue(): void {
    const s = this.state;
    const now = this.sim.nowMs;
    const hours = (now - s.lastMs) / HOUR_MS;
    if (hours <= 0) return;
    s.demandServerHours += s.demand * hours;
    accrueSide(s.onPrem, s.demand, hours, this.config.onPrem.costPerServerHour);
    accrueSide(s.cloud, s.demand, hours, this.config.cloud.costPerInstanceHour);
    s.lastMs = now;
  }

  private onTick(): void {
    this.accrue();
    const s = this.state;
    const now = this.sim.nowMs;
    const noise = this.config.demand.noiseFraction;
    const wobble = noise > 0 ? 1 + noise * (2 * this.sim.stream("provisioning/demand").next() - 1) : 1;
    s.demand = demandAt(this.config.demand, now) * wobble;
    s.reviewPeak = Math.max(s.reviewPeak, s.demand);
    this.rescaleCloud();
    const reviewMs = this.config.onPrem.reviewEveryDays * DAY_MS;
    if (reviewMs > 0 && now > 0 && now % reviewMs < this.tickMs) this.reviewOnPrem();
    s.series.hours.push(now / HOUR_MS);
    s.series.demand.push(s.demand);
    s.series.onPrem.push(s.onPrem.capacity);
    s.series.cloud.push(s.cloud.capacity);
    this.sim.schedule(now + this.tickMs, this.kinds.tick);
  }

  private rescaleCloud(): void {
    const s = this.state;
    const policy = this.config.cloud;
    const now = this.sim.nowMs;
    const desired = Math.max(policy.minInstances, Math.ceil(s.demand * (1 + policy.headroomFraction)));
    if (desired > s.cloud.capacity + s.cloudLaunching) {
      const instances = desired - s.cloud.capacity - s.cloudLaunching;
      const readyAtMs = now + policy.launchDelayMinutes * 60_000;
      s.cloudLaunching += instances;
      this.sim.emit({ type: "cloud-launched", atMs: now, instances, readyAtMs });
      this.sim.schedule(readyAtMs, this.kinds.ready, instances);
    } else if (desired < s.cloud.capacity) {
      const instances = s.cloud.capacity - desired;
      s.cloud.capacity = desired;
      this.sim.emit({ type: "cloud-terminated", atMs: now, instances, capacity: desired });
    }
  }

  private reviewOnPrem(): void {
    const s = this.state;
    const policy = this.config.onPrem;
    const now = this.sim.nowMs;
    const target = Math.ceil(s.reviewPeak * (1 + policy.headroomFraction));
    s.reviewPeak = s.demand;
    const shortBy = target - s.onPrem.capacity - s.onPremOnOrder;
    if (shortBy <= 0) return;
    const servers = Math.ceil(shortBy / policy.lotSize) * policy.lotSize;
    const arrivesAtMs = now + policy.leadTimeDays * DAY_MS;
    s.onPremOnOrder += servers;
    this.sim.emit({ type: "onprem-ordered", atMs: now, servers, arrivesAtMs });
    this.sim.schedule(arrivesAtMs, this.kinds.delivered, servers);
  }

  private onDelivered(servers: number): void {
    this.accrue();
    const s = this.state;
    s.onPremOnOrder -= servers;
    s.onPrem.capacity += servers;
    s.onPrem.peakCapacity = Math.max(s.onPrem.peakCapacity, s.onPrem.capacity);
    this.sim.emit({ type: "onprem-delivered", atMs: this.sim.nowMs, servers, capacity: s.onPrem.capacity });
  }

  private onReady(instances: number): void {
    this.accrue();
    const s = this.state;
    s.cloudLaunching -= instances;
    s.cloud.capacity += instances;
    s.cloud.peakCapacity = Math.max(s.cloud.peakCapacity, s.cloud.capacity);
    this.sim.emit({ type: "cloud-ready", atMs: this.sim.nowMs, instances, capacity: s.cloud.capacity });
  }
}

function totals(side: Side, demandServerHours: number): SideTotals {
  return {
    capacity: side.capacity,
    unservedServerHours: side.unservedServerHours,
    idleServerHours: side.idleServerHours,
    costUsd: side.costUsd,
    servedFraction: demandServerHours > 0 ? side.servedServerHours / demandServerHours : 1,
    peakCapacity: side.peakCapacity,
  };
}

function accrueSide(side: Side, demand: number, hours: number, costPerHour: number): void {
  const served = Math.min(demand, side.capacity);
  side.servedServerHours += served * hours;
  side.unservedServerHours += (demand - served) * hours;
  side.idleServerHours += (side.capacity - served) * hours;
  side.costUsd += side.capacity * hours * costPerHour;
}
