"use client";

import { useId } from "react";
import { GatewayModel, Simulation, type ClientSpec, type GatewayLogEntry, type GatewayView } from "@/lib/sim";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { RangeField, SettingsFieldset } from "../kit/fields";
import { formatNumber, formatPercent } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { fieldClass, labelClass } from "../kit/styles";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";

const RUN_MS = 30_000;
const SPIKE = { startMs: 10_000, stopMs: 11_000, ratePerSec: 30 };
const RETRY = { maxRetries: 3, baseDelayMs: 200, maxDelayMs: 2_000 };

type Traffic = "steady" | "random" | "spike";

interface LabConfig {
  ratePerSec: number;
  burst: number;
  clientRatePerSec: number;
  traffic: Traffic;
  retries: boolean;
}

export interface RateLimitLabProps {
  /** "default": a client just above the limit; "retry-storm": well above it, with retries on. */
  preset?: "default" | "retry-storm";
  seed?: number;
}

interface LabHandle {
  sim: Simulation<GatewayLogEntry>;
  gateway: GatewayModel;
}

function createLab(config: LabConfig, seed: number): LabHandle {
  const retry = config.retries ? RETRY : null;
  const clients: ClientSpec[] = [
    {
      id: "app",
      arrivals: {
        kind: config.traffic === "steady" ? "constant" : "poisson",
        ratePerSec: config.clientRatePerSec,
      },
      retry,
    },
  ];
  if (config.traffic === "spike") {
    clients.push({
      id: "spike",
      arrivals: { kind: "constant", ratePerSec: SPIKE.ratePerSec },
      startMs: SPIKE.startMs,
      stopMs: SPIKE.stopMs,
      retry,
    });
  }
  // Request-level logging is off: the widget reads counters and the per-second series.
  const sim = new Simulation<GatewayLogEntry>({ seed, maxLogEntries: 1 });
  const gateway = new GatewayModel(sim, {
    ratePerSec: config.ratePerSec,
    burst: config.burst,
    clients,
    seriesIntervalMs: 1000,
    logRequests: false,
  });
  return { sim, gateway };
}

const viewLab = (h: LabHandle): GatewayView => h.gateway.view();

const PRESETS: Record<NonNullable<RateLimitLabProps["preset"]>, LabConfig> = {
  default: { ratePerSec: 5, burst: 10, clientRatePerSec: 6, traffic: "random", retries: false },
  "retry-storm": { ratePerSec: 5, burst: 10, clientRatePerSec: 9, traffic: "random", retries: true },
};

