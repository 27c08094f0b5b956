/**
 * Maps lib/sim views onto the topology view's plain data. Pure functions (no React), so widgets can call them from
 * their `view` function and tests can check them directly.
 */
import type { InfrastructureView, ServiceView, TargetHealth, TargetView, VmState } from "@/lib/sim";
import type { TopologyAz, TopologyData, TopologyNode, TopologyStatus } from "./topology-view";

/** Per-target request counts at an earlier moment, to turn cumulative counts into a recent rate. */
export interface TargetCountsSample {
  nowMs: number;
  targets: readonly { id: string; completed: number; failed: number }[];
}

export interface ServiceTopologyOptions {
  /** `ServiceView` does not carry it: the `regionId` of the service's config. */
  regionId: string;
  /** AZ order (and AZs to show even with no target). Default: the order targets first appear in. */
  azIds?: readonly string[];
  /** An earlier sample of the same run: throughput becomes the rate since then. Without it: the run's average. */
  previous?: TargetCountsSample | null;
  loadBalancerLabel?: string;
  /** Overrides a target's detail line (default: what the load balancer believes about it). */
  detail?: (target: TargetView) => string | undefined;
}

/** A target's status: down beats everything; otherwise what the load balancer's health checks say. */
export function targetStatus(t: Pick<TargetView, "up" | "health">): TopologyStatus {
  if (!t.up) return "down";
  const byHealth: Record<TargetHealth, TopologyStatus> = {
    healthy: "up",
    unhealthy: "unhealthy",
    draining: "draining",
    initial: "pending",
    unused: "pending",
  };
  return byHealth[t.health];
}

/** The default detail line: what the load balancer believes, which is the interesting part when it is wrong. */
export function targetDetail(t: Pick<TargetView, "up" | "health">): string {
  const text: Record<TargetHealth, string> = {
    healthy: t.up ? "LB: healthy" : "LB still thinks healthy",
    unhealthy: "LB: unhealthy",
    initial: "LB: not yet checked",
    draining: "LB: draining",
    unused: "deregistered",
  };
  return text[t.health];
}

/** Recent requests/s per target (sent to it = completed + failed there) and failures/s. */
export function targetRates(
  view: Pick<ServiceView, "nowMs" | "targets">,
  previous?: TargetCountsSample | null,
): Map<string, { perSec: number; failingPerSec: number }> {
  const out = new Map<string, { perSec: number; failingPerSec: number }>();
  const before = previous && previous.nowMs < view.nowMs ? new Map(previous.targets.map((t) => [t.id, t])) : null;
  const spanMs = before ? view.nowMs - (previous as TargetCountsSample).nowMs : view.nowMs;
  for (const t of view.targets) {
    const p = before?.get(t.id);
    const sent = t.completed + t.failed - (p ? p.completed + p.failed : 0);
    const failed = t.failed - (p ? p.failed : 0);
    out.set(t.id, spanMs > 0 ? { perSec: (sent * 1000) / spanMs, failingPerSec: (failed * 1000) / spanMs } : { perSec: 0, failingPerSec: 0 });
  }
  return out;
}

/** `ServiceModel.view()` → one Region with a load balancer, the targets grouped by AZ, and flows per target. */
export function fromServiceView(view: ServiceView, options: ServiceTopologyOptions): TopologyData {
  const rates = targetRates(view, options.previous);
  const azOrder: string[] = [...(options.azIds ?? [])];
  for (const t of view.targets) {
    const az = t.azId ?? "no AZ";
    if (!azOrder.includes(az)) azOrder.push(az);
  }
  const util = view.series.utilisationByTarget;
  let inPerSec = 0;
  const azs: TopologyAz[] = azOrder.map((azId) => ({
    id: azId,
    nodes: view.targets
      .filter((t) => (t.azId ?? "no AZ") === azId)
      .map((t): TopologyNode => {
        const r = rates.get(t.id) ?? { perSec: 0, failingPerSec: 0 };
        inPerSec += r.perSec;
        const recent = util[t.id];
        const lastUtil = recent && recent.length > 0 ? recent[recent.length - 1] : undefined;
        return {
          id: t.id,
          status: targetStatus(t),
          detail: options.detail?.(t) ?? targetDetail(t),
          utilisation: t.up ? (lastUtil ?? t.utilisation) : null,
          queue: t.up ? t.queued : null,
          throughputPerSec: r.perSec,
          failingPerSec: r.failingPerSec,
        };
      }),
  }));
  const lbDetail = [view.algorithm, view.crossZone ? "cross-zone" : null, view.failOpen ? "fail-open: all unhealthy" : null]
    .filter(Boolean)
    .join(", ");
  return {
    regions: [
      {
        id: options.regionId,
        loadBalancer: { label: options.loadBalancerLabel ?? "Load balancer", detail: lbDetail, inPerSec },
        azs,
      },
    ],
  };
}

const VM_STATUS: Record<VmState, TopologyStatus> = { running: "up", pending: "pending", lost: "down" };

export interface InfrastructureTopologyOptions {
  /** Only this workload's VMs. */
  workloadId?: string;
}

/** `InfrastructureModel.view()` → Regions › AZs › hosts (with their VMs as chips); VMs not running are `unplaced`. */
export function fromInfrastructureView(view: InfrastructureView, options: InfrastructureTopologyOptions = {}): TopologyData {
  const vms = new Map(view.vms.map((v) => [v.id, v]));
  const keep = (id: string) => !options.workloadId || vms.get(id)?.workloadId === options.workloadId;
  const regions = view.regions.map((r) => ({
    id: r.id,
    status: r.up ? undefined : ("down" as const),
    azs: r.azs.map(
      (az): TopologyAz => ({
        id: az.id,
        status: az.up && r.up ? undefined : "down",
        nodes: az.hosts.map((h): TopologyNode => {
          const why = !h.up ? "host failed" : !az.up ? "AZ down" : !r.up ? "Region down" : null;
          return {
            id: h.id,
            status: h.available ? "up" : "down",
            detail: why ?? `${fmtUnits(h.usedVcpu)}/${fmtUnits(h.usableVcpu)} vCPU · ${fmtUnits(h.usedMemoryGiB)}/${fmtUnits(h.usableMemoryGiB)} GiB`,
            utilisation: h.available && h.usableVcpu > 0 ? h.usedVcpu / h.usableVcpu : null,
            children: h.vmIds.filter(keep).map((id) => ({
              id,
              status: VM_STATUS[vms.get(id)?.state ?? "running"],
              detail: vms.get(id)?.workloadId,
            })),
          };
        }),
      }),
    ),
  }));
  const unplaced = view.vms
    .filter((v) => v.hostId === null && keep(v.id))
    .map((v): TopologyNode => ({
      id: v.id,
      status: VM_STATUS[v.state],
      detail: v.state === "lost" ? "lost, waiting for a restart" : "waiting for capacity",
    }));
  return { regions, unplaced };
}

function fmtUnits(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}
