"use client";

import { useId } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { SelectField, SettingsFieldset } from "../kit/fields";
import { formatNumber, formatUsd } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  DEFAULT_CONFIG,
  KMS_CALL_MS,
  MAX_AGE_CHOICES_SEC,
  MAX_MESSAGES_CHOICES,
  MODE_LABELS,
  OTHER_CHOICES,
  QUOTA_CHOICES,
  RATE_CHOICES,
  RUN_MS,
  createEnvelopeLab,
  statusMessage,
  viewEnvelopeLab,
  type EnvelopeConfig,
  type Mode,
} from "./model";

export interface EnvelopeEncryptionLabProps {
  /** The first way of encrypting shown. Default "direct". */
  mode?: Mode;
  seed?: number;
}

const countOptions = (xs: readonly number[]) => xs.map((n) => ({ value: n, label: formatNumber(n) }));

export function EnvelopeEncryptionLab(props: EnvelopeEncryptionLabProps) {
  const { config, update, controls } = useConfiguredSimulation({
    initialConfig: (): EnvelopeConfig => ({ ...DEFAULT_CONFIG, mode: props.mode ?? DEFAULT_CONFIG.mode }),
    create: createEnvelopeLab,
    view: viewEnvelopeLab,
    seed: props.seed,
    simMsPerSecond: 3_000,
    stepMs: 1_000,
    endMs: RUN_MS,
  });
  const v = controls.view;
  const uid = useId();
  const cached = config.mode === "cached-data-key";
  const c = v.counts;

  return (
    <WidgetFrame
      name="EnvelopeEncryptionLab"
      title="Envelope encryption lab: KMS quotas, throttling and data key caching"
      intro={
        <p>
          An application encrypts objects as they arrive (at random, at the chosen average rate) for 30 simulated
          seconds. KMS admits requests up to what is left of the account&apos;s shared quota in the Region; a throttled
          call (ThrottlingException) is retried with jittered backoff, three attempts in all, and then the encryption
          fails. Quotas are AWS&apos;s documented defaults; latencies and the other workloads&apos; load are
          illustrative.
        </p>
      }
    >
      <SettingsFieldset legend="Settings (changing any starts a fresh run)">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <SelectField
            id={`${uid}-mode`}
            label="How the application encrypts"
            value={config.mode}
            options={(Object.keys(MODE_LABELS) as Mode[]).map((m) => ({ value: m, label: MODE_LABELS[m] }))}
            onChange={(mode) => update({ mode })}
          />
          <SelectField id={`${uid}-rate`} label="Objects per second (average)" value={config.objectsPerSec} options={countOptions(RATE_CHOICES)} onChange={(objectsPerSec) => update({ objectsPerSec })} />
          <SelectField id={`${uid}-quota`} label="Region's shared quota (requests/s)" value={config.quotaPerSec} options={countOptions(QUOTA_CHOICES)} onChange={(quotaPerSec) => update({ quotaPerSec })} />
          <SelectField id={`${uid}-other`} label="Used by other workloads (requests/s)" value={config.otherPerSec} options={countOptions(OTHER_CHOICES)} onChange={(otherPerSec) => update({ otherPerSec })} />
          <SelectField
            id={`${uid}-age`}
            label="Cache: max age of a data key"
            value={config.cacheMaxAgeSec}
            disabled={!cached}
            options={MAX_AGE_CHOICES_SEC.map((s) => ({ value: s, label: s < 60 ? `${s} s` : `${s / 60} min` }))}
            onChange={(cacheMaxAgeSec) => update({ cacheMaxAgeSec })}
          />
          <SelectField
            id={`${uid}-msgs`}
            label="Cache: max objects per data key"
            value={config.cacheMaxMessages}
            disabled={!cached}
            options={countOptions(MAX_MESSAGES_CHOICES)}
            onChange={(cacheMaxMessages) => update({ cacheMaxMessages })}
          />
        </div>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <LiveRegion message={statusMessage(config, v, controls.ended, controls.playing)} />

      <MetricGrid label="KMS traffic and encryption results">
        <MetricTile
          label="KMS requests/s"
          value={formatNumber(v.kmsAttemptsPerSec)}
          detail={`${formatNumber(v.quotaForApp)}/s left for this app`}
          tone={v.kmsAttemptsPerSec > v.quotaForApp ? "bad" : "good"}
        />
        <MetricTile
          label="Throttled"
          value={`${(v.throttledFraction * 100).toFixed(1)} %`}
          detail={`${formatNumber(c.kmsThrottled)} ThrottlingExceptions`}
          tone={c.kmsThrottled > 0 ? "bad" : "good"}
        />
        <MetricTile
          label="Encryptions failed"
          value={formatNumber(c.failed)}
          detail={`of ${formatNumber(c.objects)} objects`}
          tone={c.failed > 0 ? "bad" : "good"}
        />
        <MetricTile label="Latency p50 / p99" value={`${v.p50Ms.toFixed(1)} / ${v.p99Ms.toFixed(1)} ms`} detail={`one KMS call ≈ ${KMS_CALL_MS} ms here`} />
        <MetricTile label="KMS requests cost" value={formatUsd(v.usdPerMonth)} detail="a month at this rate" />
        <MetricTile
          label="Data keys generated"
          value={formatNumber(c.dataKeys)}
          detail={config.mode === "direct" ? "none: KMS encrypts each object" : `up to ${formatNumber(c.maxObjectsPerKey)} objects under one key`}
        />
      </MetricGrid>

      <Chart
        title="KMS requests per second"
        summary="Accepted and throttled KMS requests in each simulated second, against the share of the quota left for this application."
        x={v.samples.map((s) => s.second)}
        xLabel="second"
        yLabel="requests/s"
        formatX={(s) => `${s} s`}
        formatY={(y) => formatNumber(y)}
        xDomain={[1, RUN_MS / 1000]}
        series={[
          { id: "accepted", label: "Accepted", values: v.samples.map((s) => s.kmsAccepted), colorClass: "stroke-emerald-600 dark:stroke-emerald-400" },
          { id: "throttled", label: "Throttled", values: v.samples.map((s) => s.kmsThrottled), colorClass: "stroke-rose-600 dark:stroke-rose-400", dash: "dashed" },
          { id: "quota", label: "Quota left for the app", values: v.samples.map(() => v.quotaForApp), colorClass: "stroke-slate-700 dark:stroke-slate-200", dash: "dotted" },
        ]}
      />
    </WidgetFrame>
  );
}
