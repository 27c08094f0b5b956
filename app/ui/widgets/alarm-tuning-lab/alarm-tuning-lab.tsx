"use client";

import { useCallback, useId, useMemo, useState } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { RangeField, SelectField, SettingsFieldset } from "../kit/fields";
import { formatDuration } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { useSimulation } from "../kit/use-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  BASE_RPS,
  DEFAULT_ALARM,
  FAULTS,
  INSTANCES,
  PERIODS_MS,
  RUN_MS,
  STATISTICS,
  createLab,
  evaluateAlarm,
  formatValue,
  statusMessage,
  valueOf,
  viewLab,
  worstCaseDetectMs,
  type AlarmConfig,
  type FaultKind,
  type LabHandle,
  type LabView,
  type PeriodMs,
  type Statistic,
} from "./model";

export interface AlarmTuningLabProps {
  /** Which fault the run injects: "slow-instance" (default) or "errors". */
  fault?: FaultKind;
  seed?: number;
}

/** Threshold slider range and the value a statistic starts at when chosen. */
const THRESHOLD_RANGE: Record<Statistic, { min: number; max: number; step: number; start: number }> = {
  average: { min: 20, max: 150, step: 1, start: 100 },
  p99: { min: 100, max: 600, step: 5, start: 400 },
  "error-rate": { min: 0.5, max: 20, step: 0.5, start: 5 },
};

const COUNT_OPTIONS = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }));

