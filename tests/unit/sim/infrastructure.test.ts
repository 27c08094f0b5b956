import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HYPERVISOR_OVERHEAD_FRACTION, buildRegion, minReplicasToSurviveAzLoss, type InfrastructureModel } from "@/lib/sim";
import { hostsOf, infraSim, web } from "./helpers";

const azOf = (hostId: string | null) => hostId?.slice(0, "us-east-1a".length) ?? null;

describe("placement", () => {
  it("spread puts replicas in distinct AZs first, then on distinct hosts", () => {
    const { infra } = infraSim({ workloads: [web({ replicas: 6 })] });
    expect(infra.placePending()).toBe(6);
    const hosts = hostsOf(infra);
    expect(["web-1", "web-2", "web-3"].map((v) => azOf(hosts[v] ?? null))).toEqual([
      "us-east-1a",
      "us-east-1b",
      "us-east-1c",
    ]);
    expect(new Set(Object.values(hosts)).size).toBe(6);
  });

  it("pack fills each host before using the next (first-fit decreasing)", () => {
    // Type 1 keeps 5 %: 7.6 usable vCPU per host, so three 2-vCPU VMs fit and a fourth does not.
    const { infra } = infraSim({ workloads: [web({ replicas: 7, placement: "pack" })] });
    infra.placePending();
    const hosts = hostsOf(infra);
    expect(Object.values(hosts)).toEqual([
      "us-east-1a-1",
      "us-east-1a-1",
      "us-east-1a-1",
      "us-east-1a-2",
      "us-east-1a-2",
      "us-east-1a-2",
      "us-east-1b-1",
    ]);
  });

  it("first-fit decreasing places the biggest VMs first across workloads", () => {
    const { infra } = infraSim({
      workloads: [
        web({ replicas: 2, placement: "pack" }),
        { id: "batch", replicas: 1, minRunning: 1, vcpu: 4, memoryGiB: 16, placement: "pack" },
      ],
    });
    infra.placePending();
    // batch (16 GiB) goes first onto a-1; then one 2-vCPU web fits beside it (6 ≤ 7.6), the next moves on.
    expect(hostsOf(infra)).toEqual({ "web-1": "us-east-1a-1", "web-2": "us-east-1a-2", "batch-1": "us-east-1a-1" });
  });

  it("single-az keeps every replica in one AZ, spread over its hosts", () => {
    const { infra } = infraSim({ workloads: [web({ replicas: 4, placement: "single-az", azId: "us-east-1b" })] });
    infra.placePending();
    expect(Object.values(hostsOf(infra))).toEqual(["us-east-1b-1", "us-east-1b-2", "us-east-1b-1", "us-east-1b-2"]);
  });

  it("a single-AZ workload cannot move out of its failed AZ", () => {
    const { sim, infra } = infraSim({ workloads: [web({ placement: "single-az" })] });
    infra.placePending();
    infra.failAz("us-east-1a");
    infra.placePending();
    expect(infra.workloadStatus("web").running).toBe(0);
    const last = sim.log.findLast((e) => e.type === "vm-unplaceable");
    expect(last && "reason" in last ? last.reason : "").toMatch(/single-AZ.*us-east-1a is down/);
  });

  it("respects hypervisor overhead: type 2 leaves room for fewer VMs", () => {
    // Type 2 keeps 30 %: 5.6 usable vCPU, so only two 2-vCPU VMs per host.
    const { infra } = infraSim({ hypervisor: "type-2", workloads: [web({ replicas: 13, placement: "pack" })] });
    expect(infra.placePending()).toBe(12);
    expect(infra.hostCapacity("us-east-1a-1")).toEqual({ usableVcpu: 8 * 0.7, usableMemoryGiB: 32 * 0.7 });
    expect(infra.workloadStatus("web")).toMatchObject({ running: 12, pending: 1 });
    expect(HYPERVISOR_OVERHEAD_FRACTION["type-1"]).toBeLessThan(HYPERVISOR_OVERHEAD_FRACTION["type-2"]);
  });

  it("overcommits CPU but never memory", () => {
    // Overcommit 4: 30.4 usable vCPU, but 30.4 GiB holds only seven 4 GiB VMs.
    const { infra } = infraSim({ cpuOvercommit: 4, workloads: [web({ replicas: 8, placement: "pack" })] });
    infra.placePending();
    const a1 = infra.view().regions[0]?.azs[0]?.hosts[0];
    expect(a1?.vmIds).toHaveLength(7);
    expect(a1?.usedMemoryGiB).toBeLessThanOrEqual(a1?.usableMemoryGiB ?? 0);
    expect(a1?.usedVcpu).toBe(14);
  });

  it("counts the fewest replicas that survive losing one AZ", () => {
    expect(minReplicasToSurviveAzLoss(1, 3)).toBe(2);
    expect(minReplicasToSurviveAzLoss(2, 3)).toBe(3);
    expect(minReplicasToSurviveAzLoss(3, 3)).toBe(5);
    expect(minReplicasToSurviveAzLoss(3, 1)).toBeNull();
  });
});

