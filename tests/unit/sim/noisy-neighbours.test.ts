import { describe, expect, it } from "vitest";
import { InfrastructureModel, ServiceModel, Simulation, type InfraLogEntry, type ServiceLogEntry } from "@/lib/sim";

/** One 8-core host, type 1 (5 % overhead → 7.6 physical cores), CPU overcommitted 2× (15.2 vCPUs to place). */
function oneHost(cpuBusy: number) {
  const sim = new Simulation<InfraLogEntry>({ seed: 7 });
  const infra = new InfrastructureModel(sim, {
    regions: [{ id: "r", azs: [{ id: "ra", hosts: [{ id: "h1", cpuCores: 8, memoryGiB: 64 }] }] }],
    hypervisor: "type-1",
    cpuOvercommit: 2,
    workloads: [{ id: "app", replicas: 3, minRunning: 1, vcpu: 4, memoryGiB: 8, placement: "pack", cpuBusy }],
  });
  infra.placePending();
  return infra;
}

describe("noisy neighbours on an overcommitted host", () => {
  it("places more vCPUs than cores, and only slows VMs down when they are busy together", () => {
    const quiet = oneHost(0.5);
    // 3 VMs × 4 vCPU = 12 vCPU placed on 7.6 physical cores; at half busy they ask for 6 cores: no contention.
    expect(quiet.view().regions[0]?.azs[0]?.hosts[0]?.usedVcpu).toBe(12);
    expect(quiet.hostCpuContention("h1")).toBe(1);
    expect(quiet.vmSlowdown("app-1")).toBe(1);

    const busy = oneHost(1);
    // Fully busy they ask for 12 cores of 7.6: every VM waits for CPU, 12 / 7.6 ≈ 1.58× slower.
    expect(busy.hostCpuContention("h1")).toBeCloseTo(12 / 7.6, 10);
    expect(busy.vmSlowdown("app-2")).toBeCloseTo(12 / 7.6, 10);
  });

  it("one neighbour's burst slows the others on its host (and recovers when it calms down)", () => {
    const infra = oneHost(0.5);
    expect(infra.vmSlowdown("app-1")).toBe(1);
    infra.setVmCpuBusy("app-3", 1);
    infra.setVmCpuBusy("app-2", 1);
    // 4×0.5 + 4 + 4 = 10 vCPUs of demand on 7.6 cores.
    expect(infra.vmSlowdown("app-1")).toBeCloseTo(10 / 7.6, 10);
    expect(infra.view().vms.find((v) => v.id === "app-1")?.slowdown).toBeCloseTo(10 / 7.6, 10);
    infra.setVmCpuBusy("app-3", 0.1);
    infra.setVmCpuBusy("app-2", 0.1);
    expect(infra.vmSlowdown("app-1")).toBe(1);
  });

  it("a type 2 hypervisor keeps more for itself, so the same VMs contend sooner", () => {
    const sim = new Simulation<InfraLogEntry>({ seed: 1 });
    const infra = new InfrastructureModel(sim, {
      regions: [{ id: "r", azs: [{ id: "ra", hosts: [{ id: "h1", cpuCores: 8, memoryGiB: 64 }] }] }],
      hypervisor: "type-2",
      cpuOvercommit: 2,
      workloads: [{ id: "app", replicas: 2, minRunning: 1, vcpu: 4, memoryGiB: 8, placement: "pack", cpuBusy: 0.75 }],
    });
    infra.placePending();
    // 70 % of 8 cores = 5.6 physical; 2 × 4 × 0.75 = 6 vCPUs of demand.
    expect(infra.hostCpuContention("h1")).toBeCloseTo(6 / 5.6, 10);
  });

  it("keeps the busy fractions in snapshots", () => {
    const infra = oneHost(0.5);
    infra.setVmCpuBusy("app-1", 0.9);
    const copy = oneHost(0.5);
    copy.restore(JSON.parse(JSON.stringify(infra.snapshot())));
    expect(copy.vmSlowdown("app-2")).toBe(infra.vmSlowdown("app-2"));
    expect(copy.view().vms.find((v) => v.id === "app-1")?.cpuBusy).toBe(0.9);
  });
});

describe("noisy neighbours slow a service running on the same hosts", () => {
  function run(batchBusy: number) {
    const sim = new Simulation<ServiceLogEntry | InfraLogEntry>({ seed: 11 });
    const infra = new InfrastructureModel(sim, {
      regions: [{ id: "r", azs: [{ id: "ra", hosts: [{ id: "h1", cpuCores: 8, memoryGiB: 64 }] }] }],
      hypervisor: "type-1",
      cpuOvercommit: 2,
      workloads: [
        { id: "web", replicas: 1, minRunning: 1, vcpu: 4, memoryGiB: 8, placement: "pack", cpuBusy: 0.5 },
        { id: "batch", replicas: 2, minRunning: 0, vcpu: 4, memoryGiB: 8, placement: "pack", cpuBusy: 0.1 },
      ],
    });
    infra.placePending();
    const svc = new ServiceModel(
      sim,
      {
        regionId: "r",
        sources: [{ id: "users", arrivals: { kind: "constant", ratePerSec: 10 } }],
        classes: [{ id: "api", serviceTime: { kind: "deterministic", ms: 100 } }],
        targets: [{ id: "web", vmId: "web-1", workers: 4 }],
        loadBalancer: { algorithm: "round-robin", healthCheck: null },
      },
      infra,
    );
    sim.runUntil(10_000);
    // The batch jobs next door start a heavy run: web and batch now ask for more cores than the host has.
    infra.setVmCpuBusy("batch-1", batchBusy);
    infra.setVmCpuBusy("batch-2", batchBusy);
    sim.runUntil(20_000);
    const latency = svc.view().totals.latency;
    if (!latency) throw new Error("the run served nothing");
    return latency;
  }

  it("quiet neighbours leave the service alone; busy ones stretch its service time by the host's contention", () => {
    const quiet = run(0.1);
    const noisy = run(1);
    expect(quiet.p99Ms).toBeLessThan(110);
    // web 4×0.5 + batch 2×4×1 = 10 vCPUs of demand on 7.6 cores: 100 ms of work takes ≈ 132 ms.
    expect(noisy.p99Ms).toBeGreaterThan(125);
    expect(noisy.p99Ms).toBeLessThan(145);
  });
});