export function AlarmTuningLab(props: AlarmTuningLabProps) {
  const [fault, setFault] = useState<FaultKind>(props.fault ?? "slow-instance");
  const [alarm, setAlarm] = useState<AlarmConfig>(DEFAULT_ALARM);
  const create = useCallback((seed: number) => createLab(fault, seed), [fault]);
  const controls = useSimulation<LabHandle, LabView>({
    create,
    view: viewLab,
    seed: props.seed,
    simMsPerSecond: 60_000,
    stepMs: 60_000,
    endMs: RUN_MS,
  });
  const uid = useId();
  const v = controls.view;
  const points = v.datapoints[alarm.periodMs];
  const result = useMemo(() => evaluateAlarm(points, alarm, v.faultAtMs), [points, alarm, v.faultAtMs]);
  const update = (change: Partial<AlarmConfig>) =>
    setAlarm((a) => {
      const next = { ...a, ...change };
      if (next.datapointsToAlarm > next.evaluationPeriods) next.datapointsToAlarm = next.evaluationPeriods;
      return next;
    });
  const range = THRESHOLD_RANGE[alarm.statistic];
  const unit = STATISTICS[alarm.statistic].unit;
  const revealed = controls.ended;
  const values = points.map((d) => valueOf(d, alarm.statistic) ?? 0);
  const chartMax = Math.max(alarm.threshold * 1.5, Math.min(Math.max(0, ...values) * 1.1, range.max), range.min);
  const capped = values.map((x) => Math.min(x, chartMax));
  const minutes = points.map((d) => d.endMs / 60_000);
  const alarmLine = result.states.map((s) => (s === "ALARM" ? chartMax : 0));
  const faultLine = points.map((d) => (revealed && d.endMs > v.faultAtMs ? chartMax * 0.95 : 0));
  // Mid-run the range covers every datapoint so far: one that stopped growing at the fault would reveal its time.
  const rangePoints = revealed ? points.filter((d) => d.endMs <= v.faultAtMs) : points;
  const seen = rangePoints.map((d) => valueOf(d, alarm.statistic)).filter((x): x is number => x !== null);

  return (
    <WidgetFrame
      name="AlarmTuningLab"
      title="Alarm-tuning lab: page on the fault, not on the noise"
      intro={
        <p>
          {INSTANCES} instances behind a load balancer serve about {BASE_RPS} requests a second, with occasional bursts.
          Somewhere between minute 12 and minute 20 something goes wrong. Tune a CloudWatch-style alarm so it fires soon
          after the fault and never before it. Changing the alarm re-evaluates the same run; changing the fault starts a new one.
        </p>
      }
    >
      <SettingsFieldset legend="Scenario (changing it starts a fresh run)">
        <SelectField
          id={`${uid}-fault`}
          label="Fault injected at an unknown time"
          value={fault}
          options={(Object.keys(FAULTS) as FaultKind[]).map((k) => ({ value: k, label: FAULTS[k].label }))}
          onChange={setFault}
        />
      </SettingsFieldset>

      <SettingsFieldset legend="Alarm (applies to the run at once)">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <SelectField
            id={`${uid}-stat`}
            label="Metric and statistic"
            value={alarm.statistic}
            options={(Object.keys(STATISTICS) as Statistic[]).map((s) => ({ value: s, label: STATISTICS[s].label }))}
            onChange={(s) => update({ statistic: s, threshold: THRESHOLD_RANGE[s].start })}
          />
          <RangeField
            id={`${uid}-thr`}
            label="Threshold (breach when above)"
            value={alarm.threshold}
            display={formatValue(alarm.threshold, alarm.statistic)}
            min={range.min}
            max={range.max}
            step={range.step}
            onChange={(x) => update({ threshold: x })}
          />
        </div>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <SelectField
            id={`${uid}-period`}
            label="Period"
            value={alarm.periodMs}
            options={PERIODS_MS.map((p) => ({ value: p, label: p < 60_000 ? `${p / 1000} s (high resolution)` : `${p / 60_000} min` }))}
            onChange={(p: PeriodMs) => update({ periodMs: p })}
          />
          <SelectField
            id={`${uid}-m`}
            label="Datapoints to alarm (M)"
            value={alarm.datapointsToAlarm}
            options={COUNT_OPTIONS.filter((o) => o.value <= alarm.evaluationPeriods)}
            onChange={(m) => update({ datapointsToAlarm: m })}
          />
          <SelectField
            id={`${uid}-n`}
            label="Evaluation periods (N)"
            value={alarm.evaluationPeriods}
            options={COUNT_OPTIONS}
            onChange={(n) => update({ evaluationPeriods: n })}
          />
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          ALARM when at least {alarm.datapointsToAlarm} of the last {alarm.evaluationPeriods} datapoints of{" "}
          {alarm.periodMs / 1000} s are above {formatValue(alarm.threshold, alarm.statistic)}. A fault that breaches every
          period is caught within about {formatDuration(worstCaseDetectMs(alarm))}.
        </p>
      </SettingsFieldset>

      <ControlBar controls={controls} />
      <LiveRegion message={statusMessage(alarm, v, result, controls.ended)} />

      <MetricGrid label="Alarm results">
        {/* Until the end, neither tile may depend on the fault time: a false-alarm count that stops growing, or a
            detection time, would give it away. */}
        {revealed ? (
          <MetricTile label="False alarms" value={result.falseAlarms} tone={result.falseAlarms === 0 ? "good" : "bad"} detail="pages before the fault" />
        ) : (
          <MetricTile label="Pages so far" value={result.pages} detail="which were false is revealed at the end" />
        )}
        <MetricTile
          label="Time to detect"
          value={revealed && result.detectMs !== null ? formatDuration(result.detectMs) : "—"}
          tone={!revealed ? "neutral" : result.detectMs !== null ? "good" : "bad"}
          detail={!revealed ? "fault time hidden until the end" : result.alarmAtFault ? "already in ALARM at the fault" : result.detectMs === null ? "missed" : "after the fault began"}
        />
        <MetricTile label="Alarm state" value={result.states[result.states.length - 1] ?? "OK"} detail={`${points.length} datapoints so far`} />
        <MetricTile
          label={revealed ? `Normal ${STATISTICS[alarm.statistic].label.toLowerCase()}` : `${STATISTICS[alarm.statistic].label} so far`}
          value={seen.length === 0 ? "—" : `${formatValue(Math.min(...seen), alarm.statistic)}–${formatValue(Math.max(...seen), alarm.statistic)}`}
          detail={revealed ? "range before the fault" : "range of every datapoint so far"}
        />
      </MetricGrid>

      <Chart
        title={`${STATISTICS[alarm.statistic].label} per ${alarm.periodMs / 1000}-second period`}
        summary={`Each datapoint, the alarm threshold, and when the alarm was in ALARM${revealed ? ", and when the fault was active" : ""}. Values above ${formatValue(chartMax, alarm.statistic)} are drawn at the top.`}
        x={minutes}
        xLabel="minute"
        yLabel={unit}
        formatX={(m) => `${Math.round(m * 10) / 10} min`}
        xDomain={[0, RUN_MS / 60_000]}
        yMax={chartMax}
        series={[
          { id: "value", label: STATISTICS[alarm.statistic].label, values: capped, colorClass: "stroke-sky-600 dark:stroke-sky-400" },
          {
            id: "threshold",
            label: "Threshold",
            values: points.map(() => alarm.threshold),
            colorClass: "stroke-amber-600 dark:stroke-amber-400",
            dash: "dashed",
          },
          { id: "alarm", label: "In ALARM (top) / OK (bottom)", values: alarmLine, colorClass: "stroke-rose-600 dark:stroke-rose-400", dash: "dotted", step: true },
          ...(revealed
            ? [{ id: "fault", label: "Fault active", values: faultLine, colorClass: "stroke-slate-500 dark:stroke-slate-400", dash: "dotted" as const, step: true }]
            : []),
        ]}
      />
      <p className="text-xs text-slate-600 dark:text-slate-300">
        Traffic, service times and the slowdown are illustrative. Datapoints are computed from every request (latency of
        successful requests; error rate over all requests), as if the application published them.
      </p>
    </WidgetFrame>
  );
}
