/**
 * The capstone lab's pure logic: the learner's design (lib/sim/capstone.ts) run through the scripted break, viewed
 * for the widget (topology of the web tier, per-bucket series, the database and DR state, the brief's checks).
 * No React, so it is unit-tested.
 */
import {
  CAPSTONE_AZS,
  CAPSTONE_DATABASES,
  CAPSTONE_DEFAULT_LOAD,
  CAPSTONE_REGION,
  CAPSTONE_TIMELINE,
  FAILURE_CAUSES,
  capstoneDowntimeWithin,
  capstonePlannedRtoMs,
  capstoneSteadyCost,
  checkCapstoneTargets,
  createCapstoneRun,
  formatCapstoneDuration,
  measureCapstone,
  measureCapstoneRecovery,
  type CapstoneCheck,
  type CapstoneDesign,
  type CapstoneLoad,
  type CapstoneMeasurement,
  type CapstoneTargets,
  type DrPhase,
  type ServiceView,
} from "@/lib/sim";
import { fromServiceView, type TargetCountsSample } from "../kit/topology-adapters";
import type { TopologyData } from "../kit/topology-view";

const MIN = 60_000;

export type BriefId = "shop" | "booking" | "reporting";

/** The briefs the lab offers; the targets match the lesson and the graded design question. */
export const BRIEFS: Record<BriefId, { label: string; load: CapstoneLoad; targets: CapstoneTargets }> = {
  shop: {
    label: "Online shop: peak 60 req/s, RTO 15 min, RPO 1 min, $3.20/h",
    load: { ...CAPSTONE_DEFAULT_LOAD, peakRps: 60 },
    targets: { minAvailability: 0.985, maxP95Ms: 250, maxRtoMs: 15 * MIN, maxRpoMs: MIN, maxCostPerHour: 3.2 },
  },
  booking: {
    label: "Booking site: peak 75 req/s, RTO 1 h, RPO 1 min, $3.25/h",
    load: { ...CAPSTONE_DEFAULT_LOAD, peakRps: 75 },
    targets: { minAvailability: 0.985, maxP95Ms: 250, maxRtoMs: 60 * MIN, maxRpoMs: MIN, maxCostPerHour: 3.25 },
  },
  reporting: {
    label: "Reporting tool: peak 45 req/s, RTO 4 h, RPO 2 h, $2.40/h",
    load: { ...CAPSTONE_DEFAULT_LOAD, peakRps: 45 },
    targets: { minAvailability: 0.985, maxP95Ms: 250, maxRtoMs: 240 * MIN, maxRpoMs: 120 * MIN, maxCostPerHour: 2.4 },
  },
};

export interface LabConfig extends CapstoneDesign {
  brief: BriefId;
}

/** A first draft with a classic single point of failure (the database), for the learner to improve. */
export const DEFAULT_CONFIG: LabConfig = {
  brief: "shop",
  azCount: 2,
  instancesPerAz: 1,
  scaling: "fixed",
  checkIntervalMs: 30_000,
  algorithm: "round-robin",
  database: "single",
  dr: "none",
};

/** The run continues past the Region failure until the DR plan has restored service (plus a few minutes). */
export function endMs(config: LabConfig): number {
  const rto = capstonePlannedRtoMs(config.dr, BRIEFS[config.brief].load.dataGiB);
  return CAPSTONE_TIMELINE.regionOutageAtMs + (rto === null ? 10 * MIN : rto + 5 * MIN);
}

export const RATE_SAMPLE_MS = 5_000;

export function createLab(config: LabConfig, seed: number) {
  const run = createCapstoneRun(config, BRIEFS[config.brief].load, seed);
  // Per-target counts every few simulated seconds (for the topology's recent rates) and the measurement frozen at
  // the Region failure (availability and cost are about the drill before it). Reading views changes nothing.
  const samples: TargetCountsSample[] = [];
  let atRegionFailure: CapstoneMeasurement | null = null;
  const sampleKind = run.sim.defineEvent("capstone-lab/sample", (_a, _b, atMs) => {
    samples.push({ nowMs: atMs, targets: run.service.view().targets.map((t) => ({ id: t.id, completed: t.completed, failed: t.failed })) });
    if (samples.length > 3) samples.shift();
    if (atMs + RATE_SAMPLE_MS <= CAPSTONE_TIMELINE.regionOutageAtMs) run.sim.schedule(atMs + RATE_SAMPLE_MS, sampleKind, 0, 0, 3);
  });
  run.sim.schedule(0, sampleKind, 0, 0, 3);
  const freezeKind = run.sim.defineEvent("capstone-lab/freeze", () => {
    atRegionFailure = measureCapstone(run);
  });
  run.sim.schedule(CAPSTONE_TIMELINE.regionOutageAtMs + 1, freezeKind, 0, 0, 3);
  return { sim: run.sim, run, config, samples, frozen: () => atRegionFailure };
}