export function RateLimitLab(props: RateLimitLabProps) {
  const { config, update, controls } = useConfiguredSimulation<LabConfig, LabHandle, GatewayView>({
    initialConfig: () => PRESETS[props.preset ?? "default"],
    create: createLab,
    view: viewLab,
    seed: props.seed,
    simMsPerSecond: 5_000,
    stepMs: 1_000,
    endMs: RUN_MS,
  });
  const v = controls.view;
  const uid = useId();

  const t = v.totals;
  const seconds = v.series.accepted.map((_, i) => i + 1);
  const lastThrottled = v.series.throttled[v.series.throttled.length - 1] ?? 0;
  // Announce phases (throttling or not, finished), not every tick, so screen readers are not flooded.
  const message = controls.ended
    ? `Run finished: ${t.accepted} of ${t.attempts} attempts accepted, ${t.throttled} throttled with 429${
        config.retries ? `, ${t.retried} retries, ${t.gaveUp} requests gave up` : ""
      }.`
    : controls.nowMs === 0
      ? `Ready: the bucket starts full with ${config.burst} tokens and refills at ${config.ratePerSec} per second. Press Play.`
      : lastThrottled > 0
        ? `Throttling: the bucket is empty, so requests beyond ${config.ratePerSec} per second get 429 Too Many Requests.`
        : "All requests accepted: the bucket has tokens to spare.";

  return (
    <WidgetFrame
      name="RateLimitLab"
      title="API gateway rate limiting"
      intro={
        <p>
          Like Amazon API Gateway, this gateway throttles with a token bucket: it holds up to <em>burst</em> tokens,
          starts full, and refills at <em>rate</em> tokens per second. Each request takes a token; with none left,
          the client gets HTTP 429 Too Many Requests. Retrying clients wait a random time up to an exponentially
          growing cap (full jitter).
        </p>
      }
    >
      <SettingsFieldset legend="Settings (changing one starts a fresh run)">
        <div className="flex flex-wrap gap-4">
          <RangeField width="min-w-40 flex-1" id={`${uid}-rate`} label="Rate" unit="tokens/s" value={config.ratePerSec} min={1} max={20} onChange={(ratePerSec) => update({ ratePerSec })} />
          <RangeField width="min-w-40 flex-1" id={`${uid}-burst`} label="Burst" unit="tokens" value={config.burst} min={0} max={50} onChange={(burst) => update({ burst })} />
          <RangeField width="min-w-40 flex-1" id={`${uid}-client`} label="Client sends" unit="requests/s" value={config.clientRatePerSec} min={1} max={30} onChange={(clientRatePerSec) => update({ clientRatePerSec })} />
        </div>
        <div className="flex flex-wrap items-end gap-4">
          <div className="flex flex-col gap-0.5">
            <label htmlFor={`${uid}-traffic`} className={labelClass}>
              Traffic
            </label>
            <select
              id={`${uid}-traffic`}
              className={fieldClass}
              value={config.traffic}
              onChange={(e) => update({ traffic: e.target.value as Traffic })}
            >
              <option value="steady">Steady (evenly spaced)</option>
              <option value="random">Random (Poisson arrivals)</option>
              <option value="spike">Random plus a spike at 10 s</option>
            </select>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={config.retries}
              onChange={(e) => update({ retries: e.target.checked })}
              className="size-4 accent-sky-700 dark:accent-sky-400"
            />
            Retry 429s (up to {RETRY.maxRetries} times, backoff from {RETRY.baseDelayMs} ms with full jitter)
          </label>
        </div>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <LiveRegion message={message} />

      <div className="flex items-center gap-3">
        <span className={labelClass} id={`${uid}-bucket`}>
          Bucket now
        </span>
        <div
          role="meter"
          aria-labelledby={`${uid}-bucket`}
          aria-valuemin={0}
          aria-valuemax={Math.max(config.burst, 1)}
          aria-valuenow={Math.round(v.tokens * 10) / 10}
          aria-valuetext={`${formatNumber(v.tokens, 1)} of ${config.burst} tokens`}
          className="h-4 flex-1 overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
        >
          <div
            className="h-full bg-sky-600 dark:bg-sky-400"
            style={{ width: `${config.burst > 0 ? (v.tokens / config.burst) * 100 : 0}%` }}
          />
        </div>
        <span className="w-28 text-right text-sm tabular-nums">
          {formatNumber(v.tokens, 1)} / {config.burst} tokens
        </span>
      </div>

      <MetricGrid label="Gateway counts">
        <MetricTile label="Requests sent" value={t.requests} detail={`${t.attempts} attempts incl. retries`} />
        <MetricTile label="Accepted" value={t.accepted} tone="good" detail={formatPercent(t.attempts ? t.accepted / t.attempts : null)} />
        <MetricTile label="Throttled (429)" value={t.throttled} tone={t.throttled > 0 ? "bad" : "neutral"} detail={formatPercent(t.attempts ? t.throttled / t.attempts : null)} />
        <MetricTile
          label="Retried / gave up"
          value={`${t.retried} / ${t.gaveUp}`}
          detail={config.retries ? `${t.acceptedAfterRetry} succeeded on a retry` : "retries off: every 429 is final"}
        />
      </MetricGrid>

      <Chart
        title="Requests per second"
        summary={`Accepted and throttled requests in each of the first ${seconds.length} seconds.`}
        x={seconds}
        xLabel="second"
        yLabel="requests"
        formatX={(s) => `${s} s`}
        xDomain={[1, RUN_MS / 1000]}
        series={[
          { id: "accepted", label: "Accepted", values: v.series.accepted, colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          { id: "throttled", label: "Throttled (429)", values: v.series.throttled, colorClass: "stroke-rose-600 dark:stroke-rose-400", dash: "dashed" },
        ]}
      />
      <Chart
        title="Tokens in the bucket"
        summary={`Bucket level at the end of each second; it never exceeds the burst of ${config.burst}.`}
        x={v.series.tokens.map((_, i) => i + 1)}
        xLabel="second"
        yLabel="tokens"
        formatX={(s) => `${s} s`}
        xDomain={[1, RUN_MS / 1000]}
        yMax={Math.max(config.burst, 1)}
        series={[{ id: "tokens", label: "Tokens at end of second", values: v.series.tokens, colorClass: "stroke-indigo-600 dark:stroke-indigo-400" }]}
      />
    </WidgetFrame>
  );
}
