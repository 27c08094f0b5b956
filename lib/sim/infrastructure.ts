/**
 * Infrastructure and virtualization: Regions contain Availability Zones contain physical hosts; a hypervisor keeps
 * part of each host for itself and places VMs of workloads on the rest. Hosts, AZs and Regions can fail and
 * recover; each workload reports how many replicas run against how many it needs, and its availability is
 * measured over simulated time.
 */
import { clonePlain } from "./plain-data";
import type { SimContext, SimModel } from "./simulation";

/** Type 1 runs on the bare metal (Nitro, KVM, ESXi, Hyper-V); type 2 is an app on a host OS (VirtualBox). */
export type HypervisorType = "type-1" | "type-2";

/**
 * Fraction of a host's CPU and memory the virtualization layer keeps for itself. Illustrative figures: a type 2
 * hypervisor shares the machine with a whole general-purpose host OS, so it leaves far less for guests.
 */
export const HYPERVISOR_OVERHEAD_FRACTION: Readonly<Record<HypervisorType, number>> = {
  "type-1": 0.05,
  "type-2": 0.3,
};

/**
 * `spread`: balance replicas across AZs, then across hosts (a multi-AZ Auto Scaling group / spread placement group).
 * `pack`: first-fit decreasing onto as few hosts as possible. `single-az`: every replica in one AZ, spread over its hosts.
 */
export type PlacementStrategy = "spread" | "pack" | "single-az";

export interface HostSpec {
  id: string;
  cpuCores: number;
  memoryGiB: number;
}

export interface AzSpec {
  id: string;
  hosts: HostSpec[];
}

export interface RegionSpec {
  id: string;
  azs: AzSpec[];
}

export interface WorkloadSpec {
  id: string;
  replicas: number;
  /** The workload serves while at least this many replicas run. */
  minRunning: number;
  vcpu: number;
  memoryGiB: number;
  placement: PlacementStrategy;
  /** Defaults to the first Region. */
  regionId?: string;
  /** For `single-az`: the AZ to use; otherwise the first AZ with room is chosen and kept. */
  azId?: string;
  /** Fraction of its vCPUs each VM keeps busy (0–1), until `setVmCpuBusy` changes it. Default 1. */
  cpuBusy?: number;
}

export interface RandomHostFailures {
  /** Mean time between failures of each host (exponentially distributed). */
  mtbfMs: number;
  /** Mean time to repair a randomly failed host. */
  mttrMs: number;
}

export interface InfrastructureConfig {
  regions: RegionSpec[];
  hypervisor: HypervisorType;
  /** Overrides `HYPERVISOR_OVERHEAD_FRACTION[hypervisor]`. */
  overheadFraction?: number;
  /** vCPUs placed per usable physical core; memory is never overcommitted. Default 1. */
  cpuOvercommit?: number;
  workloads: WorkloadSpec[];
  /** When set, VMs lost to a failure are restarted on surviving capacity this long after losing their host. */
  restartDelayMs?: number | null;
  /** When set, every host fails and is repaired at random (each host has its own random stream). */
  randomHostFailures?: RandomHostFailures | null;
}

export type FaultTarget = "host" | "az" | "region";

export type InfraLogEntry =
  | { type: "vm-placed"; atMs: number; vmId: string; workloadId: string; hostId: string; azId: string; restart: boolean }
  | { type: "vm-unplaceable"; atMs: number; vmId: string; workloadId: string; reason: string }
  | { type: "host-failed"; atMs: number; hostId: string; lostVmIds: string[]; random: boolean }
  | { type: "host-recovered"; atMs: number; hostId: string; random: boolean }
  | { type: "az-failed"; atMs: number; azId: string; lostVmIds: string[] }
  | { type: "az-recovered"; atMs: number; azId: string }
  | { type: "region-failed"; atMs: number; regionId: string; lostVmIds: string[] }
  | { type: "region-recovered"; atMs: number; regionId: string }
  | { type: "workload-down"; atMs: number; workloadId: string; running: number; required: number }
  | { type: "workload-up"; atMs: number; workloadId: string; running: number; required: number };

export type VmState = "pending" | "running" | "lost";

export interface VmView {
  id: string;
  workloadId: string;
  state: VmState;
  hostId: string | null;
  /** Fraction of its vCPUs the VM is trying to use. */
  cpuBusy: number;
  /** How much slower its work runs because of its neighbours (1 = full speed; see `vmSlowdown`). */
  slowdown: number;
}