export type LabHandle = ReturnType<typeof createLab>;

export type Phase = "steady" | "crashed" | "spike" | "az-outage" | "recovered" | "region-outage";

export function phaseAt(nowMs: number): Phase {
  const T = CAPSTONE_TIMELINE;
  if (nowMs >= T.regionOutageAtMs) return "region-outage";
  if (nowMs >= T.azOutageAtMs && nowMs < T.azOutageEndMs) return "az-outage";
  if (nowMs >= T.spikeStartMs && nowMs < T.spikeEndMs) return "spike";
  if (nowMs >= T.azOutageEndMs) return "recovered";
  if (nowMs >= T.crashAtMs) return "crashed";
  return "steady";
}

/** A target the run has not measured yet (nothing served, the Region not failed) is "not-run": neither met nor missed. */
export interface LabCheck extends CapstoneCheck {
  state: "met" | "missed" | "not-run";
}

export interface LabView {
  nowMs: number;
  phase: Phase;
  measurement: CapstoneMeasurement;
  checks: LabCheck[];
  /** Per 10-second bucket: served and failed requests per second, web p95, healthy targets. */
  series: { minutes: number[]; servedPerSec: number[]; failedPerSec: number[]; p95Ms: number[]; healthy: number[] };
  topology: TopologyData;
  instances: { inService: number; pending: number; desired: number };
  database: { primaryAz: string | null; accepting: boolean; standby: string | null };
  drPhase: DrPhase | null;
}

/** Only the slots the group is using (or the LB still knows about), so the topology shows real instances. */
function visibleTargets(v: ServiceView, h: LabHandle): ServiceView {
  const used = new Set(h.run.slots.filter((s) => s.instanceId !== null).map((s) => s.id));
  return { ...v, targets: v.targets.filter((t) => used.has(t.id) || (t.health !== "unused" && t.health !== "draining")) };
}

function labChecks(m: CapstoneMeasurement, brief: BriefId): LabCheck[] {
  const measuredYet: Record<CapstoneCheck["id"], boolean> = {
    availability: m.availability !== null,
    latency: m.p95Ms !== null,
    rto: m.regionFailed,
    rpo: m.regionFailed,
    cost: m.nowMs > 0,
  };
  return checkCapstoneTargets(m, BRIEFS[brief].targets).map((c): LabCheck => {
    if (measuredYet[c.id]) return { ...c, state: c.met ? "met" : "missed" };
    // RTO and RPO already read "not drilled yet"; the others would show a dash or the planned cost.
    const measured = c.id === "rto" || c.id === "rpo" ? c.measured : m.nowMs === 0 ? "not run yet" : "not measured yet";
    return { ...c, measured, state: "not-run" };
  });
}

