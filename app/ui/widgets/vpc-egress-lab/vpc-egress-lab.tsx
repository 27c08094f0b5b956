"use client";

import { useId, useState } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { SelectField, SettingsFieldset } from "../kit/fields";
import { formatNumber, formatPercent } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { dangerButtonClass, smallButtonClass } from "../kit/styles";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  AZ_IDS,
  BUCKET_MS,
  CALLS_PER_SEC_PER_AZ,
  DEFAULT_CONFIG,
  DEFAULT_SIZING,
  GB_PER_HOUR_CHOICES,
  LAB_END_MS,
  NAT_MODES,
  NEED_CHOICES,
  SEC_MS,
  SUBNET_PREFIXES,
  VPC_PREFIXES,
  blockSize,
  breakEvenGbPerHourPerAz,
  costPerHour,
  createEgressLab,
  failAz,
  liveMessage,
  natAzFor,
  recoverAz,
  reservedAddresses,
  sizeSubnets,
  statusMessage,
  viewEgressLab,
  type EgressConfig,
  type EgressHandle,
  type EgressView,
  type NatMode,
  type SizingConfig,
  type SubnetEgress,
} from "./model";

export interface VpcEgressLabProps {
  /** "shared": one NAT gateway in us-east-1a (the default); "per-az": one in every AZ. */
  natMode?: NatMode;
  seed?: number;
}

const EGRESS_LABEL: Record<SubnetEgress, { icon: string; word: string; className: string }> = {
  ok: { icon: "✓", word: "Internet reachable", className: "text-emerald-800 dark:text-emerald-300" },
  "no-egress": { icon: "⚠", word: "Running, no internet", className: "text-amber-800 dark:text-amber-300" },
  down: { icon: "✕", word: "AZ down", className: "text-rose-800 dark:text-rose-300" },
};

const SUBNET_NAMES = AZ_IDS.flatMap((az) => [`public ${az}`, `private ${az}`]);