export interface HostView {
  id: string;
  azId: string;
  regionId: string;
  /** False when the host itself is failed (its AZ or Region may also be down: see `available`). */
  up: boolean;
  /** Host, AZ and Region all up. */
  available: boolean;
  cpuCores: number;
  memoryGiB: number;
  usableVcpu: number;
  usableMemoryGiB: number;
  usedVcpu: number;
  usedMemoryGiB: number;
  /** vCPUs the host's running VMs are trying to use right now (allocation × busy fraction). */
  cpuDemand: number;
  /** Demand over the physical cores left after the hypervisor's overhead; above 1, VMs wait for CPU (steal time). */
  cpuContention: number;
  vmIds: string[];
}

export interface AzView {
  id: string;
  up: boolean;
  hosts: HostView[];
}

export interface RegionView {
  id: string;
  up: boolean;
  azs: AzView[];
}

export interface WorkloadStatus {
  id: string;
  placement: PlacementStrategy;
  replicas: number;
  required: number;
  running: number;
  pending: number;
  lost: number;
  serving: boolean;
  /** Fraction of measured time with at least `required` replicas running; null before the first placement. */
  availability: number | null;
  measuredMs: number;
  /** Times the workload stopped serving. */
  outages: number;
  /** AZs holding its running replicas, in topology order. */
  azIds: string[];
}

export interface InfrastructureView {
  nowMs: number;
  hypervisor: HypervisorType;
  overheadFraction: number;
  cpuOvercommit: number;
  regions: RegionView[];
  vms: VmView[];
  workloads: WorkloadStatus[];
}

export interface InfrastructureState {
  hostUp: boolean[];
  hostRandomlyFailed: boolean[];
  azUp: boolean[];
  regionUp: boolean[];
  vmState: VmState[];
  vmHost: number[];
  vmCpuBusy: number[];
  workloads: {
    pinnedAz: number;
    measuring: boolean;
    startMs: number;
    upMs: number;
    /** -1 while not serving. */
    upSinceMs: number;
    outages: number;
  }[];
}

interface Host {
  id: string;
  az: number;
  region: number;
  cpuCores: number;
  memoryGiB: number;
  usableVcpu: number;
  usableMemoryGiB: number;
}

interface Workload {
  spec: WorkloadSpec;
  region: number;
  fixedAz: number;
}

const FIT_EPSILON = 1e-9;

/** A Region of `azCount` AZs (suffixes a, b, c…) with identical hosts named `<az>-<n>` (e.g. `us-east-1a-1`). */
export function buildRegion(options: {
  id: string;
  azCount: number;
  hostsPerAz: number;
  cpuCores: number;
  memoryGiB: number;
}): RegionSpec {
  const azs: AzSpec[] = [];
  for (let z = 0; z < options.azCount; z++) {
    const azId = `${options.id}${String.fromCharCode(97 + z)}`;
    const hosts: HostSpec[] = [];
    for (let h = 1; h <= options.hostsPerAz; h++) {
      hosts.push({ id: `${azId}-${h}`, cpuCores: options.cpuCores, memoryGiB: options.memoryGiB });
    }
    azs.push({ id: azId, hosts });
  }
  return { id: options.id, azs };
}

/**
 * The fewest replicas that keep `required` running after losing any one of `azCount` AZs, when spread evenly
 * (the busiest AZ holds ceil(R / azCount)). Null when one AZ is all there is.
 */
export function minReplicasToSurviveAzLoss(required: number, azCount: number): number | null {
  if (azCount < 2) return null;
  for (let r = required; ; r++) if (r - Math.ceil(r / azCount) >= required) return r;
}

export class InfrastructureModel implements SimModel<InfrastructureState> {
  readonly name = "infrastructure";
  readonly overheadFraction: number;
  readonly cpuOvercommit: number;
  private readonly sim: SimContext<InfraLogEntry>;
  private readonly config: InfrastructureConfig;
  private readonly hosts: Host[] = [];
  private readonly azIds: string[] = [];
  private readonly azRegion: number[] = [];
  private readonly azHosts: number[][] = [];
  private readonly regionIds: string[] = [];
  private readonly workloads: Workload[] = [];
  private readonly vmIds: string[] = [];
  private readonly vmWorkload: number[] = [];
  private readonly hostIndex = new Map<string, number>();
  private readonly azIndex = new Map<string, number>();
  private readonly regionIndex = new Map<string, number>();
  private readonly kinds: { place: number; host: number; az: number; region: number; restart: number; random: number };
  private state: InfrastructureState;
  /** Wiring, not state: models built on top (a service's instances on VMs) re-read what they need after a change. */
  private readonly listeners: (() => void)[] = [];

