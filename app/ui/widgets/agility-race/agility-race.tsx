"use client";

import { useId } from "react";
import { DAY_MS } from "@/lib/sim";
import { Chart } from "../kit/chart";
import { ComparisonTable } from "../kit/comparison-table";
import { ControlBar } from "../kit/control-bar";
import { RangeField, SettingsFieldset } from "../kit/fields";
import { formatNumber, formatUsd } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import {
  DEFAULT_CONFIG,
  QUARTER_DAYS,
  QUARTER_MS,
  TEAM_LABEL,
  agilityStatus,
  createAgility,
  formatLead,
  viewAgility,
  type AgilityConfig,
  type TeamView,
} from "./model";

export interface AgilityRaceProps {
  /** Ticket-queue lead time in days (1–30); default 10. */
  ticketLeadDays?: number;
  /** Failure rate in percent (0–90); default 60. */
  failurePercent?: number;
  seed?: number;
}

interface Settings {
  ticketLeadDays: number;
  selfServiceLeadMinutes: number;
  ticketBatch: number;
  selfServiceBatch: number;
  failurePercent: number;
}

function toConfig(s: Settings): AgilityConfig {
  return {
    ...DEFAULT_CONFIG,
    ticket: { ...DEFAULT_CONFIG.ticket, leadTimeMinutes: s.ticketLeadDays * 24 * 60, batchSize: s.ticketBatch },
    selfService: { ...DEFAULT_CONFIG.selfService, leadTimeMinutes: s.selfServiceLeadMinutes, batchSize: s.selfServiceBatch },
    failureRate: s.failurePercent / 100,
  };
}

const dayText = (ms: number | null) => (ms === null ? "—" : `day ${formatNumber(ms / DAY_MS, 1)}`);

