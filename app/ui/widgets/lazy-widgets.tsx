"use client";

/**
 * Each widget, loaded lazily and in the browser only, behind a placeholder of the widget's own minimum height so
 * loading causes no layout shift. Separate named exports (not one object) so a server component can render them:
 * it may pass a client component through, but not read properties of an object from a client module.
 */
import dynamic from "next/dynamic";
import { WIDGET_MIN_HEIGHT, type WidgetName } from "./kit/widget-frame";

function Placeholder(props: { name: WidgetName }) {
  return (
    <div
      data-widget-placeholder={props.name}
      aria-busy="true"
      className={`not-prose my-6 flex items-center justify-center rounded-xl border border-slate-200 bg-slate-50 text-sm text-slate-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300 ${WIDGET_MIN_HEIGHT[props.name]}`}
    >
      Loading the interactive simulation…
    </div>
  );
}

export const AzPlacementLab = dynamic(() => import("./az-placement-lab").then((m) => m.AzPlacementLab), {
  ssr: false,
  loading: () => <Placeholder name="AzPlacementLab" />,
});

export const RateLimitLab = dynamic(() => import("./rate-limit-lab").then((m) => m.RateLimitLab), {
  ssr: false,
  loading: () => <Placeholder name="RateLimitLab" />,
});

export const ProvisioningRace = dynamic(() => import("./provisioning-race").then((m) => m.ProvisioningRace), {
  ssr: false,
  loading: () => <Placeholder name="ProvisioningRace" />,
});

export const DrDrill = dynamic(() => import("./dr-drill").then((m) => m.DrDrill), {
  ssr: false,
  loading: () => <Placeholder name="DrDrill" />,
});

export const AutoScalingLab = dynamic(() => import("./auto-scaling-lab").then((m) => m.AutoScalingLab), {
  ssr: false,
  loading: () => <Placeholder name="AutoScalingLab" />,
});

export const LoadBalancerRace = dynamic(() => import("./load-balancer-race").then((m) => m.LoadBalancerRace), {
  ssr: false,
  loading: () => <Placeholder name="LoadBalancerRace" />,
});

export const ScalingCurve = dynamic(() => import("./scaling-curve").then((m) => m.ScalingCurve), {
  ssr: false,
  loading: () => <Placeholder name="ScalingCurve" />,
});

export const AvailabilityLab = dynamic(() => import("./availability-lab").then((m) => m.AvailabilityLab), {
  ssr: false,
  loading: () => <Placeholder name="AvailabilityLab" />,
});

export const FaultToleranceLab = dynamic(() => import("./fault-tolerance-lab").then((m) => m.FaultToleranceLab), {
  ssr: false,
  loading: () => <Placeholder name="FaultToleranceLab" />,
});

export const AgilityRace = dynamic(() => import("./agility-race").then((m) => m.AgilityRace), {
  ssr: false,
  loading: () => <Placeholder name="AgilityRace" />,
});

export const RegionLatencyMap = dynamic(() => import("./region-latency-map").then((m) => m.RegionLatencyMap), {
  ssr: false,
  loading: () => <Placeholder name="RegionLatencyMap" />,
});

export const QueueBufferLab = dynamic(() => import("./queue-buffer-lab").then((m) => m.QueueBufferLab), {
  ssr: false,
  loading: () => <Placeholder name="QueueBufferLab" />,
});

export const ResilientTierLab = dynamic(() => import("./resilient-tier-lab").then((m) => m.ResilientTierLab), {
  ssr: false,
  loading: () => <Placeholder name="ResilientTierLab" />,
});

export const ReplicationLab = dynamic(() => import("./replication-lab").then((m) => m.ReplicationLab), {
  ssr: false,
  loading: () => <Placeholder name="ReplicationLab" />,
});

export const CacheLab = dynamic(() => import("./cache-lab").then((m) => m.CacheLab), {
  ssr: false,
  loading: () => <Placeholder name="CacheLab" />,
});

export const CredentialExposureLab = dynamic(() => import("./credential-exposure-lab").then((m) => m.CredentialExposureLab), {
  ssr: false,
  loading: () => <Placeholder name="CredentialExposureLab" />,
});

export const VpcEgressLab = dynamic(() => import("./vpc-egress-lab").then((m) => m.VpcEgressLab), {
  ssr: false,
  loading: () => <Placeholder name="VpcEgressLab" />,
});

export const MultiRegionFailoverLab = dynamic(() => import("./multi-region-failover-lab").then((m) => m.MultiRegionFailoverLab), {
  ssr: false,
  loading: () => <Placeholder name="MultiRegionFailoverLab" />,
});

export const RightSizingLab = dynamic(() => import("./right-sizing-lab").then((m) => m.RightSizingLab), {
  ssr: false,
  loading: () => <Placeholder name="RightSizingLab" />,
});

export const AlarmTuningLab = dynamic(() => import("./alarm-tuning-lab").then((m) => m.AlarmTuningLab), {
  ssr: false,
  loading: () => <Placeholder name="AlarmTuningLab" />,
});

export const ServerlessConcurrencyLab = dynamic(() => import("./serverless-concurrency-lab").then((m) => m.ServerlessConcurrencyLab), {
  ssr: false,
  loading: () => <Placeholder name="ServerlessConcurrencyLab" />,
});

export const PurchaseMixLab = dynamic(() => import("./purchase-mix-lab").then((m) => m.PurchaseMixLab), {
  ssr: false,
  loading: () => <Placeholder name="PurchaseMixLab" />,
});

export const EnvelopeEncryptionLab = dynamic(() => import("./envelope-encryption-lab").then((m) => m.EnvelopeEncryptionLab), {
  ssr: false,
  loading: () => <Placeholder name="EnvelopeEncryptionLab" />,
});

export const WafFloodLab = dynamic(() => import("./waf-flood-lab").then((m) => m.WafFloodLab), {
  ssr: false,
  loading: () => <Placeholder name="WafFloodLab" />,
});

export const CapstoneLab = dynamic(() => import("./capstone-lab").then((m) => m.CapstoneLab), {
  ssr: false,
  loading: () => <Placeholder name="CapstoneLab" />,
});

export const WellArchitectedExplorer = dynamic(() => import("./well-architected-explorer").then((m) => m.WellArchitectedExplorer), {
  ssr: false,
  loading: () => <Placeholder name="WellArchitectedExplorer" />,
});

export const ChaosExperimentLab = dynamic(() => import("./chaos-experiment-lab").then((m) => m.ChaosExperimentLab), {
  ssr: false,
  loading: () => <Placeholder name="ChaosExperimentLab" />,
});

export const DeploymentStrategyLab = dynamic(() => import("./deployment-strategy-lab").then((m) => m.DeploymentStrategyLab), {
  ssr: false,
  loading: () => <Placeholder name="DeploymentStrategyLab" />,
});

export const StorageDurabilityLab = dynamic(() => import("./storage-durability-lab").then((m) => m.StorageDurabilityLab), {
  ssr: false,
  loading: () => <Placeholder name="StorageDurabilityLab" />,
});

export const CostLeversLab = dynamic(() => import("./cost-levers-lab").then((m) => m.CostLeversLab), {
  ssr: false,
  loading: () => <Placeholder name="CostLeversLab" />,
});