  constructor(sim: SimContext<InfraLogEntry>, config: InfrastructureConfig) {
    this.sim = sim;
    this.config = config;
    this.overheadFraction = config.overheadFraction ?? HYPERVISOR_OVERHEAD_FRACTION[config.hypervisor];
    this.cpuOvercommit = config.cpuOvercommit ?? 1;
    if (!(this.overheadFraction >= 0 && this.overheadFraction < 1)) throw new Error("overheadFraction must be in [0, 1).");
    if (!(this.cpuOvercommit >= 1)) throw new Error("cpuOvercommit must be at least 1.");
    const keep = 1 - this.overheadFraction;
    config.regions.forEach((region, r) => {
      unique(this.regionIndex, region.id, r, "Region");
      this.regionIds.push(region.id);
      for (const az of region.azs) {
        const z = this.azIds.length;
        unique(this.azIndex, az.id, z, "AZ");
        this.azIds.push(az.id);
        this.azRegion.push(r);
        this.azHosts.push([]);
        for (const h of az.hosts) {
          const i = this.hosts.length;
          unique(this.hostIndex, h.id, i, "host");
          this.azHosts[z]?.push(i);
          this.hosts.push({
            id: h.id,
            az: z,
            region: r,
            cpuCores: h.cpuCores,
            memoryGiB: h.memoryGiB,
            usableVcpu: h.cpuCores * keep * this.cpuOvercommit,
            usableMemoryGiB: h.memoryGiB * keep,
          });
        }
      }
    });
    const workloadIds = new Set<string>();
    for (const spec of config.workloads) {
      if (workloadIds.has(spec.id)) throw new Error(`Duplicate workload id "${spec.id}".`);
      workloadIds.add(spec.id);
      if (!Number.isInteger(spec.replicas) || spec.replicas < 0) throw new Error(`Workload "${spec.id}" needs whole replicas.`);
      const region = spec.regionId === undefined ? 0 : this.regionIndex.get(spec.regionId);
      if (region === undefined || region >= this.regionIds.length) throw new Error(`Workload "${spec.id}" has no Region.`);
      const fixedAz = spec.azId === undefined ? -1 : (this.azIndex.get(spec.azId) ?? -2);
      if (fixedAz === -2 || (fixedAz >= 0 && this.azRegion[fixedAz] !== region)) {
        throw new Error(`Workload "${spec.id}" names an AZ outside its Region.`);
      }
      const w = this.workloads.length;
      this.workloads.push({ spec, region, fixedAz });
      for (let n = 1; n <= spec.replicas; n++) {
        this.vmIds.push(`${spec.id}-${n}`);
        this.vmWorkload.push(w);
      }
    }
    this.state = {
      hostUp: this.hosts.map(() => true),
      hostRandomlyFailed: this.hosts.map(() => false),
      azUp: this.azIds.map(() => true),
      regionUp: this.regionIds.map(() => true),
      vmState: this.vmIds.map(() => "pending"),
      vmHost: this.vmIds.map(() => -1),
      vmCpuBusy: this.vmWorkload.map((w) => {
        const busy = (this.workloads[w] as Workload).spec.cpuBusy ?? 1;
        if (!(busy >= 0 && busy <= 1)) throw new Error("cpuBusy is a fraction from 0 to 1.");
        return busy;
      }),
      workloads: this.workloads.map((w) => ({
        pinnedAz: w.fixedAz,
        measuring: false,
        startMs: 0,
        upMs: 0,
        upSinceMs: -1,
        outages: 0,
      })),
    };
    this.kinds = {
      place: sim.defineEvent("infrastructure/place", () => this.placePending()),
      host: sim.defineEvent("infrastructure/host", (a, b) => this.setHost(a, b === 1, false)),
      az: sim.defineEvent("infrastructure/az", (a, b) => this.setAz(a, b === 1)),
      region: sim.defineEvent("infrastructure/region", (a, b) => this.setRegion(a, b === 1)),
      restart: sim.defineEvent("infrastructure/restart", (a) => this.restartVm(a)),
      random: sim.defineEvent("infrastructure/random-fault", (a, b) => this.randomFault(a, b === 1)),
    };
    sim.addModel(this);
    if (config.randomHostFailures) {
      for (let i = 0; i < this.hosts.length; i++) this.scheduleRandom(i, true);
    }
  }

