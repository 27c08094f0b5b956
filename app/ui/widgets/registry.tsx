"use client";

/**
 * The one registry MDX lessons use to embed widgets (lessons cannot import). Each widget loads lazily, in the
 * browser only, behind a placeholder of the widget's own minimum height, so loading causes no layout shift.
 */
import dynamic from "next/dynamic";
import type { ComponentType } from "react";
import type { AzPlacementLabProps } from "./az-placement-lab";
import type { ProvisioningRaceProps } from "./provisioning-race";
import type { RateLimitLabProps } from "./rate-limit-lab";
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

const AzPlacementLab = dynamic(() => import("./az-placement-lab").then((m) => m.AzPlacementLab), {
  ssr: false,
  loading: () => <Placeholder name="AzPlacementLab" />,
});
const RateLimitLab = dynamic(() => import("./rate-limit-lab").then((m) => m.RateLimitLab), {
  ssr: false,
  loading: () => <Placeholder name="RateLimitLab" />,
});
const ProvisioningRace = dynamic(() => import("./provisioning-race").then((m) => m.ProvisioningRace), {
  ssr: false,
  loading: () => <Placeholder name="ProvisioningRace" />,
});

export const widgetRegistry: {
  AzPlacementLab: ComponentType<AzPlacementLabProps>;
  RateLimitLab: ComponentType<RateLimitLabProps>;
  ProvisioningRace: ComponentType<ProvisioningRaceProps>;
} = { AzPlacementLab, RateLimitLab, ProvisioningRace };

export const WIDGET_NAMES: readonly WidgetName[] = ["AzPlacementLab", "RateLimitLab", "ProvisioningRace"];
