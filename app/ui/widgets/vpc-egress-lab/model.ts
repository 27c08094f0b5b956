/**
 * The VPC egress lab's pure logic, composed from lib/sim's Simulation, seeded streams and arrival processes.
 * Application instances in a private subnet in each of three AZs make outbound calls (to a payment API, a package
 * mirror…). A private subnet has no route to the internet gateway, so its route table sends 0.0.0.0/0 to a NAT
 * gateway in a public subnet: either one shared NAT gateway in the first AZ, or one in every AZ. The learner fails
 * and recovers AZs and watches which subnets lose egress. A second, static part sizes the VPC's subnets.
 * No React, so it is unit-tested.
 */
import { ArrivalProcess, Simulation, type LogEntry } from "@/lib/sim";

export const SEC_MS = 1_000;
export const MIN_MS = 60 * SEC_MS;
/** Ten simulated minutes. */
export const LAB_END_MS = 10 * MIN_MS;
export const BUCKET_MS = 5 * SEC_MS;
export const AZ_IDS = ["us-east-1a", "us-east-1b", "us-east-1c"] as const;
export const AZ_COUNT = AZ_IDS.length;
/** Outbound calls per second from each AZ's private subnet (Poisson). */
export const CALLS_PER_SEC_PER_AZ = 10;

/**
 * Illustrative prices (US East (N. Virginia) list prices for a zonal NAT gateway and for data crossing AZs, as
 * published on the Amazon VPC and EC2 pricing pages; check them there before relying on them).
 */
export const NAT_PER_HOUR = 0.045;
export const NAT_PER_GB = 0.045;
/** Data between AZs of a Region is charged in each direction: $0.01/GB out of one AZ and $0.01/GB into the other. */
export const CROSS_AZ_PER_GB_EACH_WAY = 0.01;
export const HOURS_PER_MONTH = 730;

export type NatMode = "shared" | "per-az";
export const NAT_MODES: Record<NatMode, string> = {
  shared: "One shared NAT gateway (in us-east-1a)",
  "per-az": "One NAT gateway per AZ",
};
export const GB_PER_HOUR_CHOICES = [0.5, 2, 5, 20, 100] as const;

export interface EgressConfig {
  natMode: NatMode;
  /** Outbound data per AZ's private subnet, GB per hour (for the cost only). */
  gbPerHourPerAz: number;
}

export const DEFAULT_CONFIG: EgressConfig = { natMode: "shared", gbPerHourPerAz: 5 };

/** The AZ index whose NAT gateway a private subnet in `az` routes 0.0.0.0/0 to. */
export function natAzFor(config: EgressConfig, az: number): number {
  return config.natMode === "per-az" ? az : 0;
}

export function natCount(config: EgressConfig): number {
  return config.natMode === "per-az" ? AZ_COUNT : 1;
}

export interface EgressCost {
  natHours: number;
  processing: number;
  crossAz: number;
  total: number;
  monthly: number;
}

/** Steady cost per hour: NAT gateway hours, data processed by the NAT gateways, and data crossing AZs to reach them. */
export function costPerHour(config: EgressConfig): EgressCost {
  const natHours = natCount(config) * NAT_PER_HOUR;
  const gb = config.gbPerHourPerAz * AZ_COUNT;
  const processing = gb * NAT_PER_GB;
  let crossingGb = 0;
  for (let az = 0; az < AZ_COUNT; az++) if (natAzFor(config, az) !== az) crossingGb += config.gbPerHourPerAz;
  const crossAz = crossingGb * 2 * CROSS_AZ_PER_GB_EACH_WAY;
  const total = natHours + processing + crossAz;
  return { natHours, processing, crossAz, total, monthly: total * HOURS_PER_MONTH };
}

/**
 * Outbound data per AZ (GB/h) above which one NAT gateway per AZ is cheaper than one shared one: the extra gateways
 * cost (n − 1) × hourly price; the shared one makes (n − 1) AZs' traffic cross AZs at 2 × $0.01/GB.
 */
export function breakEvenGbPerHourPerAz(): number {
  return NAT_PER_HOUR / (2 * CROSS_AZ_PER_GB_EACH_WAY);
}

export interface AzCounts {
  attempted: number;
  succeeded: number;
  failed: number;
}

export interface Bucket {
  endSec: number;
  attempted: number;
  failed: number;
}

export interface EgressHandle {
  sim: Simulation<LogEntry>;
  config: EgressConfig;
  azUp: boolean[];
  perAz: AzCounts[];
  bucket: { attempted: number; failed: number };
  buckets: Bucket[];
  /** What the learner did last, for the status line. */
  events: string[];
}