  /** Calls `listener` after every placement, failure and recovery (after the change has been logged). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Whether a VM runs now, and where. */
  vmLocation(vmId: string): { running: boolean; hostId: string | null; azId: string | null } {
    const v = this.vmIds.indexOf(vmId);
    if (v < 0) throw new Error(`Unknown VM "${vmId}".`);
    const h = this.state.vmHost[v] as number;
    if (this.state.vmState[v] !== "running" || h < 0) return { running: false, hostId: null, azId: null };
    const host = this.hosts[h] as Host;
    return { running: true, hostId: host.id, azId: this.azIds[host.az] as string };
  }

  /** Whether an AZ and its Region are up (an AZ with every host failed still counts as up). */
  azUp(azId: string): boolean {
    const z = this.az(azId);
    return (this.state.azUp[z] && this.state.regionUp[this.azRegion[z] as number]) === true;
  }

  /** The AZ ids of a Region, in topology order. */
  azIdsOf(regionId: string): string[] {
    const r = this.region(regionId);
    return this.azIds.filter((_, z) => this.azRegion[z] === r);
  }

  /** Usable capacity of one host after hypervisor overhead (CPU including overcommit). */
  hostCapacity(hostId: string): { usableVcpu: number; usableMemoryGiB: number } {
    const h = this.hosts[this.host(hostId)] as Host;
    return { usableVcpu: h.usableVcpu, usableMemoryGiB: h.usableMemoryGiB };
  }

  /** Places every never-placed or lost VM now; returns how many were placed. */
  placePending(): number {
    const now = this.sim.nowMs;
    for (const ws of this.state.workloads) {
      if (ws.measuring) continue;
      ws.measuring = true;
      ws.startMs = now;
    }
    // First-fit decreasing: biggest VMs first (memory, then CPU); ties keep workload and replica order.
    const order = this.vmIds
      .map((_, v) => v)
      .filter((v) => this.state.vmState[v] !== "running")
      .sort((x, y) => {
        const sx = this.spec(x);
        const sy = this.spec(y);
        return sy.memoryGiB - sx.memoryGiB || sy.vcpu - sx.vcpu || x - y;
      });
    let placed = 0;
    for (const v of order) if (this.tryPlace(v, false)) placed++;
    for (let w = 0; w < this.workloads.length; w++) this.updateWorkload(w);
    this.notify();
    return placed;
  }

  failHost(hostId: string): boolean {
    return this.setHost(this.host(hostId), true, false);
  }

  recoverHost(hostId: string): boolean {
    return this.setHost(this.host(hostId), false, false);
  }

  failAz(azId: string): boolean {
    return this.setAz(this.az(azId), true);
  }

  recoverAz(azId: string): boolean {
    return this.setAz(this.az(azId), false);
  }

  failRegion(regionId: string): boolean {
    return this.setRegion(this.region(regionId), true);
  }

  recoverRegion(regionId: string): boolean {
    return this.setRegion(this.region(regionId), false);
  }

  /** Schedules a placement pass at `atMs`. */
  schedulePlacement(atMs: number): void {
    this.sim.schedule(atMs, this.kinds.place);
  }

  /** Schedules a failure or recovery of a host, AZ or Region at `atMs`. */
  scheduleFault(atMs: number, target: FaultTarget, id: string, action: "fail" | "recover"): void {
    const b = action === "fail" ? 1 : 0;
    if (target === "host") this.sim.schedule(atMs, this.kinds.host, this.host(id), b);
    else if (target === "az") this.sim.schedule(atMs, this.kinds.az, this.az(id), b);
    else this.sim.schedule(atMs, this.kinds.region, this.region(id), b);
  }

  workloadStatus(workloadId: string): WorkloadStatus {
    const w = this.workloads.findIndex((x) => x.spec.id === workloadId);
    if (w < 0) throw new Error(`Unknown workload "${workloadId}".`);
    return this.status(w);
  }

