/**
 * The one registry MDX lessons use to embed widgets (lessons cannot import). Deliberately not a client module:
 * server components (the MDX renderer) can spread it, and its values are client components that load lazily.
 */
import type { ComponentType } from "react";
import type { AgilityRaceProps } from "./agility-race";
import type { AutoScalingLabProps } from "./auto-scaling-lab";
import type { AvailabilityLabProps } from "./availability-lab";
import type { AzPlacementLabProps } from "./az-placement-lab";
import type { CacheLabProps } from "./cache-lab";
import type { DrDrillProps } from "./dr-drill";
import type { FaultToleranceLabProps } from "./fault-tolerance-lab";
import type { WidgetName } from "./kit/widget-frame";
import { AgilityRace, AutoScalingLab, AvailabilityLab, AzPlacementLab, DrDrill, FaultToleranceLab, LoadBalancerRace, ProvisioningRace, RateLimitLab, ScalingCurve, RegionLatencyMap, QueueBufferLab, ResilientTierLab, ReplicationLab, CacheLab } from "./lazy-widgets";
import type { LoadBalancerRaceProps } from "./load-balancer-race";
import type { ProvisioningRaceProps } from "./provisioning-race";
import type { QueueBufferLabProps } from "./queue-buffer-lab";
import type { RateLimitLabProps } from "./rate-limit-lab";
import type { RegionLatencyMapProps } from "./region-latency-map";
import type { ReplicationLabProps } from "./replication-lab";
import type { ResilientTierLabProps } from "./resilient-tier-lab";
import type { ScalingCurveProps } from "./scaling-curve";

export const widgetRegistry: {
  AzPlacementLab: ComponentType<AzPlacementLabProps>;
  RateLimitLab: ComponentType<RateLimitLabProps>;
  ProvisioningRace: ComponentType<ProvisioningRaceProps>;
  DrDrill: ComponentType<DrDrillProps>;
  FaultToleranceLab: ComponentType<FaultToleranceLabProps>;
  AutoScalingLab: ComponentType<AutoScalingLabProps>;
  AvailabilityLab: ComponentType<AvailabilityLabProps>;
  LoadBalancerRace: ComponentType<LoadBalancerRaceProps>;
  ScalingCurve: ComponentType<ScalingCurveProps>;
  AgilityRace: ComponentType<AgilityRaceProps>;
  RegionLatencyMap: ComponentType<RegionLatencyMapProps>;
  QueueBufferLab: ComponentType<QueueBufferLabProps>;
  ResilientTierLab: ComponentType<ResilientTierLabProps>;
  ReplicationLab: ComponentType<ReplicationLabProps>;
  CacheLab: ComponentType<CacheLabProps>;
} = { AzPlacementLab, RateLimitLab, ProvisioningRace, DrDrill, FaultToleranceLab, AutoScalingLab, AvailabilityLab, LoadBalancerRace, ScalingCurve, AgilityRace, RegionLatencyMap, QueueBufferLab, ResilientTierLab, ReplicationLab, CacheLab };

export const WIDGET_NAMES = Object.keys(widgetRegistry) as readonly WidgetName[];