export function viewLab(h: LabHandle): LabView {
  const now = h.sim.nowMs;
  const sv = h.run.service.view();
  const frozen = h.frozen();
  // After the Region failure only the DR drill moves on: availability, latency and cost stay as measured before it.
  const measurement = frozen ? { ...frozen, ...measureCapstoneRecovery(h.run) } : measureCapstone(h.run, sv);
  const s = sv.series;
  const minutes: number[] = [];
  const servedPerSec: number[] = [];
  const failedPerSec: number[] = [];
  const p95Ms: number[] = [];
  for (let k = 0; k < s.arrived.length; k++) {
    const from = k * s.bucketMs;
    if (from >= CAPSTONE_TIMELINE.regionOutageAtMs) break;
    const completed = s.completed[k] ?? 0;
    const served = completed * (1 - capstoneDowntimeWithin(h.run.dbDown, from, from + s.bucketMs, now) / s.bucketMs);
    const failed = FAILURE_CAUSES.reduce((sum, c) => sum + (s.failed[c][k] ?? 0), 0) + (completed - served);
    minutes.push((from + s.bucketMs) / MIN);
    servedPerSec.push(served / (s.bucketMs / 1000));
    failedPerSec.push(failed / (s.bucketMs / 1000));
    p95Ms.push(Math.min(s.latencyP95Ms[k] ?? 0, 1_000));
  }
  const samples = h.samples;
  let previous: TargetCountsSample | null = null;
  for (const x of samples) if (x.nowMs <= now - RATE_SAMPLE_MS) previous = x;
  const asg = h.run.asg.view();
  const db = h.run.database.view();
  return {
    nowMs: now,
    phase: phaseAt(now),
    measurement,
    checks: labChecks(measurement, h.config.brief),
    series: { minutes, servedPerSec, failedPerSec, p95Ms, healthy: s.healthyTargets.slice(0, minutes.length) },
    topology: fromServiceView(visibleTargets(sv, h), {
      regionId: CAPSTONE_REGION,
      azIds: CAPSTONE_AZS.slice(0, h.config.azCount),
      previous: previous ?? samples[0] ?? null,
    }),
    instances: { inService: asg.inService, pending: asg.pending, desired: asg.desired },
    database: {
      primaryAz: db.primary ? db.primary.azId : null,
      accepting: db.acceptingWrites,
      standby: db.standby ? `${db.standby.azId}${db.standby.up ? "" : " (down)"}` : null,
    },
    drPhase: h.run.dr ? h.run.dr.view().phase : null,
  };
}

const PHASE_TEXT: Record<Phase, string> = {
  steady: "Steady traffic; nothing has failed yet.",
  crashed: "The application on one instance in us-east-1a crashed at 15 min; health checks decide how long the load balancer keeps sending it requests.",
  spike: "Traffic spike: demand has jumped to the peak.",
  "az-outage": "us-east-1a is down (it holds the database's primary), in the middle of the spike.",
  recovered: "us-east-1a is back; the group does not move instances back to it.",
  "region-outage": "The whole of us-east-1 is down: the DR plan is running.",
};

export function costLine(config: LabConfig): string {
  const c = capstoneSteadyCost(config, BRIEFS[config.brief].load);
  return `Before any failure this design costs $${c.total.toFixed(2)} an hour: web $${c.web.toFixed(2)}, load balancer $${c.loadBalancer.toFixed(2)}, database $${c.database.toFixed(2)} (${CAPSTONE_DATABASES[config.database].nodes} node${CAPSTONE_DATABASES[config.database].nodes > 1 ? "s" : ""}), recovery Region $${c.dr.toFixed(2)}.`;
}

/** The aria-live summary: the phase, and the verdict once the run has ended. */
export function statusMessage(config: LabConfig, v: LabView, ended: boolean): string {
  if (v.nowMs === 0) return `Design ready: ${config.azCount} AZ${config.azCount > 1 ? "s" : ""} × ${config.instancesPerAz} instance${config.instancesPerAz > 1 ? "s" : ""}, ${CAPSTONE_DATABASES[config.database].label.toLowerCase()}, DR: ${config.dr === "none" ? "none" : config.dr.replace("-", " ")}. Press Play to run the drill.`;
  if (!ended) {
    const dr = v.phase === "region-outage" && v.drPhase ? ` DR phase: ${v.drPhase}.` : "";
    return `${PHASE_TEXT[v.phase]} ${v.instances.inService} instance${v.instances.inService === 1 ? "" : "s"} in service${v.instances.pending > 0 ? `, ${v.instances.pending} launching` : ""}; database ${v.database.accepting ? "accepting writes" : "not accepting writes"}.${dr}`;
  }
  const met = v.checks.filter((c) => c.met);
  const missed = v.checks.filter((c) => !c.met);
  return `Drill finished: ${met.length} of ${v.checks.length} targets met.${missed.length > 0 ? ` Missed: ${missed.map((c) => `${c.label.toLowerCase()} ${c.measured} (target ${c.target})`).join("; ")}.` : " Every target met."}`;
}

export { formatCapstoneDuration };