  /**
   * Whether the workload, as placed now, would keep at least `required` replicas running after losing any one
   * host (or AZ) of its Region that is currently up.
   */
  survivesAnySingleFailure(workloadId: string, scope: "host" | "az"): boolean {
    const w = this.workloads.findIndex((x) => x.spec.id === workloadId);
    if (w < 0) throw new Error(`Unknown workload "${workloadId}".`);
    const wl = this.workloads[w] as Workload;
    const running = this.runningOf(w);
    if (running.length < wl.spec.minRunning) return false;
    const domains = running.map((v) => {
      const h = this.hosts[this.state.vmHost[v] as number] as Host;
      return scope === "host" ? this.state.vmHost[v] as number : h.az;
    });
    const counts = new Map<number, number>();
    for (const d of domains) counts.set(d, (counts.get(d) ?? 0) + 1);
    for (const lost of counts.values()) if (running.length - lost < wl.spec.minRunning) return false;
    return true;
  }

  view(): InfrastructureView {
    const s = this.state;
    const used = this.usage();
    const vmsOn: string[][] = this.hosts.map(() => []);
    this.vmIds.forEach((id, v) => {
      const h = s.vmHost[v] as number;
      if (h >= 0) vmsOn[h]?.push(id);
    });
    let z = 0;
    let i = 0;
    const regions: RegionView[] = this.config.regions.map((region, r) => ({
      id: region.id,
      up: s.regionUp[r] as boolean,
      azs: region.azs.map((az) => {
        const azi = z++;
        return {
          id: az.id,
          up: s.azUp[azi] as boolean,
          hosts: az.hosts.map(() => {
            const hi = i++;
            const h = this.hosts[hi] as Host;
            return {
              id: h.id,
              azId: az.id,
              regionId: region.id,
              up: s.hostUp[hi] as boolean,
              available: this.available(hi),
              cpuCores: h.cpuCores,
              memoryGiB: h.memoryGiB,
              usableVcpu: h.usableVcpu,
              usableMemoryGiB: h.usableMemoryGiB,
              usedVcpu: used.vcpu[hi] as number,
              usedMemoryGiB: used.memory[hi] as number,
              cpuDemand: this.cpuDemand(hi),
              cpuContention: this.contention(hi),
              vmIds: vmsOn[hi] as string[],
            };
          }),
        };
      }),
    }));
    return {
      nowMs: this.sim.nowMs,
      hypervisor: this.config.hypervisor,
      overheadFraction: this.overheadFraction,
      cpuOvercommit: this.cpuOvercommit,
      regions,
      vms: this.vmIds.map((id, v) => {
        const h = s.vmHost[v] as number;
        return {
          id,
          workloadId: this.spec(v).id,
          state: s.vmState[v] as VmState,
          hostId: h >= 0 ? (this.hosts[h] as Host).id : null,
          cpuBusy: s.vmCpuBusy[v] as number,
          slowdown: h >= 0 ? this.contention(h) : 1,
        };
      }),
      workloads: this.workloads.map((_, w) => this.status(w)),
    };
  }

  /**
   * Noisy neighbours. A VM's vCPUs are time slices of the host's physical cores; with CPU overcommit, VMs that are
   * all busy at once ask for more than the cores can give, and every VM on the host waits its turn (steal time).
   * Sets how busy a VM is (0–1 of its vCPUs); returns false for an unknown VM.
   */
  setVmCpuBusy(vmId: string, fraction: number): boolean {
    const v = this.vmIds.indexOf(vmId);
    if (v < 0 || !(fraction >= 0 && fraction <= 1)) return false;
    this.state.vmCpuBusy[v] = fraction;
    this.notify();
    return true;
  }

  /** CPU demand over the host's physical capacity (cores after hypervisor overhead), at least 1. */
  hostCpuContention(hostId: string): number {
    const h = this.hostIndex.get(hostId);
    return h === undefined ? 1 : this.contention(h);
  }

  /**
   * How much longer a VM's CPU work takes than on an uncontended host: its host's contention while it runs, 1 when
   * it is not running. A model for widgets and the service model to stretch service times by.
   */
  vmSlowdown(vmId: string): number {
    const v = this.vmIds.indexOf(vmId);
    const h = v < 0 ? -1 : (this.state.vmHost[v] as number);
    return h < 0 ? 1 : this.contention(h);
  }

