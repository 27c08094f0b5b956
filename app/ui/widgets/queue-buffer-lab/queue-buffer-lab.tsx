"use client";

import { useId, useState } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { SelectField, SettingsFieldset } from "../kit/fields";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { dangerButtonClass } from "../kit/styles";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  BASE_RATE,
  BURST_MULTIPLIERS,
  CHALLENGES,
  CLIENT_TIMEOUT_MS,
  CONSUMER_COUNTS,
  CRASH_RATES,
  DEFAULT_CONFIG,
  MAX_RECEIVE_COUNT,
  RUN_MS,
  VISIBILITY_TIMEOUTS_MS,
  burstMessages,
  createQueueLab,
  formatPct,
  formatSeconds,
  poolCapacity,
  statusMessage,
  viewQueueLab,
  type QueueLabConfig,
  type QueueLabHandle,
  type QueueLabView,
} from "./model";

export interface QueueBufferLabProps {
  /** Burst multiplier at the start: 2, 4 or 8 × the baseline rate. Default 4. */
  burst?: number;
  /** Consumers at the start. Default 4. */
  consumers?: number;
  seed?: number;
}

const n = (x: number) => x.toLocaleString("en-US");
/** An action stays in the announcement for this much simulated time. */
const ACTION_SHOWN_MS = 10_000;

