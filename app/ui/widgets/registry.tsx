/**
 * The one registry MDX lessons use to embed widgets (lessons cannot import). Deliberately not a client module:
 * server components (the MDX renderer) can spread it, and its values are client components that load lazily.
 */
import type { ComponentType } from "react";
import type { AzPlacementLabProps } from "./az-placement-lab";
import type { WidgetName } from "./kit/widget-frame";
import { AzPlacementLab, ProvisioningRace, RateLimitLab } from "./lazy-widgets";
import type { ProvisioningRaceProps } from "./provisioning-race";
import type { RateLimitLabProps } from "./rate-limit-lab";

export const widgetRegistry: {
  AzPlacementLab: ComponentType<AzPlacementLabProps>;
  RateLimitLab: ComponentType<RateLimitLabProps>;
  ProvisioningRace: ComponentType<ProvisioningRaceProps>;
} = { AzPlacementLab, RateLimitLab, ProvisioningRace };

export const WIDGET_NAMES = Object.keys(widgetRegistry) as readonly WidgetName[];
