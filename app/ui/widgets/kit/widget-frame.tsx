import { useId, type ReactNode } from "react";

/**
 * Minimum heights shared by each widget and its loading placeholder, so lazy loading causes (almost) no layout
 * shift. Measured from each widget's first render in Chromium at 360, 700 and 1280 px viewports, rounded down so the widget's own
 * content, not the reservation, decides its height.
 */
export const WIDGET_MIN_HEIGHT = {
  AzPlacementLab: "min-h-[133rem] sm:min-h-[95rem] md:min-h-[62rem]",
  RateLimitLab: "min-h-[98rem] sm:min-h-[73rem] md:min-h-[68rem]",
  ProvisioningRace: "min-h-[83rem] sm:min-h-[59rem] md:min-h-[53rem]",
  DrDrill: "min-h-[118rem] sm:min-h-[70rem] md:min-h-[62rem]",
  FaultToleranceLab: "min-h-[128rem] sm:min-h-[108rem] md:min-h-[95rem]",
  AutoScalingLab: "min-h-[129rem] sm:min-h-[88rem] md:min-h-[83rem]",
  AvailabilityLab: "min-h-[123rem] sm:min-h-[88rem] md:min-h-[74rem]",
  LoadBalancerRace: "min-h-[176rem] sm:min-h-[137rem] md:min-h-[104rem]",
  ScalingCurve: "min-h-[102rem] sm:min-h-[66rem] md:min-h-[60rem]",
  AgilityRace: "min-h-[112rem] sm:min-h-[72rem] md:min-h-[67rem]",
  RegionLatencyMap: "min-h-[145rem] sm:min-h-[89rem] md:min-h-[90rem]",
  ReplicationLab: "min-h-[130rem] sm:min-h-[89rem] md:min-h-[80rem]",
  CacheLab: "min-h-[115rem] sm:min-h-[77rem] md:min-h-[74rem]",
  QueueBufferLab: "min-h-[135rem] sm:min-h-[98rem] md:min-h-[84rem]",
  ResilientTierLab: "min-h-[140rem] sm:min-h-[108rem] md:min-h-[103rem]",
  CredentialExposureLab: "min-h-[143rem] sm:min-h-[101rem] md:min-h-[89rem]",
  VpcEgressLab: "min-h-[151rem] sm:min-h-[91rem] md:min-h-[82rem]",
  MultiRegionFailoverLab: "min-h-[133rem] sm:min-h-[88rem] md:min-h-[79rem]",
  RightSizingLab: "min-h-[129rem] sm:min-h-[87rem] md:min-h-[80rem]",
  AlarmTuningLab: "min-h-[102rem] sm:min-h-[66rem] md:min-h-[63rem]",
  ServerlessConcurrencyLab: "min-h-[176rem] sm:min-h-[118rem] md:min-h-[110rem]",
  PurchaseMixLab: "min-h-[130rem] sm:min-h-[81rem] md:min-h-[71rem]",
  CostLeversLab: "min-h-[144rem] sm:min-h-[95rem] md:min-h-[89rem]",
  EnvelopeEncryptionLab: "min-h-[98rem] sm:min-h-[65rem] md:min-h-[56rem]",
  WafFloodLab: "min-h-[115rem] sm:min-h-[78rem] md:min-h-[71rem]",
  CapstoneLab: "min-h-[146rem] sm:min-h-[115rem] md:min-h-[107rem]",
  WellArchitectedExplorer: "min-h-[120rem] sm:min-h-[84rem] md:min-h-[79rem]",
  ChaosExperimentLab: "min-h-[96rem] sm:min-h-[64rem] md:min-h-[59rem]",
  DeploymentStrategyLab: "min-h-[120rem] sm:min-h-[79rem] md:min-h-[73rem]",
  StorageDurabilityLab: "min-h-[149rem] sm:min-h-[105rem] md:min-h-[88rem]",
} as const;

export type WidgetName = keyof typeof WIDGET_MIN_HEIGHT;

/** The root of every widget: a labelled region carrying `data-widget` for tests and styling. */
export function WidgetFrame(props: { name: WidgetName; title: string; intro: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <section
      data-widget={props.name}
      aria-labelledby={headingId}
      className={`not-prose my-6 flex flex-col gap-4 rounded-xl border border-slate-200 bg-slate-50 p-3 text-slate-900 sm:p-5 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${WIDGET_MIN_HEIGHT[props.name]}`}
    >
      <header className="flex flex-col gap-1">
        <h3 id={headingId} className="text-lg font-semibold">
          {props.title}
        </h3>
        <div className="text-sm text-slate-600 dark:text-slate-300">{props.intro}</div>
      </header>
      {props.children}
    </section>
  );
}