export function createEgressLab(config: EgressConfig, seed: number): EgressHandle {
  const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 200 });
  const h: EgressHandle = {
    sim,
    config,
    azUp: AZ_IDS.map(() => true),
    perAz: AZ_IDS.map(() => ({ attempted: 0, succeeded: 0, failed: 0 })),
    bucket: { attempted: 0, failed: 0 },
    buckets: [],
    events: [],
  };
  const arrivals = AZ_IDS.map(() => new ArrivalProcess({ kind: "poisson", ratePerSec: CALLS_PER_SEC_PER_AZ }));
  const call = sim.defineEvent("egress/call", (az) => {
    onCall(h, az);
    const next = (arrivals[az] as ArrivalProcess).next(sim.nowMs, sim.stream(`egress/${AZ_IDS[az]}/calls`));
    if (next >= 0) sim.schedule(next, call, az);
  });
  AZ_IDS.forEach((id, az) => {
    const first = (arrivals[az] as ArrivalProcess).next(0, sim.stream(`egress/${id}/calls`));
    if (first >= 0) sim.schedule(first, call, az);
  });
  const bucketKind = sim.defineEvent("egress/bucket", () => {
    h.buckets.push({ endSec: Math.round(sim.nowMs / SEC_MS), ...h.bucket });
    h.bucket = { attempted: 0, failed: 0 };
    sim.schedule(sim.nowMs + BUCKET_MS, bucketKind, 0, 0, 1);
  });
  sim.schedule(BUCKET_MS, bucketKind, 0, 0, 1);
  return h;
}

function onCall(h: EgressHandle, az: number): void {
  // Instances in a failed AZ are down: they make no calls at all.
  if (!h.azUp[az]) return;
  const counts = h.perAz[az] as AzCounts;
  counts.attempted++;
  h.bucket.attempted++;
  if (h.azUp[natAzFor(h.config, az)]) counts.succeeded++;
  else {
    // The route table still points at the NAT gateway in the failed AZ: the call times out.
    counts.failed++;
    h.bucket.failed++;
  }
}

export function failAz(h: EgressHandle, az: number): void {
  if (!h.azUp[az]) return;
  h.azUp[az] = false;
  h.sim.emit({ type: "egress-az-failed", atMs: h.sim.nowMs });
  h.events.push(`failed ${AZ_IDS[az]}`);
}

export function recoverAz(h: EgressHandle, az: number): void {
  if (h.azUp[az]) return;
  h.azUp[az] = true;
  h.sim.emit({ type: "egress-az-recovered", atMs: h.sim.nowMs });
  h.events.push(`recovered ${AZ_IDS[az]}`);
}

export type SubnetEgress = "ok" | "down" | "no-egress";

export interface EgressView {
  nowMs: number;
  azUp: boolean[];
  /** Per AZ: its instances are down, or they run but cannot reach the internet, or all is well. */
  egress: SubnetEgress[];
  perAz: AzCounts[];
  totals: AzCounts;
  /** Succeeded / attempted outbound calls so far (null before any). */
  availability: number | null;
  buckets: Bucket[];
  lastEvent: string | null;
}

export function egressState(config: EgressConfig, azUp: readonly boolean[], az: number): SubnetEgress {
  if (!azUp[az]) return "down";
  return azUp[natAzFor(config, az)] ? "ok" : "no-egress";
}

export function viewEgressLab(h: EgressHandle): EgressView {
  const totals = h.perAz.reduce(
    (t, c) => ({ attempted: t.attempted + c.attempted, succeeded: t.succeeded + c.succeeded, failed: t.failed + c.failed }),
    { attempted: 0, succeeded: 0, failed: 0 },
  );
  return {
    nowMs: h.sim.nowMs,
    azUp: h.azUp.slice(),
    egress: AZ_IDS.map((_, az) => egressState(h.config, h.azUp, az)),
    perAz: h.perAz.map((c) => ({ ...c })),
    totals,
    availability: totals.attempted === 0 ? null : totals.succeeded / totals.attempted,
    buckets: h.buckets.slice(),
    lastEvent: h.events[h.events.length - 1] ?? null,
  };
}

/* ---------------------------------------------------------------------------------------------------------------
 * Subnet sizing: the VPC's CIDR block split into equal subnets.
 */

/** AWS reserves five addresses in every subnet: network, VPC router, DNS, one for future use, and the last one. */
export const AWS_RESERVED_PER_SUBNET = 5;
export const VPC_PREFIXES = [16, 18, 20, 22, 24] as const;
export const SUBNET_PREFIXES = [18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28] as const;

/** Addresses in a block of this prefix length. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** Addresses you can give to instances, load balancers and other interfaces in a subnet of this prefix length. */
export function usableAddresses(prefix: number): number {
  return blockSize(prefix) - AWS_RESERVED_PER_SUBNET;
}

/** How many subnets of `subnetPrefix` fit in a VPC of `vpcPrefix` (0 if the subnet is bigger than the VPC). */
export function subnetsThatFit(vpcPrefix: number, subnetPrefix: number): number {
  return subnetPrefix < vpcPrefix ? 0 : 2 ** (subnetPrefix - vpcPrefix);
}

