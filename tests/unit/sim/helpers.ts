import {
  InfrastructureModel,
  Simulation,
  buildRegion,
  type InfraLogEntry,
  type InfrastructureConfig,
  type WorkloadSpec,
} from "@/lib/sim";

/** The lab's layout: us-east-1 with AZs a, b, c of two 8-core, 32 GiB hosts each. */
export const REGION = buildRegion({ id: "us-east-1", azCount: 3, hostsPerAz: 2, cpuCores: 8, memoryGiB: 32 });

export const web = (over: Partial<WorkloadSpec> = {}): WorkloadSpec => ({
  id: "web",
  replicas: 3,
  minRunning: 2,
  vcpu: 2,
  memoryGiB: 4,
  placement: "spread",
  ...over,
});

export function infraSim(config: Partial<InfrastructureConfig> & Pick<InfrastructureConfig, "workloads">, seed = 1) {
  const sim = new Simulation<InfraLogEntry>({ seed });
  const infra = new InfrastructureModel(sim, { regions: [REGION], hypervisor: "type-1", ...config });
  return { sim, infra };
}

/** VM id → host id for running VMs. */
export function hostsOf(infra: InfrastructureModel): Record<string, string | null> {
  return Object.fromEntries(infra.view().vms.map((v) => [v.id, v.hostId]));
}