export function AgilityRace(props: AgilityRaceProps) {
  const { config: settings, update, controls } = useConfiguredSimulation({
    initialConfig: (): Settings => ({
      ticketLeadDays: props.ticketLeadDays ?? 10,
      selfServiceLeadMinutes: 10,
      ticketBatch: 4,
      selfServiceBatch: 1,
      failurePercent: props.failurePercent ?? 60,
    }),
    create: (s, seed) => createAgility(toConfig(s), seed),
    view: viewAgility,
    seed: props.seed,
    simMsPerSecond: 7 * DAY_MS,
    stepMs: DAY_MS,
    endMs: QUARTER_MS,
  });
  const config = toConfig(settings);
  const v = controls.view;
  const uid = useId();
  const days = v.ticket.cumulative.map((_, i) => i);
  const weeks = Math.max(1, v.nowMs / (7 * DAY_MS));

  const rows: { label: string; value: (t: TeamView) => string }[] = [
    { label: "Experiments finished", value: (t) => `${t.completed} (${t.succeeded} worked, ${t.failed} failed)` },
    { label: "Releases (deployment frequency)", value: (t) => `${t.releases} (${formatNumber(t.releases / weeks, 1)} a week)` },
    { label: "Time to first feedback", value: (t) => dayText(t.firstFeedbackMs) },
    { label: "Mean idea-to-feedback time", value: (t) => (t.meanIdeaToFeedbackMs === null ? "—" : `${formatNumber(t.meanIdeaToFeedbackMs / DAY_MS, 1)} days`) },
    { label: "Cost of failed experiments", value: (t) => formatUsd(t.failedCostUsd) },
    { label: "Environment cost, all experiments", value: (t) => formatUsd(t.costUsd) },
    { label: "Doing now", value: (t) => t.phase },
  ];
  const t = v.ticket;
  const s = v.selfService;

  return (
    <WidgetFrame
      name="AgilityRace"
      title="Agility race: ticket queue vs self-service"
      intro={
        <p>
          Two teams with the same ideas run a build–measure–learn loop for one quarter ({QUARTER_DAYS} days). Each
          experiment takes {config.buildDaysPerExperiment} engineer-day to build and must run {config.measureDays} days
          in front of users before its result is in; a team picks its next batch only after the last one&apos;s results.
          The ticket team waits for an environment and pays for it for at least {config.ticket.minBilledDays} days; the
          self-service team creates one through an API and pays only while it runs. Illustrative cost: $
          {config.envCostPerDay} per experiment-environment per day.
        </p>
      }
    >
      <SettingsFieldset legend="Settings (changing one starts a fresh quarter)">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <RangeField
            id={`${uid}-tlead`}
            label="Ticket lead time"
            display={formatLead(settings.ticketLeadDays * 24 * 60)}
            value={settings.ticketLeadDays}
            min={1}
            max={30}
            onChange={(ticketLeadDays) => update({ ticketLeadDays })}
          />
          <RangeField
            id={`${uid}-slead`}
            label="Self-service lead time"
            display={formatLead(settings.selfServiceLeadMinutes)}
            value={settings.selfServiceLeadMinutes}
            min={1}
            max={60}
            onChange={(selfServiceLeadMinutes) => update({ selfServiceLeadMinutes })}
          />
          <RangeField
            id={`${uid}-tbatch`}
            label="Ticket team batch size"
            display={`${settings.ticketBatch} experiment${settings.ticketBatch === 1 ? "" : "s"} per release`}
            value={settings.ticketBatch}
            min={1}
            max={8}
            onChange={(ticketBatch) => update({ ticketBatch })}
          />
          <RangeField
            id={`${uid}-sbatch`}
            label="Self-service team batch size"
            display={`${settings.selfServiceBatch} experiment${settings.selfServiceBatch === 1 ? "" : "s"} per release`}
            value={settings.selfServiceBatch}
            min={1}
            max={8}
            onChange={(selfServiceBatch) => update({ selfServiceBatch })}
          />
          <RangeField
            id={`${uid}-fail`}
            label="Experiments whose idea fails"
            display={`${settings.failurePercent} %`}
            value={settings.failurePercent}
            min={0}
            max={90}
            step={10}
            onChange={(failurePercent) => update({ failurePercent })}
          />
        </div>
      </SettingsFieldset>

      <ControlBar
        controls={controls}
        stepLabel="Step 1 day"
        formatTime={(ms) => `day ${formatNumber(ms / DAY_MS, ms % DAY_MS === 0 ? 0 : 1)}`}
      />
      <LiveRegion message={agilityStatus(v, controls.ended)} />

      <MetricGrid label="Headline results so far">
        <MetricTile
          label="Experiments: ticket"
          value={t.completed}
          detail={`first feedback ${dayText(t.firstFeedbackMs)}`}
          tone={t.completed > s.completed ? "good" : "neutral"}
        />
        <MetricTile
          label="Experiments: self-service"
          value={s.completed}
          detail={`first feedback ${dayText(s.firstFeedbackMs)}`}
          tone={s.completed > t.completed ? "good" : "neutral"}
        />
        <MetricTile label="Failed cost: ticket" value={formatUsd(t.failedCostUsd)} detail={`${t.failed} failed`} />
        <MetricTile label="Failed cost: self-service" value={formatUsd(s.failedCostUsd)} detail={`${s.failed} failed`} />
      </MetricGrid>

      <Chart
        title="Experiments with results, over the quarter"
        summary={`Cumulative experiments whose results were in, day by day, for both teams, over the first ${days.length - 1} days.`}
        x={days}
        xLabel="day"
        yLabel="experiments"
        formatX={(d) => `day ${d}`}
        formatY={(y) => formatNumber(y)}
        xDomain={[0, QUARTER_DAYS]}
        series={[
          { id: "ticket", label: TEAM_LABEL.ticket, values: t.cumulative, colorClass: "stroke-indigo-600 dark:stroke-indigo-400", dash: "dashed", step: true },
          { id: "self", label: TEAM_LABEL["self-service"], values: s.cumulative, colorClass: "stroke-sky-600 dark:stroke-sky-400", step: true },
        ]}
      />

      <ComparisonTable
        caption="Both teams' results so far"
        columns={[TEAM_LABEL.ticket, TEAM_LABEL["self-service"]]}
        left={t}
        right={s}
        rows={rows}
        minWidthClass="min-w-72"
      />
    </WidgetFrame>
  );
}
