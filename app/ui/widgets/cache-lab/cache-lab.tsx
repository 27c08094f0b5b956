"use client";

import { useId } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { SelectField, SettingsFieldset } from "../kit/fields";
import { formatNumber, formatPercent } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { dangerButtonClass } from "../kit/styles";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  BUCKET_MS,
  CACHE_SIZES_PCT,
  CACHE_TO_ORIGIN_RTT_MS,
  CATALOGUE_SIZE,
  DEFAULT_CONFIG,
  HIT_LATENCY_MS,
  LAB_END_MS,
  ORIGIN_COUNTS,
  RATES_PER_SEC,
  SEC_MS,
  SKEWS,
  TTLS_SEC,
  cacheCapacity,
  costPerHour,
  createCacheLab,
  flushCache,
  idealHitRatio,
  originCapacityPerSec,
  statusMessage,
  viewCacheLab,
  type CacheConfig,
  type CacheHandle,
  type CacheView,
  type Skew,
} from "./model";

export interface CacheLabProps {
  /** "default": a cold 10 % cache in front of 2 origin instances; "no-cache": no cache at all, 4 origin instances. */
  preset?: "default" | "no-cache";
  seed?: number;
}

const PRESETS: Record<NonNullable<CacheLabProps["preset"]>, CacheConfig> = {
  default: DEFAULT_CONFIG,
  "no-cache": { ...DEFAULT_CONFIG, cachePct: 0, originInstances: 4 },
};

function ttlLabel(sec: number): string {
  return sec < 60 ? `${sec} s` : sec < 3600 ? `${sec / 60} min` : `${sec / 3600} h`;
}

function ms(v: number | null): string {
  return v === null ? "—" : `${formatNumber(v, v < 10 ? 1 : 0)} ms`;
}