function ipToString(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

/** The first `count` subnet CIDR blocks of `subnetPrefix` carved in order out of 10.0.0.0/`vpcPrefix`. */
export function subnetCidrs(vpcPrefix: number, subnetPrefix: number, count: number): string[] {
  const n = Math.min(count, subnetsThatFit(vpcPrefix, subnetPrefix));
  const base = 10 * 2 ** 24;
  return Array.from({ length: n }, (_, i) => `${ipToString(base + i * blockSize(subnetPrefix))}/${subnetPrefix}`);
}

/** The addresses AWS reserves in a subnet, e.g. 10.0.0.0/24 → .0, .1, .2, .3 and .255. */
export function reservedAddresses(cidr: string): string[] {
  const [ip, p] = cidr.split("/");
  const start = (ip ?? "0.0.0.0").split(".").reduce((a, o) => a * 256 + Number(o), 0);
  const size = blockSize(Number(p));
  return [0, 1, 2, 3, size - 1].map((k) => ipToString(start + k));
}

export interface SizingConfig {
  vpcPrefix: number;
  subnetPrefix: number;
  /** Addresses each private subnet needs at peak (instances, containers with their own interfaces, endpoints…). */
  needPerSubnet: number;
}

/** Public and private subnet in each of the three AZs. */
export const SUBNETS_NEEDED = 2 * AZ_COUNT;
export const DEFAULT_SIZING: SizingConfig = { vpcPrefix: 16, subnetPrefix: 24, needPerSubnet: 200 };
export const NEED_CHOICES = [20, 60, 200, 500, 1000, 4000] as const;

export interface SizingResult {
  fit: number;
  usable: number;
  enoughSubnets: boolean;
  enoughAddresses: boolean;
  cidrs: string[];
}

export function sizeSubnets(s: SizingConfig): SizingResult {
  const fit = subnetsThatFit(s.vpcPrefix, s.subnetPrefix);
  const usable = usableAddresses(s.subnetPrefix);
  return {
    fit,
    usable,
    enoughSubnets: fit >= SUBNETS_NEEDED,
    enoughAddresses: usable >= s.needPerSubnet,
    cidrs: subnetCidrs(s.vpcPrefix, s.subnetPrefix, SUBNETS_NEEDED),
  };
}

export function sizingMessage(s: SizingConfig): string {
  const r = sizeSubnets(s);
  const verdict = !r.enoughSubnets
    ? `only ${r.fit} subnet${r.fit === 1 ? "" : "s"} of /${s.subnetPrefix} fit in a /${s.vpcPrefix} VPC; you need ${SUBNETS_NEEDED}.`
    : !r.enoughAddresses
      ? `${r.fit.toLocaleString("en-US")} fit, but each has only ${r.usable.toLocaleString("en-US")} usable addresses; you need ${s.needPerSubnet.toLocaleString("en-US")}.`
      : `${r.usable.toLocaleString("en-US")} usable addresses each (${blockSize(s.subnetPrefix).toLocaleString("en-US")} − 5 reserved), and ${(r.fit - SUBNETS_NEEDED).toLocaleString("en-US")} more subnets of this size still fit: the plan works.`;
  return `Sizing: 10.0.0.0/${s.vpcPrefix} split into /${s.subnetPrefix} subnets: ${verdict}`;
}

/**
 * What the live region says. A sizing change is announced until the status itself moves on (a phase change or
 * another action); `sizingOver` is the status it was made over, or null. While playing the status is steady, so the
 * sizing message survives the frames that follow.
 */
export function liveMessage(status: string, sizingOver: string | null, sizing: SizingConfig): string {
  return sizingOver === status ? sizingMessage(sizing) : status;
}

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)} %`);

/** The aria-live summary: set-up, the learner's last action and the results (quiet while the run plays). */
export function statusMessage(
  config: EgressConfig,
  v: EgressView,
  state: { playing: boolean; ended: boolean },
): string {
  const cost = costPerHour(config);
  const design = `${NAT_MODES[config.natMode]}, $${cost.total.toFixed(2)} an hour`;
  const noEgress = AZ_IDS.filter((_, az) => v.egress[az] === "no-egress");
  const down = AZ_IDS.filter((_, az) => v.egress[az] === "down");
  const situation =
    down.length === 0
      ? "All three AZs are up; every private subnet reaches the internet."
      : `${down.join(" and ")} down (its instances stopped). ${
          noEgress.length === 0
            ? "The surviving private subnets still reach the internet through their own NAT gateways."
            : `Private subnets in ${noEgress.join(" and ")} still run but have lost internet access: their route points at the NAT gateway in ${AZ_IDS[0]}.`
        }`;
  if (v.nowMs === 0) return `${design}. ${situation} Press Play, then fail an AZ.`;
  if (state.playing && v.lastEvent === null) return `Running: ${design}. Fail an AZ to see which subnets lose egress.`;
  const measured = `Outbound calls: ${v.totals.succeeded.toLocaleString("en-US")} of ${v.totals.attempted.toLocaleString("en-US")} succeeded (${pct(v.availability)}).`;
  if (state.playing) return `${situation} Pause to hear the measured numbers.`;
  return `${state.ended ? "Run finished" : `Paused at ${Math.round(v.nowMs / SEC_MS)} s`}. ${situation} ${measured}`;
}