  private cpuDemand(h: number): number {
    let demand = 0;
    this.state.vmHost.forEach((vh, v) => {
      if (vh === h && this.state.vmState[v] === "running") demand += this.spec(v).vcpu * (this.state.vmCpuBusy[v] as number);
    });
    return demand;
  }

  private contention(h: number): number {
    const physicalCores = (this.hosts[h] as Host).usableVcpu / this.cpuOvercommit;
    return physicalCores > 0 ? Math.max(1, this.cpuDemand(h) / physicalCores) : 1;
  }

  snapshot(): InfrastructureState {
    return clonePlain(this.state);
  }

  restore(state: InfrastructureState): void {
    this.state = clonePlain(state);
  }

  private status(w: number): WorkloadStatus {
    const wl = this.workloads[w] as Workload;
    const ws = this.state.workloads[w] as InfrastructureState["workloads"][number];
    let running = 0;
    let pending = 0;
    let lost = 0;
    const azs = new Set<number>();
    this.vmWorkload.forEach((vw, v) => {
      if (vw !== w) return;
      const st = this.state.vmState[v];
      if (st === "running") {
        running++;
        azs.add((this.hosts[this.state.vmHost[v] as number] as Host).az);
      } else if (st === "pending") pending++;
      else lost++;
    });
    const now = this.sim.nowMs;
    const measuredMs = ws.measuring ? now - ws.startMs : 0;
    const upMs = ws.upMs + (ws.upSinceMs >= 0 ? now - ws.upSinceMs : 0);
    return {
      id: wl.spec.id,
      placement: wl.spec.placement,
      replicas: wl.spec.replicas,
      required: wl.spec.minRunning,
      running,
      pending,
      lost,
      serving: running >= wl.spec.minRunning,
      availability: !ws.measuring ? null : measuredMs > 0 ? upMs / measuredMs : ws.upSinceMs >= 0 ? 1 : 0,
      measuredMs,
      outages: ws.outages,
      azIds: [...azs].sort((x, y) => x - y).map((a) => this.azIds[a] as string),
    };
  }

  private spec(v: number): WorkloadSpec {
    return (this.workloads[this.vmWorkload[v] as number] as Workload).spec;
  }

  private runningOf(w: number): number[] {
    const out: number[] = [];
    this.vmWorkload.forEach((vw, v) => {
      if (vw === w && this.state.vmState[v] === "running") out.push(v);
    });
    return out;
  }

  private available(h: number): boolean {
    const host = this.hosts[h] as Host;
    const s = this.state;
    return (s.hostUp[h] && s.azUp[host.az] && s.regionUp[host.region]) === true;
  }

  /** Per-host vCPU and memory in use, derived from the VMs (no second copy of the truth to keep in sync). */
  private usage(): { vcpu: number[]; memory: number[] } {
    const vcpu = this.hosts.map(() => 0);
    const memory = this.hosts.map(() => 0);
    this.state.vmHost.forEach((h, v) => {
      if (h < 0) return;
      const spec = this.spec(v);
      vcpu[h] = (vcpu[h] as number) + spec.vcpu;
      memory[h] = (memory[h] as number) + spec.memoryGiB;
    });
    return { vcpu, memory };
  }

  private tryPlace(v: number, restart: boolean): boolean {
    const w = this.vmWorkload[v] as number;
    const wl = this.workloads[w] as Workload;
    const h = this.chooseHost(w);
    const vmId = this.vmIds[v] as string;
    if (h < 0) {
      const pinned = (this.state.workloads[w] as InfrastructureState["workloads"][number]).pinnedAz;
      const reason =
        pinned >= 0 && !this.azHasAvailableHost(pinned)
          ? `${wl.spec.id} is a single-AZ workload and ${this.azIds[pinned]} is down`
          : "no available host has enough free vCPU and memory";
      this.sim.emit({ type: "vm-unplaceable", atMs: this.sim.nowMs, vmId, workloadId: wl.spec.id, reason });
      return false;
    }
    const host = this.hosts[h] as Host;
    this.state.vmState[v] = "running";
    this.state.vmHost[v] = h;
    if (wl.spec.placement === "single-az") (this.state.workloads[w] as InfrastructureState["workloads"][number]).pinnedAz = host.az;
    this.sim.emit({
      type: "vm-placed",
      atMs: this.sim.nowMs,
      vmId,
      workloadId: wl.spec.id,
      hostId: host.id,
      azId: this.azIds[host.az] as string,
      restart,
    });
    return true;
  }

