"use client";

import { useId, useMemo, useState } from "react";
import { Chart } from "../kit/chart";
import { ControlBar } from "../kit/control-bar";
import { SelectField, SettingsFieldset } from "../kit/fields";
import { formatNumber } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { labelClass } from "../kit/styles";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";
import { DAY_MS } from "@/lib/sim";
import {
  DEFAULT_CONFIG,
  DETECT_CHOICES_HOURS,
  INVENTORY,
  LEAK_RATE_CHOICES,
  ROTATION_CHOICES_DAYS,
  RUN_MS,
  SCOPES,
  SESSION_CHOICES_HOURS,
  STRATEGIES,
  STRATEGY_LABELS,
  createExposureLab,
  evaluate,
  formatHours,
  policySet,
  statusMessage,
  viewExposureLab,
  type ExposureConfig,
  type ExposureView,
  type Guardrails,
  type Scope,
  type Strategy,
} from "./model";

export interface CredentialExposureLabProps {
  /** The application's permissions at the start. Default "admin" (the common mistake). */
  scope?: Scope;
  seed?: number;
}

const STROKES: Record<Strategy, { stroke: string; bg: string; dash: "solid" | "dashed" | "dotted" }> = {
  "long-lived": { stroke: "stroke-rose-600 dark:stroke-rose-400", bg: "bg-rose-500 dark:bg-rose-400", dash: "solid" },
  rotated: { stroke: "stroke-amber-600 dark:stroke-amber-400", bg: "bg-amber-500 dark:bg-amber-400", dash: "dashed" },
  role: { stroke: "stroke-emerald-600 dark:stroke-emerald-400", bg: "bg-emerald-600 dark:bg-emerald-400", dash: "dotted" },
};

const hoursOption = (h: number) => ({
  value: h,
  label: h < 1 ? `${h * 60} minutes` : h < 24 ? `${h} hour${h === 1 ? "" : "s"}` : `${h / 24} day${h === 24 ? "" : "s"}`,
});

/** Seed 1 happens to leak nothing until day 177; with seed 3 the first leak comes on day 5, so Play shows one early. */
const DEFAULT_SEED = 3;

/** Leaks and their usable windows on one year, one row per strategy (HTML, so labels keep their size at any width). */
function Timeline(props: { view: ExposureView }) {
  const pct = (ms: number) => (Math.min(ms, RUN_MS) / RUN_MS) * 100;
  const v = props.view;
  const described = v.leaks.length === 0 ? "No leaks yet." : `${v.leaks.length} leaks so far, on days ${v.leaks.map((l) => Math.floor(l.atMs / DAY_MS)).join(", ")}.`;
  return (
    <div className="flex flex-col gap-1">
      <span className="text-sm font-semibold">When each leaked credential was usable</span>
      <div
        role="img"
        aria-label={`Timeline of one year. ${described} Each bar shows how long the leaked credential stayed usable under each strategy; the tiles above give the totals.`}
        className="relative flex flex-col gap-1.5"
      >
        {STRATEGIES.map((s) => (
          <div key={s} className="flex flex-col gap-0.5">
            <span className="text-xs text-slate-700 dark:text-slate-300">{STRATEGY_LABELS[s]}</span>
            <div className="relative h-4 overflow-hidden rounded bg-slate-200 dark:bg-slate-800">
              {v.leaks.map((l, i) => {
                const end = Math.min(l.atMs + l.windows[s], v.nowMs);
                return (
                  <span
                    key={i}
                    className={`absolute inset-y-0 min-w-0.5 ${STROKES[s].bg}`}
                    style={{ left: `${pct(l.atMs)}%`, width: `${Math.max(0, pct(end) - pct(l.atMs))}%` }}
                  />
                );
              })}
              <span className="absolute inset-y-0 w-0.5 bg-sky-700 dark:bg-sky-300" style={{ left: `${pct(v.nowMs)}%` }} />
            </div>
          </div>
        ))}
        <div className="flex justify-between text-xs text-slate-600 dark:text-slate-400">
          {[0, 91, 182, 273, 365].map((d) => (
            <span key={d}>day {d}</span>
          ))}
        </div>
      </div>
    </div>
  );
}