export function QueueBufferLab(props: QueueBufferLabProps) {
  const [lastAction, setLastAction] = useState<{ text: string; atMs: number } | null>(null);
  const { config, update: updateConfig, controls } = useConfiguredSimulation<QueueLabConfig, QueueLabHandle, QueueLabView>({
    initialConfig: () => ({
      ...DEFAULT_CONFIG,
      burstMultiplier: props.burst !== undefined && (BURST_MULTIPLIERS as readonly number[]).includes(props.burst) ? props.burst : DEFAULT_CONFIG.burstMultiplier,
      consumers: props.consumers !== undefined && (CONSUMER_COUNTS as readonly number[]).includes(props.consumers) ? props.consumers : DEFAULT_CONFIG.consumers,
    }),
    create: createQueueLab,
    view: viewQueueLab,
    seed: props.seed,
    simMsPerSecond: 6_000,
    stepMs: 5_000,
    endMs: RUN_MS,
  });
  const uid = useId();
  const v = controls.view;
  const s = v.sync;
  const q = v.queue;
  const update = (change: Partial<QueueLabConfig>, what: string) => {
    updateConfig(change);
    setLastAction({ text: `${what}: a fresh run starts.`, atMs: 0 });
  };
  const seconds = v.series.arrived.map((_, i) => i + 1);
  const peak = BASE_RATE * config.burstMultiplier;
  const cap = poolCapacity(config.consumers);

  return (
    <WidgetFrame
      name="QueueBufferLab"
      title="Queue buffer lab: call directly, or put a queue in between"
      intro={
        <p>
          One producer sends {BASE_RATE} messages a second, with two 10-second bursts. The same messages reach the same
          pool of consumers two ways: by calling them directly (the caller gives up after {CLIENT_TIMEOUT_MS / 1000} s),
          or through a queue. Each consumer handles one message at a time (median 80 ms). Numbers are illustrative.
        </p>
      }
    >
      <SettingsFieldset legend="Settings (changing one starts a fresh run)">
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <SelectField
            id={`${uid}-burst`}
            label="Burst size"
            value={config.burstMultiplier}
            options={BURST_MULTIPLIERS.map((m) => ({ value: m, label: `${m}× (${BASE_RATE * m}/s, ≈ ${n(burstMessages({ burstMultiplier: m }))} msgs)` }))}
            onChange={(x) => update({ burstMultiplier: x }, `Bursts now ${x}× the baseline`)}
          />
          <SelectField
            id={`${uid}-consumers`}
            label="Consumers"
            value={config.consumers}
            options={CONSUMER_COUNTS.map((c) => ({ value: c, label: `${c} (≈ ${Math.round(poolCapacity(c))}/s)` }))}
            onChange={(x) => update({ consumers: x }, `${x} consumers`)}
          />
          <SelectField
            id={`${uid}-vt`}
            label="Visibility timeout"
            value={config.visibilityTimeoutMs}
            options={VISIBILITY_TIMEOUTS_MS.map((ms) => ({ value: ms, label: `${ms < 1000 ? `${ms} ms` : `${ms / 1000} s`}${ms === 30_000 ? " (SQS default)" : ""}` }))}
            onChange={(x) => update({ visibilityTimeoutMs: x }, `Visibility timeout ${formatSeconds(x)}`)}
          />
          <SelectField
            id={`${uid}-crash`}
            label="Consumer crashes"
            value={config.crashRate}
            options={CRASH_RATES.map((r) => ({ value: r, label: r === 0 ? "never" : `${r * 100} % of messages` }))}
            onChange={(x) => update({ crashRate: x }, x === 0 ? "Consumers no longer crash" : `Consumers crash on ${x * 100} % of messages`)}
          />
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={config.idempotent}
            onChange={(e) => update({ idempotent: e.target.checked }, e.target.checked ? "Idempotent consumer on" : "Idempotent consumer off")}
            className="mt-0.5 size-4 shrink-0 accent-sky-700 dark:accent-sky-400"
          />
          <span>Idempotent consumer: record each message id with its side effect, and skip ids already done</span>
        </label>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Peak {peak}/s against a capacity of about {Math.round(cap)}/s{peak > cap ? `: each burst leaves ≈ ${n(Math.round((peak - cap) * 10))} messages the consumers cannot handle at once` : ""}. A crash happens after the work, before the message is deleted (or the caller answered); the consumer restarts 1 s later. Dead-letter queue after {MAX_RECEIVE_COUNT} receives.
        </p>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={dangerButtonClass}
          disabled={controls.ended || controls.nowMs === 0}
          onClick={() => {
            controls.act((h) => void h.model.crashConsumer());
            setLastAction({ text: `A consumer crashed mid-message at ${formatSeconds(controls.nowMs)}.`, atMs: controls.nowMs });
          }}
        >
          Crash a consumer now
        </button>
      </div>
      <LiveRegion
        message={statusMessage(config, v, controls.ended, lastAction && v.nowMs - lastAction.atMs <= ACTION_SHOWN_MS ? lastAction.text : null)}
      />

      <div className="grid min-w-0 grid-cols-1 gap-3 md:grid-cols-2">
        <section aria-labelledby={`${uid}-sync`} className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 p-2 dark:border-slate-700">
          <h4 id={`${uid}-sync`} className="text-sm font-semibold">
            Direct call (synchronous)
          </h4>
          <MetricGrid label="Direct call results">
            <MetricTile label="Succeeded" value={n(s.ok)} detail={`${s.waiting} waiting now`} />
            <MetricTile
              label="Errors"
              value={n(s.errors)}
              tone={s.errors > 0 ? "bad" : "good"}
              detail={`${n(s.timeouts)} timeouts, ${n(s.crashErrors)} crashes`}
            />
            <MetricTile label="Error rate" value={formatPct(s.errorRate)} tone={s.errorRate === null ? "neutral" : s.errorRate < 0.01 ? "good" : "bad"} />
            <MetricTile label="p95 response" value={s.p95Ms === null ? "—" : `${Math.round(s.p95Ms)} ms`} detail={`${s.consumersUp} of ${config.consumers} up`} />
          </MetricGrid>
        </section>
        <section aria-labelledby={`${uid}-queue`} className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 p-2 dark:border-slate-700">
          <h4 id={`${uid}-queue`} className="text-sm font-semibold">
            Through a queue (asynchronous)
          </h4>
          <MetricGrid label="Queue results">
            <MetricTile label="Processed" value={n(q.processed)} detail={`of ${n(q.sent)} sent; none rejected`} />
            <MetricTile label="Backlog" value={n(q.backlog)} detail={`${n(q.visible)} visible, ${n(q.inFlight)} in flight`} />
            <MetricTile
              label="Oldest message"
              value={formatSeconds(q.oldestAgeMs)}
              tone={q.maxOldestAgeMs < 25_000 ? "good" : "bad"}
              detail={`worst ${formatSeconds(q.maxOldestAgeMs)}`}
            />
            <MetricTile
              label="Duplicate side effects"
              value={n(q.duplicates)}
              tone={q.duplicates > 0 ? "bad" : "good"}
              detail={`${n(q.redeliveries)} redelivered${q.duplicatesCaught > 0 ? `, ${n(q.duplicatesCaught)} skipped` : ""}; DLQ ${n(q.deadLettered)}`}
            />
          </MetricGrid>
          <p className="text-xs text-slate-600 dark:text-slate-300">
            Send to done, p95: {q.p95EndToEndMs === null ? "—" : formatSeconds(q.p95EndToEndMs)} · {q.consumersUp} of {config.consumers} consumers up · {n(q.crashes)} crashes
          </p>
        </section>
      </div>

      <Chart
        title="Messages per second"
        summary="Messages the producer sent each second, and how many direct calls succeeded and failed in that second."
        x={seconds}
        xLabel="second"
        yLabel="messages"
        formatX={(x) => `${x} s`}
        xDomain={[1, RUN_MS / 1000]}
        series={[
          { id: "sent", label: "Sent", values: v.series.arrived, colorClass: "stroke-slate-500 dark:stroke-slate-300", dash: "dotted" },
          { id: "ok", label: "Direct: succeeded", values: v.series.syncOk, colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          { id: "err", label: "Direct: errors", values: v.series.syncErrors, colorClass: "stroke-rose-600 dark:stroke-rose-400", dash: "dashed" },
        ]}
      />
      <Chart
        title="Queue backlog"
        summary="Messages in the queue (visible plus in flight) at the end of each second. It rises during a burst and drains afterwards."
        x={seconds}
        xLabel="second"
        yLabel="messages"
        formatX={(x) => `${x} s`}
        xDomain={[1, RUN_MS / 1000]}
        series={[{ id: "backlog", label: "Backlog", values: v.series.backlog, colorClass: "stroke-violet-600 dark:stroke-violet-400" }]}
      />

      <div className="min-w-0">
        <p className="text-sm font-semibold">Challenges</p>
        <ul className="mt-1 flex flex-col gap-1 text-sm">
          {CHALLENGES.map((ch) => {
            const met = ch.met(config, v, controls.ended);
            return (
              <li key={ch.id} className="flex items-start gap-2">
                <span
                  className={`shrink-0 rounded px-1.5 text-xs font-semibold ${
                    met ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100" : "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100"
                  }`}
                >
                  {met ? "Met" : "Not yet"}
                </span>
                <span>{ch.label}</span>
              </li>
            );
          })}
        </ul>
      </div>
    </WidgetFrame>
  );
}