  private azHasAvailableHost(z: number): boolean {
    return (this.azHosts[z] as number[]).some((h) => this.available(h));
  }

  /** The host for the next replica of workload `w`, or -1 when nothing fits. */
  private chooseHost(w: number): number {
    const wl = this.workloads[w] as Workload;
    const spec = wl.spec;
    const used = this.usage();
    const perHost = this.hosts.map(() => 0);
    const perAz = this.azIds.map(() => 0);
    this.vmWorkload.forEach((vw, v) => {
      const h = this.state.vmHost[v] as number;
      if (vw !== w || h < 0) return;
      perHost[h] = (perHost[h] as number) + 1;
      const z = (this.hosts[h] as Host).az;
      perAz[z] = (perAz[z] as number) + 1;
    });
    const fits = (h: number): boolean => {
      const host = this.hosts[h] as Host;
      return (
        host.region === wl.region &&
        this.available(h) &&
        (used.vcpu[h] as number) + spec.vcpu <= host.usableVcpu + FIT_EPSILON &&
        (used.memory[h] as number) + spec.memoryGiB <= host.usableMemoryGiB + FIT_EPSILON
      );
    };
    const candidates = this.hosts.map((_, h) => h).filter(fits);
    if (spec.placement === "pack") return candidates[0] ?? -1;
    let pool = candidates;
    if (spec.placement === "single-az") {
      const ws = this.state.workloads[w] as InfrastructureState["workloads"][number];
      const az = ws.pinnedAz >= 0 ? ws.pinnedAz : (this.hosts[candidates[0] ?? -1]?.az ?? -1);
      pool = candidates.filter((h) => (this.hosts[h] as Host).az === az);
    }
    let best = -1;
    for (const h of pool) {
      if (best < 0) {
        best = h;
        continue;
      }
      const az = (this.hosts[h] as Host).az;
      const bestAz = (this.hosts[best] as Host).az;
      const byAz = spec.placement === "spread" ? (perAz[az] as number) - (perAz[bestAz] as number) : 0;
      if (byAz < 0 || (byAz === 0 && (perHost[h] as number) < (perHost[best] as number))) best = h;
    }
    return best;
  }

  /**
   * Stops every VM on hosts that just became unavailable. Returns their ids and the workloads to re-evaluate once
   * the failure itself has been logged (so the log reads cause, then effect).
   */
  private loseVmsOn(hosts: readonly number[]): { lostVmIds: string[]; touched: Set<number> } {
    const lostIds: string[] = [];
    const touched = new Set<number>();
    this.state.vmHost.forEach((h, v) => {
      if (h < 0 || !hosts.includes(h)) return;
      this.state.vmState[v] = "lost";
      this.state.vmHost[v] = -1;
      lostIds.push(this.vmIds[v] as string);
      touched.add(this.vmWorkload[v] as number);
      if (this.config.restartDelayMs != null) {
        this.sim.schedule(this.sim.nowMs + this.config.restartDelayMs, this.kinds.restart, v);
      }
    });
    return { lostVmIds: lostIds, touched };
  }

  /** After capacity returns, lost VMs get another restart attempt (when automatic restarts are on). */
  private retryLost(): void {
    const delay = this.config.restartDelayMs;
    if (delay == null) return;
    this.state.vmState.forEach((st, v) => {
      if (st === "lost") this.sim.schedule(this.sim.nowMs + delay, this.kinds.restart, v);
    });
  }