describe("failures", () => {
  it("failing an AZ stops exactly the VMs in it", () => {
    const { sim, infra } = infraSim({ workloads: [web({ replicas: 6, minRunning: 3 })] });
    infra.placePending();
    const before = hostsOf(infra);
    const inA = Object.keys(before).filter((v) => azOf(before[v] ?? null) === "us-east-1a");
    infra.failAz("us-east-1a");
    const after = hostsOf(infra);
    for (const [vm, host] of Object.entries(before)) {
      expect(after[vm]).toBe(inA.includes(vm) ? null : host);
    }
    const failed = sim.log.find((e) => e.type === "az-failed");
    expect(failed && "lostVmIds" in failed ? failed.lostVmIds : []).toEqual(inA);
    expect(infra.workloadStatus("web")).toMatchObject({ running: 4, lost: 2, serving: true });
  });

  it("a failed host takes its VMs with it; failing it again is a no-op", () => {
    const { infra } = infraSim({ workloads: [web({ replicas: 3, placement: "pack" })] });
    infra.placePending();
    expect(infra.failHost("us-east-1a-1")).toBe(true);
    expect(infra.failHost("us-east-1a-1")).toBe(false);
    expect(infra.workloadStatus("web")).toMatchObject({ running: 0, lost: 3, serving: false });
    expect(infra.survivesAnySingleFailure("web", "host")).toBe(false);
  });

  it("recovering an AZ does not bring back a host that failed on its own", () => {
    const { infra } = infraSim({ workloads: [web()] });
    infra.failHost("us-east-1a-1");
    infra.failAz("us-east-1a");
    infra.recoverAz("us-east-1a");
    const hosts = infra.view().regions[0]?.azs[0]?.hosts;
    expect(hosts?.map((h) => h.available)).toEqual([false, true]);
  });

  it("failing the Region stops everything in it", () => {
    const { infra } = infraSim({ workloads: [web({ replicas: 6 })] });
    infra.placePending();
    infra.failRegion("us-east-1");
    expect(infra.workloadStatus("web").running).toBe(0);
    infra.recoverRegion("us-east-1");
    infra.placePending();
    expect(infra.workloadStatus("web").running).toBe(6);
  });

  it("survivesAnySingleFailure matches what actually happens", () => {
    const { infra } = infraSim({ workloads: [web({ replicas: 5, minRunning: 3 })] });
    infra.placePending();
    expect(infra.survivesAnySingleFailure("web", "az")).toBe(true);
    for (const az of ["us-east-1a", "us-east-1b", "us-east-1c"]) {
      infra.failAz(az);
      expect(infra.workloadStatus("web").serving).toBe(true);
      infra.recoverAz(az);
      infra.placePending();
    }
  });

  it("restarts lost VMs on surviving capacity after restartDelayMs", () => {
    const { sim, infra } = infraSim({ restartDelayMs: 60_000, workloads: [web({ replicas: 3, minRunning: 3 })] });
    infra.placePending();
    sim.runUntil(1_000);
    infra.failAz("us-east-1a");
    expect(infra.workloadStatus("web").serving).toBe(false);
    sim.runUntil(60_999);
    expect(infra.workloadStatus("web").running).toBe(2);
    sim.runUntil(61_000);
    const status = infra.workloadStatus("web");
    expect(status).toMatchObject({ running: 3, serving: true, outages: 1 });
    // Down for exactly the restart delay: 60 s of 61 s.
    expect(status.availability).toBeCloseTo(1 - 60 / 61, 12);
    expect(azOf(hostsOf(infra)["web-1"] ?? null)).not.toBe("us-east-1a");
  });

  it("random host failures follow each host's own stream", () => {
    const run = (seed: number) => {
      const { sim, infra } = infraSim({ randomHostFailures: { mtbfMs: 3_600_000, mttrMs: 600_000 }, workloads: [web()] }, seed);
      infra.placePending();
      sim.runUntil(24 * 3_600_000);
      return sim.log.filter((e) => e.type === "host-failed" || e.type === "host-recovered");
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
    expect(run(5).length).toBeGreaterThan(10);
  });
});

describe("availability", () => {
  it("matches a hand-computed value for a scripted failure schedule", () => {
    const { sim, infra } = infraSim({ workloads: [web({ replicas: 3, minRunning: 2 })] });
    // t=0 place: web-1 a-1, web-2 b-1, web-3 c-1 (3 running ≥ 2: up).
    infra.schedulePlacement(0);
    // t=10 s AZ a fails: web-1 lost, 2 running: still up.
    infra.scheduleFault(10_000, "az", "us-east-1a", "fail");
    // t=20 s host b-1 fails: web-2 lost, 1 running: down.
    infra.scheduleFault(20_000, "host", "us-east-1b-1", "fail");
    // t=30 s AZ a recovers, but nothing restarts on its own: still down.
    infra.scheduleFault(30_000, "az", "us-east-1a", "recover");
    // t=40 s place again: web-1 and web-2 run again (on a-1 and b-2): up.
    infra.schedulePlacement(40_000);
    sim.runUntil(50_000);
    // Up during [0, 20) and [40, 50): 30 s of 50 s.
    const status = infra.workloadStatus("web");
    expect(status.availability).toBe(0.6);
    expect(status.outages).toBe(1);
    expect(hostsOf(infra)).toEqual({ "web-1": "us-east-1a-1", "web-2": "us-east-1b-2", "web-3": "us-east-1c-1" });
    expect(sim.log.filter((e) => e.type === "workload-down" || e.type === "workload-up").map((e) => [e.type, e.atMs])).toEqual([
      ["workload-up", 0],
      ["workload-down", 20_000],
      ["workload-up", 40_000],
    ]);
  });

  it("is null before anything is placed", () => {
    const { sim, infra } = infraSim({ workloads: [web()] });
    sim.runUntil(1000);
    expect(infra.workloadStatus("web").availability).toBeNull();
  });
});

describe("invariants (property)", () => {
  const action = fc.oneof(
    fc.record({ kind: fc.constant("place" as const) }),
    fc.record({ kind: fc.constantFrom("failHost" as const, "recoverHost" as const), host: fc.nat() }),
    fc.record({ kind: fc.constantFrom("failAz" as const, "recoverAz" as const), az: fc.nat() }),
    fc.record({ kind: fc.constantFrom("failRegion" as const, "recoverRegion" as const) }),
    fc.record({ kind: fc.constant("wait" as const), ms: fc.integer({ min: 0, max: 200_000 }) }),
  );
  const workload = fc.record({
    replicas: fc.integer({ min: 0, max: 8 }),
    minRunning: fc.integer({ min: 0, max: 4 }),
    vcpu: fc.constantFrom(1, 2, 4),
    memoryGiB: fc.constantFrom(2, 4, 8, 16),
    placement: fc.constantFrom("spread" as const, "pack" as const, "single-az" as const),
  });

  function check(infra: InfrastructureModel) {
    const view = infra.view();
    const available = new Map<string, boolean>();
    for (const r of view.regions) {
      for (const az of r.azs) {
        for (const h of az.hosts) {
          available.set(h.id, h.available);
          expect(h.usedMemoryGiB).toBeLessThanOrEqual(h.usableMemoryGiB + 1e-9);
          expect(h.usedVcpu).toBeLessThanOrEqual(h.usableVcpu + 1e-9);
          expect(h.usableMemoryGiB).toBeLessThanOrEqual(h.memoryGiB);
          if (!h.available) expect(h.vmIds).toEqual([]);
        }
      }
    }
    for (const vm of view.vms) {
      if (vm.state === "running") expect(available.get(vm.hostId ?? "")).toBe(true);
      else expect(vm.hostId).toBeNull();
    }
    for (const w of view.workloads) {
      expect(w.running + w.pending + w.lost).toBe(w.replicas);
      expect(w.serving).toBe(w.running >= w.required);
      if (w.availability !== null) {
        expect(w.availability).toBeGreaterThanOrEqual(0);
        expect(w.availability).toBeLessThanOrEqual(1 + 1e-12);
      }
    }
  }

  it("no VM runs on a failed host and no host is over capacity, whatever happens", () => {
    fc.assert(
      fc.property(
        fc.array(workload, { minLength: 1, maxLength: 3 }),
        fc.array(action, { maxLength: 40 }),
        fc.constantFrom("type-1" as const, "type-2" as const),
        fc.constantFrom(1, 2, 4),
        fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
        (workloads, actions, hypervisor, cpuOvercommit, restartDelayMs) => {
          const region = buildRegion({ id: "r", azCount: 3, hostsPerAz: 2, cpuCores: 8, memoryGiB: 32 });
          const { sim, infra } = infraSim({
            regions: [region],
            hypervisor,
            cpuOvercommit,
            restartDelayMs,
            workloads: workloads.map((w, i) => ({ ...w, id: `w${i}` })),
          });
          const hosts = region.azs.flatMap((az) => az.hosts.map((h) => h.id));
          for (const a of actions) {
            if (a.kind === "place") infra.placePending();
            else if (a.kind === "failHost") infra.failHost(hosts[a.host % hosts.length] as string);
            else if (a.kind === "recoverHost") infra.recoverHost(hosts[a.host % hosts.length] as string);
            else if (a.kind === "failAz") infra.failAz(region.azs[a.az % 3]?.id as string);
            else if (a.kind === "recoverAz") infra.recoverAz(region.azs[a.az % 3]?.id as string);
            else if (a.kind === "failRegion") infra.failRegion("r");
            else if (a.kind === "recoverRegion") infra.recoverRegion("r");
            else if (a.kind === "wait") sim.runUntil(sim.nowMs + a.ms);
            check(infra);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
