/**
 * The one registry MDX lessons use to embed widgets (lessons cannot import). Deliberately not a client module:
 * server components (the MDX renderer) can spread it, and its values are client components that load lazily.
 */
import type { ComponentType } from "react";
import type { AgilityRaceProps } from "./agility-race";
import type { AlarmTuningLabProps } from "./alarm-tuning-lab";
import type { AutoScalingLabProps } from "./auto-scaling-lab";
import type { AvailabilityLabProps } from "./availability-lab";
import type { AzPlacementLabProps } from "./az-placement-lab";
import type { CacheLabProps } from "./cache-lab";
import type { CapstoneLabProps } from "./capstone-lab";
import type { ChaosExperimentLabProps } from "./chaos-experiment-lab";
import type { CostLeversLabProps } from "./cost-levers-lab";
import type { CredentialExposureLabProps } from "./credential-exposure-lab";
import type { DeploymentStrategyLabProps } from "./deployment-strategy-lab";
import type { DrDrillProps } from "./dr-drill";
import type { EnvelopeEncryptionLabProps } from "./envelope-encryption-lab";
import type { FaultToleranceLabProps } from "./fault-tolerance-lab";
import type { LoadBalancerRaceProps } from "./load-balancer-race";
import type { MultiRegionFailoverLabProps } from "./multi-region-failover-lab";
import type { ProvisioningRaceProps } from "./provisioning-race";
import type { PurchaseMixLabProps } from "./purchase-mix-lab";
import type { QueueBufferLabProps } from "./queue-buffer-lab";
import type { RateLimitLabProps } from "./rate-limit-lab";
import type { RegionLatencyMapProps } from "./region-latency-map";
import type { ReplicationLabProps } from "./replication-lab";
import type { ResilientTierLabProps } from "./resilient-tier-lab";
import type { RightSizingLabProps } from "./right-sizing-lab";
import type { ScalingCurveProps } from "./scaling-curve";
import type { ServerlessConcurrencyLabProps } from "./serverless-concurrency-lab";
import type { StorageDurabilityLabProps } from "./storage-durability-lab";
import type { VpcEgressLabProps } from "./vpc-egress-lab";
import type { WafFloodLabProps } from "./waf-flood-lab";
import type { WellArchitectedExplorerProps } from "./well-architected-explorer";
import type { WidgetName } from "./kit/widget-frame";
import {
  AgilityRace,
  AlarmTuningLab,
  AutoScalingLab,
  AvailabilityLab,
  AzPlacementLab,
  CacheLab,
  CapstoneLab,
  ChaosExperimentLab,
  CostLeversLab,
  CredentialExposureLab,
  DeploymentStrategyLab,
  DrDrill,
  EnvelopeEncryptionLab,
  FaultToleranceLab,
  LoadBalancerRace,
  MultiRegionFailoverLab,
  ProvisioningRace,
  PurchaseMixLab,
  QueueBufferLab,
  RateLimitLab,
  RegionLatencyMap,
  ReplicationLab,
  ResilientTierLab,
  RightSizingLab,
  ScalingCurve,
  ServerlessConcurrencyLab,
  StorageDurabilityLab,
  VpcEgressLab,
  WafFloodLab,
  WellArchitectedExplorer,
} from "./lazy-widgets";

export const widgetRegistry: {
  AgilityRace: ComponentType<AgilityRaceProps>;
  AlarmTuningLab: ComponentType<AlarmTuningLabProps>;
  AutoScalingLab: ComponentType<AutoScalingLabProps>;
  AvailabilityLab: ComponentType<AvailabilityLabProps>;
  AzPlacementLab: ComponentType<AzPlacementLabProps>;
  CacheLab: ComponentType<CacheLabProps>;
  CapstoneLab: ComponentType<CapstoneLabProps>;
  ChaosExperimentLab: ComponentType<ChaosExperimentLabProps>;
  CostLeversLab: ComponentType<CostLeversLabProps>;
  CredentialExposureLab: ComponentType<CredentialExposureLabProps>;
  DeploymentStrategyLab: ComponentType<DeploymentStrategyLabProps>;
  DrDrill: ComponentType<DrDrillProps>;
  EnvelopeEncryptionLab: ComponentType<EnvelopeEncryptionLabProps>;
  FaultToleranceLab: ComponentType<FaultToleranceLabProps>;
  LoadBalancerRace: ComponentType<LoadBalancerRaceProps>;
  MultiRegionFailoverLab: ComponentType<MultiRegionFailoverLabProps>;
  ProvisioningRace: ComponentType<ProvisioningRaceProps>;
  PurchaseMixLab: ComponentType<PurchaseMixLabProps>;
  QueueBufferLab: ComponentType<QueueBufferLabProps>;
  RateLimitLab: ComponentType<RateLimitLabProps>;
  RegionLatencyMap: ComponentType<RegionLatencyMapProps>;
  ReplicationLab: ComponentType<ReplicationLabProps>;
  ResilientTierLab: ComponentType<ResilientTierLabProps>;
  RightSizingLab: ComponentType<RightSizingLabProps>;
  ScalingCurve: ComponentType<ScalingCurveProps>;
  ServerlessConcurrencyLab: ComponentType<ServerlessConcurrencyLabProps>;
  StorageDurabilityLab: ComponentType<StorageDurabilityLabProps>;
  VpcEgressLab: ComponentType<VpcEgressLabProps>;
  WafFloodLab: ComponentType<WafFloodLabProps>;
  WellArchitectedExplorer: ComponentType<WellArchitectedExplorerProps>;
} = { AgilityRace, AlarmTuningLab, AutoScalingLab, AvailabilityLab, AzPlacementLab, CacheLab, CapstoneLab, ChaosExperimentLab, CostLeversLab, CredentialExposureLab, DeploymentStrategyLab, DrDrill, EnvelopeEncryptionLab, FaultToleranceLab, LoadBalancerRace, MultiRegionFailoverLab, ProvisioningRace, PurchaseMixLab, QueueBufferLab, RateLimitLab, RegionLatencyMap, ReplicationLab, ResilientTierLab, RightSizingLab, ScalingCurve, ServerlessConcurrencyLab, StorageDurabilityLab, VpcEgressLab, WafFloodLab, WellArchitectedExplorer };

export const WIDGET_NAMES = Object.keys(widgetRegistry) as readonly WidgetName[];
