"use client";

import { useId } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { SelectField, SettingsFieldset } from "../kit/fields";
import { formatNumber, formatPercent } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  BOT_COUNTS,
  BOT_RATES,
  BUCKET_MS,
  DEFAULT_CONFIG,
  INSTANCE_COUNTS,
  LAB_END_MS,
  LEGIT_USERS,
  LIMITS,
  OFFICE_USERS,
  SEC_MS,
  USER_RATE_PER_SEC,
  WINDOWS_SEC,
  createWafLab,
  originCapacity,
  perWindow,
  statusMessage,
  viewWafLab,
  type WafConfig,
  type WafHandle,
  type WafView,
} from "./model";

export interface WafFloodLabProps {
  /** Start with the rate-based rule off (default) or at AWS's default 5-minute window with a limit of 300. */
  preset?: "no-rule" | "rule";
  seed?: number;
}

const PRESETS: Record<NonNullable<WafFloodLabProps["preset"]>, WafConfig> = {
  "no-rule": DEFAULT_CONFIG,
  rule: { ...DEFAULT_CONFIG, limit: 300 },
};

export function WafFloodLab(props: WafFloodLabProps) {
  const { config, update, controls } = useConfiguredSimulation<WafConfig, WafHandle, WafView>({
    initialConfig: () => PRESETS[props.preset ?? "no-rule"],
    create: createWafLab,
    view: viewWafLab,
    seed: props.seed,
    simMsPerSecond: 20 * SEC_MS,
    stepMs: 10 * SEC_MS,
    endMs: LAB_END_MS,
  });
  const uid = useId();
  const v = controls.view;
  const t = v.totals;
  const capacity = originCapacity(config);
  const bucketSec = BUCKET_MS / SEC_MS;
  const x = v.buckets.map((b) => b.endSec);
  const recentOrigin = v.recent ? (v.recent.legitAllowed + v.recent.botAllowed) / bucketSec : null;
  const userPerWindow = perWindow(config, USER_RATE_PER_SEC);
  const officePerWindow = perWindow(config, OFFICE_USERS * USER_RATE_PER_SEC);
  const botPerWindow = perWindow(config, config.botRatePerSec);

  return (
    <WidgetFrame
      name="WafFloodLab"
      title="WAF flood lab: a rate-based rule against an HTTP flood"
      intro={
        <p>
          {LEGIT_USERS} users browse your site, each from their own address, about one request every{" "}
          {Math.round(1 / USER_RATE_PER_SEC)} s; an office of {OFFICE_USERS} people shares one public address. At 1 min
          a botnet starts an HTTP flood. A web application firewall in front of the load balancer counts each
          address&apos;s requests over the evaluation window and, checking every 10 s, blocks addresses above the
          limit. The numbers are illustrative.
        </p>
      }
    >
      <SettingsFieldset legend="Rule, attack and origin (changing them starts a fresh run)">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <SelectField<number>
            id={`${uid}-limit`}
            label="Rate limit per address"
            value={config.limit}
            options={LIMITS.map((l) => ({ value: l, label: l === 0 ? "No rule" : `${formatNumber(l)} requests` }))}
            onChange={(limit) => update({ limit })}
          />
          <SelectField<number>
            id={`${uid}-window`}
            label="Evaluation window"
            value={config.windowSec}
            options={WINDOWS_SEC.map((w) => ({ value: w, label: `${w / 60} min${w === 300 ? " (AWS default)" : ""}` }))}
            onChange={(windowSec) => update({ windowSec })}
            disabled={config.limit === 0}
          />
          <SelectField<number>
            id={`${uid}-instances`}
            label="Origin instances"
            value={config.instances}
            options={INSTANCE_COUNTS.map((n) => ({ value: n, label: `${n} (up to ${formatNumber(originCapacity({ ...config, instances: n }))} req/s)` }))}
            onChange={(instances) => update({ instances })}
          />
          <SelectField<number>
            id={`${uid}-bots`}
            label="Bot addresses"
            value={config.bots}
            options={BOT_COUNTS.map((b) => ({ value: b, label: String(b) }))}
            onChange={(bots) => update({ bots })}
          />
          <SelectField<number>
            id={`${uid}-botrate`}
            label="Requests per second per bot"
            value={config.botRatePerSec}
            options={BOT_RATES.map((r) => ({ value: r, label: `${r} req/s` }))}
            onChange={(botRatePerSec) => update({ botRatePerSec })}
          />
          <label className="flex items-start gap-2 self-end text-sm">
            <input
              type="checkbox"
              checked={config.exemptOffice}
              disabled={config.limit === 0}
              onChange={(e) => update({ exemptOffice: e.target.checked })}
              className="mt-0.5 size-4 shrink-0 accent-sky-700 dark:accent-sky-400"
            />
            <span>Allow the office&apos;s address first (an IP set rule before the rate rule)</span>
          </label>
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Per {config.windowSec / 60}-minute window: a user sends about {formatNumber(userPerWindow)} requests, the
          office&apos;s shared address about {formatNumber(officePerWindow)}, each bot about {formatNumber(botPerWindow)}.
          The flood adds {formatNumber(config.bots * config.botRatePerSec)} req/s to the users&apos;{" "}
          {formatNumber((LEGIT_USERS + OFFICE_USERS) * USER_RATE_PER_SEC)} req/s.
        </p>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <LiveRegion message={statusMessage(config, v, { playing: controls.playing, ended: controls.ended })} />

      <MetricGrid label="Results">
        <MetricTile
          label="Bot requests blocked"
          value={formatPercent(t.bot === 0 ? null : t.botBlocked / t.bot)}
          detail={`${formatNumber(v.blockedNow.bots)} of ${config.bots} bot addresses blocked now`}
          tone={t.bot === 0 ? "neutral" : t.botBlocked / t.bot > 0.9 ? "good" : "bad"}
        />
        <MetricTile
          label="Users wrongly blocked"
          value={formatNumber(t.legitBlocked)}
          detail={`${formatPercent(t.legit === 0 ? null : t.legitBlocked / t.legit, 2)} of legitimate requests${v.blockedNow.office ? "; office blocked now" : ""}`}
          tone={t.legitBlocked > 0 ? "bad" : t.legit > 0 ? "good" : "neutral"}
        />
        <MetricTile
          label="Origin load"
          value={recentOrigin === null ? "—" : `${formatNumber(recentOrigin)} req/s`}
          detail={`capacity ${formatNumber(capacity)} req/s · queue ${formatNumber(v.queue)}`}
          tone={recentOrigin === null ? "neutral" : recentOrigin > 0.9 * capacity ? "bad" : "good"}
        />
        <MetricTile
          label="Users' p95 latency"
          value={v.legitP95Ms === null ? "—" : `${formatNumber(v.legitP95Ms)} ms`}
          detail={`last ${bucketSec} s: ${v.recent?.p95Ms == null ? "—" : `${formatNumber(v.recent.p95Ms)} ms`} · ${formatNumber(t.legitErrors)} legitimate 503s`}
          tone={v.legitP95Ms === null ? "neutral" : v.legitP95Ms > 500 || t.legitErrors > 0 ? "bad" : "good"}
        />
      </MetricGrid>

      <Chart
        title={`Requests per second at the WAF (${bucketSec} s intervals)`}
        summary="Legitimate and bot requests the WAF let through to the origin, requests it blocked, and requests the origin rejected with 503 because its queue was full; the dashed line is the origin's capacity."
        x={x}
        xLabel="second"
        yLabel="req/s"
        formatX={(s) => `${s} s`}
        formatY={(y) => formatNumber(y)}
        xDomain={[0, LAB_END_MS / SEC_MS]}
        series={[
          { id: "legit", label: "legitimate, allowed", values: v.buckets.map((b) => b.legitAllowed / bucketSec), colorClass: "stroke-emerald-600 dark:stroke-emerald-400" },
          { id: "bots", label: "bots, allowed", values: v.buckets.map((b) => b.botAllowed / bucketSec), colorClass: "stroke-rose-600 dark:stroke-rose-400", dash: "dashed" },
          { id: "blocked", label: "blocked by the WAF", values: v.buckets.map((b) => b.blocked / bucketSec), colorClass: "stroke-violet-600 dark:stroke-violet-400", dash: "dotted" },
          { id: "capacity", label: "origin capacity", values: x.map(() => capacity), colorClass: "stroke-slate-500 dark:stroke-slate-400", dash: "dashed", step: true },
        ]}
      />
      <Chart
        title={`Legitimate users' p95 latency (${bucketSec} s intervals)`}
        summary="The 95th-percentile time legitimate requests spent queued and served at the origin in each interval (blocked and rejected requests are not included)."
        x={x}
        xLabel="second"
        yLabel="ms"
        formatX={(s) => `${s} s`}
        formatY={(y) => formatNumber(y)}
        xDomain={[0, LAB_END_MS / SEC_MS]}
        series={[{ id: "p95", label: "p95 (ms)", values: v.buckets.map((b) => b.p95Ms ?? 0), colorClass: "stroke-sky-600 dark:stroke-sky-400" }]}
      />
    </WidgetFrame>
  );
}