export function VpcEgressLab(props: VpcEgressLabProps) {
  const [sizing, setSizing] = useState<SizingConfig>(DEFAULT_SIZING);
  /** The status the last sizing change was made over: its message stands until the status moves on. */
  const [sizingOver, setSizingOver] = useState<string | null>(null);
  const { config, update, controls } = useConfiguredSimulation<EgressConfig, EgressHandle, EgressView>({
    initialConfig: () => ({ ...DEFAULT_CONFIG, natMode: props.natMode ?? DEFAULT_CONFIG.natMode }),
    create: createEgressLab,
    view: viewEgressLab,
    seed: props.seed,
    simMsPerSecond: 20 * SEC_MS,
    stepMs: 10 * SEC_MS,
    endMs: LAB_END_MS,
  });
  const uid = useId();
  const v = controls.view;
  const cost = costPerHour(config);
  const sized = sizeSubnets(sizing);
  const bucketSec = BUCKET_MS / SEC_MS;
  const x = v.buckets.map((b) => b.endSec);
  const noEgress = v.egress.filter((e) => e === "no-egress").length;

  const status = statusMessage(config, v, { playing: controls.playing, ended: controls.ended });
  const changeSizing = (change: Partial<SizingConfig>) => {
    setSizing((s) => ({ ...s, ...change }));
    setSizingOver(status);
  };
  // Once the status moves on, the sizing message has had its turn: forgetting it stops a later return to the same
  // status (pause, then play again) from announcing it again.
  if (sizingOver !== null && sizingOver !== status) setSizingOver(null);
  const message = liveMessage(status, sizingOver, sizing);

  return (
    <WidgetFrame
      name="VpcEgressLab"
      title="VPC egress lab: NAT gateways, AZ failures and subnet sizes"
      intro={
        <p>
          A VPC in us-east-1 has a public and a private subnet in each of three AZs. Application instances in the
          private subnets call an API on the internet {CALLS_PER_SEC_PER_AZ} times a second per AZ. Their route
          tables send internet-bound traffic (0.0.0.0/0) to a NAT gateway, which lives in a public subnet whose route
          table points at the internet gateway. Choose one shared NAT gateway or one per AZ, play, and fail AZs.
          Prices are illustrative us-east-1 list prices.
        </p>
      }
    >
      <SettingsFieldset legend="NAT design and traffic (changing them starts a fresh run)">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <SelectField<NatMode>
            id={`${uid}-nat`}
            label="NAT gateways"
            value={config.natMode}
            options={(Object.keys(NAT_MODES) as NatMode[]).map((m) => ({ value: m, label: NAT_MODES[m] }))}
            onChange={(natMode) => update({ natMode })}
          />
          <SelectField<number>
            id={`${uid}-gb`}
            label="Outbound data per AZ"
            value={config.gbPerHourPerAz}
            options={GB_PER_HOUR_CHOICES.map((g) => ({ value: g, label: `${g} GB an hour` }))}
            onChange={(gbPerHourPerAz) => update({ gbPerHourPerAz })}
          />
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Per hour: NAT gateways ${formatNumber(cost.natHours, 3)} + data processed ${formatNumber(cost.processing, 2)} +
          cross-AZ transfer ${formatNumber(cost.crossAz, 2)} = <strong>${formatNumber(cost.total, 2)}</strong> (about $
          {formatNumber(cost.monthly)} a month). One NAT gateway per AZ pays for itself above{" "}
          {formatNumber(breakEvenGbPerHourPerAz(), 2)} GB an hour per AZ.
        </p>
      </SettingsFieldset>

      <ControlBar controls={controls} />

      <ul aria-label="Availability Zones and their subnets" className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        {AZ_IDS.map((az, i) => {
          const state = EGRESS_LABEL[v.egress[i] ?? "ok"];
          const natAz = natAzFor(config, i);
          const hasNat = config.natMode === "per-az" || i === 0;
          const counts = v.perAz[i];
          return (
            <li
              key={az}
              className={`flex min-w-0 flex-col gap-1 rounded-lg border bg-white p-3 text-sm dark:bg-slate-800 ${
                v.azUp[i] ? "border-slate-200 dark:border-slate-700" : "border-rose-400 dark:border-rose-600"
              }`}
            >
              <div className="flex items-center justify-between gap-2">
                <span className="font-semibold">{az}</span>
                <span className={`text-xs font-semibold ${state.className}`}>
                  <span aria-hidden="true">{state.icon}</span> {state.word}
                </span>
              </div>
              <p className="text-xs text-slate-700 dark:text-slate-300">
                <span className="font-medium">Public subnet:</span>{" "}
                {hasNat ? `NAT gateway ${v.azUp[i] ? "running" : "unreachable"}` : "no NAT gateway"}
              </p>
              <p className="text-xs text-slate-700 dark:text-slate-300">
                <span className="font-medium">Private subnet:</span> 0.0.0.0/0 → NAT in {AZ_IDS[natAz]}
                {natAz !== i ? " (crosses AZs)" : ""}
              </p>
              <p className="text-xs tabular-nums text-slate-600 dark:text-slate-400">
                Calls: {formatNumber(counts?.succeeded ?? 0)} ok, {formatNumber(counts?.failed ?? 0)} failed
              </p>
              <button
                type="button"
                className={v.azUp[i] ? dangerButtonClass : smallButtonClass}
                disabled={controls.ended}
                onClick={() => controls.act((h) => (v.azUp[i] ? failAz(h, i) : recoverAz(h, i)))}
              >
                {v.azUp[i] ? `Fail ${az}` : `Recover ${az}`}
              </button>
            </li>
          );
        })}
      </ul>

      <LiveRegion message={message} />

      <MetricGrid label="Results">
        <MetricTile
          label="Outbound calls succeeded"
          value={formatPercent(v.availability, 2)}
          detail={`${formatNumber(v.totals.succeeded)} of ${formatNumber(v.totals.attempted)}`}
          tone={v.availability === null ? "neutral" : v.availability < 0.999 ? "bad" : "good"}
        />
        <MetricTile
          label="Failed calls"
          value={formatNumber(v.totals.failed)}
          detail="routed to an unreachable NAT gateway"
          tone={v.totals.failed > 0 ? "bad" : "neutral"}
        />
        <MetricTile
          label="Subnets without egress"
          value={`${noEgress} of ${AZ_IDS.length}`}
          detail="instances running, internet unreachable"
          tone={noEgress > 0 ? "bad" : "good"}
        />
        <MetricTile label="Cost" value={`$${formatNumber(cost.monthly)}/mo`} detail={`$${formatNumber(cost.total, 2)} an hour`} />
      </MetricGrid>

      <Chart
        title={`Outbound calls per second (${bucketSec} s intervals)`}
        summary="Outbound calls made by running instances each second, and how many of them failed because their NAT gateway was unreachable."
        x={x}
        xLabel="second"
        yLabel="calls/s"
        formatX={(s) => `${s} s`}
        formatY={(y) => formatNumber(y)}
        xDomain={[0, LAB_END_MS / SEC_MS]}
        yMax={CALLS_PER_SEC_PER_AZ * AZ_IDS.length * 1.4}
        series={[
          { id: "attempted", label: "calls made (per s)", values: v.buckets.map((b) => b.attempted / bucketSec), colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          { id: "failed", label: "calls failed (per s)", values: v.buckets.map((b) => b.failed / bucketSec), colorClass: "stroke-rose-600 dark:stroke-rose-400", dash: "dashed" },
        ]}
      />

      <SettingsFieldset legend="Subnet sizing: carve the VPC's CIDR block into six equal subnets">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <SelectField<number>
            id={`${uid}-vpc`}
            label="VPC CIDR block"
            value={sizing.vpcPrefix}
            options={VPC_PREFIXES.map((p) => ({ value: p, label: `10.0.0.0/${p} (${formatNumber(blockSize(p))} addresses)` }))}
            onChange={(vpcPrefix) => changeSizing({ vpcPrefix })}
          />
          <SelectField<number>
            id={`${uid}-subnet`}
            label="Subnet size"
            value={sizing.subnetPrefix}
            options={SUBNET_PREFIXES.map((p) => ({ value: p, label: `/${p} (${formatNumber(blockSize(p))} addresses)` }))}
            onChange={(subnetPrefix) => changeSizing({ subnetPrefix })}
          />
          <SelectField<number>
            id={`${uid}-need`}
            label="Addresses a private subnet needs at peak"
            value={sizing.needPerSubnet}
            options={NEED_CHOICES.map((n) => ({ value: n, label: formatNumber(n) }))}
            onChange={(needPerSubnet) => changeSizing({ needPerSubnet })}
          />
        </div>
        <MetricGrid label="Sizing">
          <MetricTile label="Usable per subnet" value={formatNumber(sized.usable)} detail={`${formatNumber(blockSize(sizing.subnetPrefix))} − 5 reserved`} tone={sized.enoughAddresses ? "good" : "bad"} />
          <MetricTile label="Subnets that fit" value={formatNumber(sized.fit)} detail="6 needed (public + private × 3 AZs)" tone={sized.enoughSubnets ? "good" : "bad"} />
        </MetricGrid>
        {sized.cidrs.length > 0 ? (
          <ul aria-label="Subnet CIDR blocks" className="grid grid-cols-1 gap-1 text-xs tabular-nums sm:grid-cols-2">
            {sized.cidrs.map((c, k) => (
              <li key={c} className="min-w-0 break-words">
                <span className="font-medium">{SUBNET_NAMES[k]}:</span> {c}
              </li>
            ))}
          </ul>
        ) : null}
        {sized.cidrs[0] ? (
          <p className="text-xs text-slate-600 dark:text-slate-300">
            In {sized.cidrs[0]}, AWS reserves {reservedAddresses(sized.cidrs[0]).join(", ")} (network address, VPC router,
            DNS, future use, and the last address).
          </p>
        ) : null}
      </SettingsFieldset>
    </WidgetFrame>
  );
}