  private restartVm(v: number): void {
    if (this.state.vmState[v] !== "lost") return;
    if (!this.tryPlace(v, true)) return;
    this.updateWorkload(this.vmWorkload[v] as number);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private setHost(h: number, fail: boolean, random: boolean): boolean {
    const s = this.state;
    if (s.hostUp[h] === !fail) return false;
    const wasAvailable = this.available(h);
    s.hostUp[h] = !fail;
    s.hostRandomlyFailed[h] = fail && random;
    const hostId = (this.hosts[h] as Host).id;
    const atMs = this.sim.nowMs;
    if (fail) {
      const lost = this.loseVmsOn(wasAvailable ? [h] : []);
      this.sim.emit({ type: "host-failed", atMs, hostId, lostVmIds: lost.lostVmIds, random });
      for (const w of lost.touched) this.updateWorkload(w);
    } else {
      this.sim.emit({ type: "host-recovered", atMs, hostId, random });
      if (this.available(h)) this.retryLost();
    }
    this.notify();
    return true;
  }

  private setAz(z: number, fail: boolean): boolean {
    const s = this.state;
    if (s.azUp[z] === !fail) return false;
    const hosts = this.azHosts[z] as number[];
    const wereAvailable = hosts.filter((h) => this.available(h));
    s.azUp[z] = !fail;
    const azId = this.azIds[z] as string;
    const atMs = this.sim.nowMs;
    if (fail) {
      const lost = this.loseVmsOn(wereAvailable);
      this.sim.emit({ type: "az-failed", atMs, azId, lostVmIds: lost.lostVmIds });
      for (const w of lost.touched) this.updateWorkload(w);
    } else {
      this.sim.emit({ type: "az-recovered", atMs, azId });
      if (hosts.some((h) => this.available(h))) this.retryLost();
    }
    this.notify();
    return true;
  }

  private setRegion(r: number, fail: boolean): boolean {
    const s = this.state;
    if (s.regionUp[r] === !fail) return false;
    const hosts = this.hosts.map((_, h) => h).filter((h) => (this.hosts[h] as Host).region === r);
    const wereAvailable = hosts.filter((h) => this.available(h));
    s.regionUp[r] = !fail;
    const regionId = this.regionIds[r] as string;
    const atMs = this.sim.nowMs;
    if (fail) {
      const lost = this.loseVmsOn(wereAvailable);
      this.sim.emit({ type: "region-failed", atMs, regionId, lostVmIds: lost.lostVmIds });
      for (const w of lost.touched) this.updateWorkload(w);
    } else {
      this.sim.emit({ type: "region-recovered", atMs, regionId });
      if (hosts.some((h) => this.available(h))) this.retryLost();
    }
    this.notify();
    return true;
  }

  private scheduleRandom(h: number, fail: boolean): void {
    const rf = this.config.randomHostFailures;
    if (!rf) return;
    const rng = this.sim.stream(`infrastructure/random-failures/${(this.hosts[h] as Host).id}`);
    const delay = rng.exponential(fail ? rf.mtbfMs : rf.mttrMs);
    this.sim.schedule(this.sim.nowMs + delay, this.kinds.random, h, fail ? 1 : 0);
  }

  private randomFault(h: number, fail: boolean): void {
    // A random repair only undoes a random failure: a host failed by hand stays down until recovered by hand.
    if (fail) {
      if (this.state.hostUp[h]) this.setHost(h, true, true);
      this.scheduleRandom(h, false);
    } else {
      if (this.state.hostRandomlyFailed[h]) this.setHost(h, false, true);
      this.scheduleRandom(h, true);
    }
  }

  private updateWorkload(w: number): void {
    const ws = this.state.workloads[w] as InfrastructureState["workloads"][number];
    if (!ws.measuring) return;
    const spec = (this.workloads[w] as Workload).spec;
    const running = this.runningOf(w).length;
    const serving = running >= spec.minRunning;
    const now = this.sim.nowMs;
    const wasServing = ws.upSinceMs >= 0;
    if (serving === wasServing) return;
    if (serving) {
      ws.upSinceMs = now;
      this.sim.emit({ type: "workload-up", atMs: now, workloadId: spec.id, running, required: spec.minRunning });
    } else {
      ws.upMs += now - ws.upSinceMs;
      ws.upSinceMs = -1;
      ws.outages++;
      this.sim.emit({ type: "workload-down", atMs: now, workloadId: spec.id, running, required: spec.minRunning });
    }
  }

  private host(id: string): number {
    return lookup(this.hostIndex, id, "host");
  }

  private az(id: string): number {
    return lookup(this.azIndex, id, "AZ");
  }

  private region(id: string): number {
    return lookup(this.regionIndex, id, "Region");
  }
}

function unique(map: Map<string, number>, id: string, index: number, what: string): void {
  if (map.has(id)) throw new Error(`Duplicate ${what} id "${id}".`);
  map.set(id, index);
}

function lookup(map: Map<string, number>, id: string, what: string): number {
  const i = map.get(id);
  if (i === undefined) throw new Error(`Unknown ${what} "${id}".`);
  return i;
}