export function CredentialExposureLab(props: CredentialExposureLabProps) {
  const { config, update, setConfig, controls } = useConfiguredSimulation({
    initialConfig: (): ExposureConfig => ({ ...DEFAULT_CONFIG, scope: props.scope ?? DEFAULT_CONFIG.scope }),
    create: createExposureLab,
    view: viewExposureLab,
    seed: props.seed ?? DEFAULT_SEED,
    simMsPerSecond: RUN_MS / 20,
    stepMs: 7 * DAY_MS,
    endMs: RUN_MS,
  });
  const [requestIndex, setRequestIndex] = useState(3);
  const v = controls.view;
  const uid = useId();
  const guard = (change: Partial<Guardrails>) => setConfig((old) => ({ ...old, guardrails: { ...old.guardrails, ...change } }));
  const request = INVENTORY[requestIndex] ?? INVENTORY[0]!;
  const decision = useMemo(() => evaluate(policySet(config.scope, config.guardrails), request), [config.scope, config.guardrails, request]);
  const worst = Math.max(1, ...v.results.map((r) => r.hours));

  return (
    <WidgetFrame
      name="CredentialExposureLab"
      title="Credential exposure lab: how long does a leak last, and how far does it reach?"
      intro={
        <p>
          An application&apos;s credentials leak at random moments through a simulated year (a key pasted into a
          public repository, a log line, a stolen laptop). The same leaks are replayed against three ways of holding
          credentials. The attacker can use a leaked credential until it expires or someone revokes it; what they can
          do with it is decided by IAM policy evaluation, shown at the bottom. Leak and detection rates are
          illustrative.
        </p>
      }
    >
      <SettingsFieldset legend="Settings (changing any starts a fresh year)">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <SelectField id={`${uid}-leaks`} label="Leaks per year (average)" value={config.leaksPerYear} options={LEAK_RATE_CHOICES.map((n) => ({ value: n, label: String(n) }))} onChange={(leaksPerYear) => update({ leaksPerYear })} />
          <SelectField id={`${uid}-detect`} label="Time to notice and revoke a leak" value={config.detectHours} options={DETECT_CHOICES_HOURS.map(hoursOption)} onChange={(detectHours) => update({ detectHours })} />
          <SelectField id={`${uid}-rotate`} label="Access key rotated every" value={config.rotationDays} options={ROTATION_CHOICES_DAYS.map((d) => ({ value: d, label: hoursOption(d * 24).label }))} onChange={(rotationDays) => update({ rotationDays })} />
          <SelectField id={`${uid}-session`} label="Role session duration" value={config.sessionHours} options={SESSION_CHOICES_HOURS.map(hoursOption)} onChange={(sessionHours) => update({ sessionHours })} />
          <SelectField
            id={`${uid}-scope`}
            label="The application's identity-based policy"
            value={config.scope}
            options={(Object.keys(SCOPES) as Scope[]).map((s) => ({ value: s, label: SCOPES[s].label }))}
            onChange={(scope) => update({ scope })}
          />
        </div>
        <fieldset className="flex flex-col gap-1">
          <legend className={labelClass}>Guardrails</legend>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" checked={config.guardrails.scpDenyIam} onChange={(e) => guard({ scpDenyIam: e.target.checked })} className="mt-1 size-4 accent-sky-700 dark:accent-sky-400" />
            SCP on the account: allow everything except IAM actions
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" checked={config.guardrails.boundary} onChange={(e) => guard({ boundary: e.target.checked })} className="mt-1 size-4 accent-sky-700 dark:accent-sky-400" />
            Permissions boundary on the application: S3 and DynamoDB only
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" checked={config.guardrails.denyBackupDelete} onChange={(e) => guard({ denyBackupDelete: e.target.checked })} className="mt-1 size-4 accent-sky-700 dark:accent-sky-400" />
            Explicit deny: s3:DeleteObject on the backups bucket
          </label>
        </fieldset>
      </SettingsFieldset>

      <ControlBar controls={controls} stepLabel="Step 1 week" formatTime={(ms) => `day ${formatNumber(ms / DAY_MS)} of 365`} />
      <LiveRegion message={statusMessage(v, controls.ended, controls.playing)} />

      <MetricGrid label="Attacker-usable time so far, per strategy, and the blast radius">
        {v.results.map((r) => (
          <MetricTile
            key={r.strategy}
            label={STRATEGY_LABELS[r.strategy]}
            value={formatHours(r.hours)}
            detail={`expected ${formatHours(r.expectedPerLeakHours)} per leak; longest ${formatHours(r.longestHours)}`}
            tone={r.hours === 0 ? "neutral" : r.hours >= worst * 0.5 ? "bad" : "good"}
          />
        ))}
        <MetricTile
          label="Blast radius"
          value={`${v.radius.allowed.length} of ${v.radius.total} actions`}
          detail={v.radius.persistence ? "can create new access keys: a leak outlives its credential" : "cannot create new credentials"}
          tone={v.radius.persistence ? "bad" : v.radius.allowed.length <= 2 ? "good" : "neutral"}
        />
      </MetricGrid>

      <Timeline view={v} />

      <Chart
        title="Cumulative attacker-usable credential-hours"
        summary="For each strategy, the total hours leaked credentials could be used, accumulating through the year."
        x={v.samples.map((s) => s.days)}
        xLabel="day"
        yLabel="hours"
        formatX={(d) => `day ${Math.round(d)}`}
        formatY={(y) => formatNumber(y, y < 10 ? 1 : 0)}
        xDomain={[0, 365]}
        series={STRATEGIES.map((s) => ({
          id: s,
          label: STRATEGY_LABELS[s],
          values: v.samples.map((x) => x.hours[s]),
          colorClass: STROKES[s].stroke,
          dash: STROKES[s].dash,
        }))}
      />

      <section aria-label="Policy evaluation" className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700">
        <h4 className="font-semibold">Policy evaluation: may the application do this?</h4>
        <SelectField
          id={`${uid}-request`}
          label="Request"
          value={requestIndex}
          options={INVENTORY.map((item, i) => ({ value: i, label: `${item.label}: ${item.action}` }))}
          onChange={setRequestIndex}
        />
        <p className="break-all font-mono text-xs text-slate-600 dark:text-slate-400">{request.resource}</p>
        <ol className="flex flex-col gap-1">
          {decision.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <p
          className={`self-start rounded-md border px-2 py-1 font-semibold ${
            decision.allowed
              ? "border-rose-400 bg-rose-50 text-rose-900 dark:border-rose-600 dark:bg-rose-950 dark:text-rose-100"
              : "border-emerald-400 bg-emerald-50 text-emerald-900 dark:border-emerald-600 dark:bg-emerald-950 dark:text-emerald-100"
          }`}
        >
          {decision.allowed ? "Allowed: a leaked credential can do this" : "Denied: a leaked credential cannot do this"}
        </p>
        <details>
          <summary className="cursor-pointer">Every action the application is allowed ({v.radius.allowed.length})</summary>
          <ul className="mt-1 list-disc pl-5">
            {v.radius.allowed.map((item) => (
              <li key={`${item.action} ${item.resource}`}>
                {item.label} <code className="break-all">{item.action}</code>
              </li>
            ))}
          </ul>
        </details>
      </section>
    </WidgetFrame>
  );
}
