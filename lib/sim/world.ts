/**
 * Composes the models into one simulation: they share the clock, the seed and the log, and each draws from its own
 * named random streams, so adding a model leaves the others' runs unchanged.
 */
import { GatewayModel, type GatewayConfig, type GatewayLogEntry } from "./gateway";
import { InfrastructureModel, type InfraLogEntry, type InfrastructureConfig } from "./infrastructure";
import { ProvisioningModel, type ProvisioningConfig, type ProvisioningLogEntry } from "./provisioning";
import { ServiceModel, type ServiceConfig, type ServiceLogEntry } from "./service";
import { Simulation } from "./simulation";

export type SimLogEntry = InfraLogEntry | GatewayLogEntry | ProvisioningLogEntry | ServiceLogEntry;

export interface WorldConfig {
  seed: number;
  infrastructure?: InfrastructureConfig;
  gateway?: GatewayConfig;
  provisioning?: ProvisioningConfig;
  /** A load-balanced service; its VM-bound targets follow the infrastructure's VMs. */
  service?: ServiceConfig;
  maxLogEntries?: number;
}

export interface World {
  sim: Simulation<SimLogEntry>;
  infrastructure: InfrastructureModel | null;
  gateway: GatewayModel | null;
  provisioning: ProvisioningModel | null;
  service: ServiceModel | null;
}

/** A fresh simulation at t = 0 with the configured models attached (always in the same order). */
export function createWorld(config: WorldConfig): World {
  const sim = new Simulation<SimLogEntry>({ seed: config.seed, maxLogEntries: config.maxLogEntries });
  const infrastructure = config.infrastructure ? new InfrastructureModel(sim, config.infrastructure) : null;
  return {
    sim,
    infrastructure,
    gateway: config.gateway ? new GatewayModel(sim, config.gateway) : null,
    provisioning: config.provisioning ? new ProvisioningModel(sim, config.provisioning) : null,
    service: config.service ? new ServiceModel(sim, config.service, infrastructure) : null,
  };
}
