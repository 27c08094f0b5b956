/** The simulation engine's public API. Pure TypeScript: runs the same in the browser, in Node and in tests. */
export { createRng, createStream, deriveSeed, hashString, type Rng } from "./random";
export { EventQueue, type QueuedEvent } from "./event-queue";
export {
  Simulation,
  type EventHandler,
  type LogEntry,
  type SimContext,
  type SimModel,
  type SimulationOptions,
  type SimulationSnapshot,
  type SnapshotEvent,
} from "./simulation";
export {
  HYPERVISOR_OVERHEAD_FRACTION,
  InfrastructureModel,
  buildRegion,
  minReplicasToSurviveAzLoss,
  type AzSpec,
  type AzView,
  type FaultTarget,
  type HostSpec,
  type HostView,
  type HypervisorType,
  type InfraLogEntry,
  type InfrastructureConfig,
  type InfrastructureState,
  type InfrastructureView,
  type PlacementStrategy,
  type RandomHostFailures,
  type RegionSpec,
  type RegionView,
  type VmState,
  type VmView,
  type WorkloadSpec,
  type WorkloadStatus,
} from "./infrastructure";
export { TokenBucket, type TokenBucketState } from "./token-bucket";
export {
  GatewayModel,
  backoffCapMs,
  type ArrivalPattern,
  type ClientSpec,
  type GatewayConfig,
  type GatewayCounts,
  type GatewayLogEntry,
  type GatewaySeries,
  type GatewayState,
  type GatewayView,
  type RetryPolicy,
} from "./gateway";
export {
  DAY_MS,
  HOUR_MS,
  ProvisioningModel,
  demandAt,
  type CloudPolicy,
  type DemandCurve,
  type DemandSpike,
  type OnPremPolicy,
  type ProvisioningConfig,
  type ProvisioningLogEntry,
  type ProvisioningSeries,
  type ProvisioningState,
  type ProvisioningView,
  type SideTotals,
} from "./provisioning";
export { createWorld, type SimLogEntry, type World, type WorldConfig } from "./world";
export { runScenario, type InfraAction, type Scenario, type ScenarioResult } from "./scenario";