export function CacheLab(props: CacheLabProps) {
  const { config, update, controls } = useConfiguredSimulation<CacheConfig, CacheHandle, CacheView>({
    initialConfig: () => PRESETS[props.preset ?? "default"],
    create: createCacheLab,
    view: viewCacheLab,
    seed: props.seed,
    simMsPerSecond: 20 * SEC_MS,
    stepMs: 10 * SEC_MS,
    endMs: LAB_END_MS,
  });
  const uid = useId();
  const v = controls.view;
  const cost = costPerHour(config);
  const capacity = originCapacityPerSec(config);
  const r = v.recent;
  const bucketSec = BUCKET_MS / SEC_MS;
  const recentOrigin = r ? r.originRequests / bucketSec : null;
  const recentHit = r && r.requests > 0 ? r.hits / r.requests : null;
  const x = v.buckets.map((b) => b.endSec);

  return (
    <WidgetFrame
      name="CacheLab"
      title="Cache lab: hit ratio, TTL, and the origin behind it"
      intro={
        <p>
          Users in London request {formatNumber(CATALOGUE_SIZE)} objects (product pages, images) whose popularity
          follows a Zipf-like curve. A cache near them answers hits in about {HIT_LATENCY_MS} ms; misses travel to the
          origin in us-east-1 (about {CACHE_TO_ORIGIN_RTT_MS} ms round trip) and wait for one of its workers; if its
          queue is full they get a 503. Each response is cached for the TTL, and the least recently used object makes
          room. Latencies and prices are illustrative.
        </p>
      }
    >
      <SettingsFieldset legend="Traffic, cache and origin (changing them starts a fresh run)">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <SelectField<number>
            id={`${uid}-rate`}
            label="Requests per second"
            value={config.ratePerSec}
            options={RATES_PER_SEC.map((x) => ({ value: x, label: `${formatNumber(x)} req/s` }))}
            onChange={(ratePerSec) => update({ ratePerSec })}
          />
          <SelectField<Skew>
            id={`${uid}-skew`}
            label="Popularity"
            width="min-w-0 sm:col-span-2"
            value={config.skew}
            options={(Object.keys(SKEWS) as Skew[]).map((k) => ({ value: k, label: SKEWS[k].label }))}
            onChange={(skew) => update({ skew })}
          />
          <SelectField<number>
            id={`${uid}-size`}
            label="Cache size (share of the catalogue)"
            value={config.cachePct}
            options={CACHE_SIZES_PCT.map((p) => ({
              value: p,
              label: p === 0 ? "No cache" : `${p} % (${formatNumber(cacheCapacity({ ...config, cachePct: p }))} objects)`,
            }))}
            onChange={(cachePct) => update({ cachePct })}
          />
          <SelectField<number>
            id={`${uid}-ttl`}
            label="TTL (time to live)"
            value={config.ttlSec}
            options={TTLS_SEC.map((t) => ({ value: t, label: ttlLabel(t) }))}
            onChange={(ttlSec) => update({ ttlSec })}
            disabled={config.cachePct === 0}
          />
          <SelectField<number>
            id={`${uid}-origins`}
            label="Origin instances"
            value={config.originInstances}
            options={ORIGIN_COUNTS.map((o) => ({
              value: o,
              label: `${o} (up to ${formatNumber(originCapacityPerSec({ ...config, originInstances: o }))} req/s)`,
            }))}
            onChange={(originInstances) => update({ originInstances })}
          />
          <label className="flex items-start gap-2 self-end text-sm">
            <input
              type="checkbox"
              checked={config.warm}
              disabled={config.cachePct === 0}
              onChange={(e) => update({ warm: e.target.checked })}
              className="mt-0.5 size-4 shrink-0 accent-sky-700 dark:accent-sky-400"
            />
            <span>Start warm (popular objects already cached)</span>
          </label>
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Cost: origin ${formatNumber(cost.origin, 2)} + cache ${formatNumber(cost.cache, 2)} ={" "}
          <strong>${formatNumber(cost.total, 2)} an hour</strong>. Even a perfect cache of this size could serve at most{" "}
          {formatPercent(idealHitRatio(config))} of requests (the popular head it can hold).
        </p>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className={dangerButtonClass}
          disabled={config.cachePct === 0 || controls.ended || controls.nowMs === 0}
          onClick={() => controls.act((h) => flushCache(h))}
        >
          Invalidate everything (/*)
        </button>
        <p className="text-sm tabular-nums">
          Cached: {formatNumber(v.cachedObjects)} objects · origin busy {v.originBusy}, queued {v.originQueue}
        </p>
      </div>
      <LiveRegion message={statusMessage(config, v, { playing: controls.playing, ended: controls.ended })} />

      <MetricGrid label="Results">
        <MetricTile
          label="Hit ratio"
          value={formatPercent(v.hitRatio)}
          detail={`last ${bucketSec} s: ${formatPercent(recentHit)}`}
        />
        <MetricTile
          label="Latency p50 / p95"
          value={`${ms(v.p50Ms)} / ${ms(v.p95Ms)}`}
          detail={`last ${bucketSec} s: ${ms(r?.p50Ms ?? null)} / ${ms(r?.p95Ms ?? null)}`}
        />
        <MetricTile
          label="Origin load"
          value={recentOrigin === null ? "—" : `${formatNumber(recentOrigin)} req/s`}
          detail={`capacity ${formatNumber(capacity)} req/s`}
          tone={recentOrigin === null ? "neutral" : recentOrigin > 0.9 * capacity ? "bad" : "good"}
        />
        <MetricTile
          label="Errors (503)"
          value={formatNumber(v.totals.errors)}
          detail={`${formatPercent(v.errorRate, 2)} of ${formatNumber(v.totals.requests)} requests`}
          tone={v.totals.errors > 0 ? "bad" : v.totals.requests > 0 ? "good" : "neutral"}
        />
      </MetricGrid>

      <Chart
        title={`Latency per ${bucketSec} s`}
        summary={`The median and 95th-percentile latency of the requests in each ${bucketSec}-second interval. Hits take about ${HIT_LATENCY_MS} ms; misses take the ocean round trip plus the origin's queue and work.`}
        x={x}
        xLabel="second"
        yLabel="ms"
        formatX={(s) => `${s} s`}
        formatY={(y) => `${Math.round(y)}`}
        xDomain={[0, LAB_END_MS / SEC_MS]}
        series={[
          { id: "p50", label: "p50 (ms)", values: v.buckets.map((b) => b.p50Ms ?? 0), colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          { id: "p95", label: "p95 (ms)", values: v.buckets.map((b) => b.p95Ms ?? 0), colorClass: "stroke-amber-600 dark:stroke-amber-400", dash: "dashed" },
        ]}
      />
      <Chart
        title={`Origin load per ${bucketSec} s`}
        summary="Requests per second that missed the cache and reached the origin, the origin's capacity, and requests rejected with 503 because its queue was full."
        x={x}
        xLabel="second"
        yLabel="req/s"
        formatX={(s) => `${s} s`}
        formatY={(y) => formatNumber(y)}
        xDomain={[0, LAB_END_MS / SEC_MS]}
        yMax={Math.max(capacity, config.ratePerSec) * 1.05}
        series={[
          { id: "origin", label: "to origin (req/s)", values: v.buckets.map((b) => b.originRequests / bucketSec), colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          { id: "capacity", label: "origin capacity (req/s)", values: x.map(() => capacity), colorClass: "stroke-slate-500 dark:stroke-slate-400", dash: "dashed" },
          { id: "errors", label: "503 errors (req/s)", values: v.buckets.map((b) => b.errors / bucketSec), colorClass: "stroke-rose-600 dark:stroke-rose-400", dash: "dotted" },
        ]}
      />
    </WidgetFrame>
  );
}
