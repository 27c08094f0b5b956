"use client";

import { useId, useState } from "react";
import {
  HYPERVISOR_OVERHEAD_FRACTION,
  InfrastructureModel,
  Simulation,
  buildRegion,
  minReplicasToSurviveAzLoss,
  type HostView,
  type HypervisorType,
  type InfraLogEntry,
  type InfrastructureView,
  type PlacementStrategy,
  type WorkloadSpec,
  type WorkloadStatus,
} from "@/lib/sim";
import { ControlBar } from "../kit/control-bar";
import { SettingsFieldset } from "../kit/fields";
import { formatDuration, formatNumber, formatPercent } from "../kit/format";
import { LiveRegion } from "../kit/live-region";
import { MetricGrid, MetricTile } from "../kit/metric-tile";
import { dangerButtonClass, fieldClass, labelClass, primaryButtonClass, smallButtonClass } from "../kit/styles";
import { useConfiguredSimulation } from "../kit/use-configured-simulation";
import { WidgetFrame } from "../kit/widget-frame";

const REGION_ID = "us-east-1";
const HOST = { cpuCores: 8, memoryGiB: 32 };
const RESTART_DELAY_MS = 120_000;
const WEB = { id: "web", vcpu: 2, memoryGiB: 4, minRunning: 3 } as const;
const BATCH = { id: "batch", vcpu: 4, memoryGiB: 16, minRunning: 1 } as const;
const STRATEGIES: { value: PlacementStrategy; label: string }[] = [
  { value: "spread", label: "Spread across AZs" },
  { value: "pack", label: "Pack (fewest hosts)" },
  { value: "single-az", label: "Single AZ" },
];

interface WorkloadChoice {
  placement: PlacementStrategy;
  replicas: number;
}

interface LabConfig {
  hypervisor: HypervisorType;
  cpuOvercommit: 1 | 2;
  autoRestart: boolean;
  web: WorkloadChoice;
  batch: WorkloadChoice & { enabled: boolean };
}

export interface AzPlacementLabProps {
  /** "basic": one workload (web); "two-workloads": web plus a memory-hungry batch workload. */
  preset?: "basic" | "two-workloads";
  seed?: number;
}

interface LabHandle {
  sim: Simulation<InfraLogEntry>;
  infra: InfrastructureModel;
}

interface LabView {
  infra: InfrastructureView;
  logTotal: number;
  recent: InfraLogEntry[];
  survives: Record<string, { host: boolean; az: boolean }>;
}

function workloadSpecs(config: LabConfig): WorkloadSpec[] {
  const specs: WorkloadSpec[] = [{ ...WEB, ...config.web }];
  if (config.batch.enabled) specs.push({ ...BATCH, placement: config.batch.placement, replicas: config.batch.replicas });
  return specs;
}

function createLab(config: LabConfig, seed: number): LabHandle {
  const sim = new Simulation<InfraLogEntry>({ seed, maxLogEntries: 500 });
  const infra = new InfrastructureModel(sim, {
    regions: [buildRegion({ id: REGION_ID, azCount: 3, hostsPerAz: 2, ...HOST })],
    hypervisor: config.hypervisor,
    cpuOvercommit: config.cpuOvercommit,
    workloads: workloadSpecs(config),
    restartDelayMs: config.autoRestart ? RESTART_DELAY_MS : null,
  });
  return { sim, infra };
}

function viewLab(h: LabHandle): LabView {
  const infra = h.infra.view();
  const survives: LabView["survives"] = {};
  for (const w of infra.workloads) {
    survives[w.id] = {
      host: h.infra.survivesAnySingleFailure(w.id, "host"),
      az: h.infra.survivesAnySingleFailure(w.id, "az"),
    };
  }
  return { infra, logTotal: h.sim.logTotal, recent: h.sim.log.slice(-60), survives };
}

/** "a" for us-east-1a. */
const azLetter = (azId: string) => azId.slice(-1);
/** "a1" for us-east-1a-1. */
const hostLabel = (host: Pick<HostView, "id" | "azId">) => `${azLetter(host.azId)}${host.id.split("-").pop()}`;

/** How many VMs of this size fit on one empty host of the lab. */
function fitsPerHost(vcpu: number, memoryGiB: number, view: InfrastructureView): number {
  const keep = 1 - view.overheadFraction;
  return Math.floor(
    Math.min((HOST.cpuCores * keep * view.cpuOvercommit) / vcpu + 1e-9, (HOST.memoryGiB * keep) / memoryGiB + 1e-9),
  );
}

function statusPhrase(w: WorkloadStatus, afterFailure: boolean): string {
  const counts = `${w.running} of ${w.replicas} running, needs ${w.required}`;
  return w.serving ? `${w.id} ${afterFailure ? "still serving" : "serving"} (${counts})` : `${w.id} DOWN (${counts})`;
}

/** The live summary of everything logged since the learner's last action. */
function describe(headline: string, entries: readonly InfraLogEntry[], view: InfrastructureView): string {
  const vmWorkload = new Map(view.vms.map((v) => [v.id, v.workloadId]));
  const parts: string[] = [];
  const lost = new Map<string, number>();
  let failure = false;
  let recovered = false;
  let placed = 0;
  let restarted = 0;
  let unplaceable = 0;
  let reason = "";
  for (const e of entries) {
    if (e.type === "host-failed" || e.type === "az-failed" || e.type === "region-failed") {
      failure = true;
      for (const id of e.lostVmIds) {
        const w = vmWorkload.get(id) ?? "?";
        lost.set(w, (lost.get(w) ?? 0) + 1);
      }
    } else if (e.type === "host-recovered" || e.type === "az-recovered" || e.type === "region-recovered") {
      recovered = true;
    } else if (e.type === "vm-placed") {
      if (e.restart) restarted++;
      else placed++;
    } else if (e.type === "vm-unplaceable") {
      unplaceable++;
      reason = e.reason;
    }
  }
  if (failure) {
    for (const w of view.workloads) {
      const n = lost.get(w.id) ?? 0;
      if (n > 0) parts.push(`${n} of ${w.replicas} ${w.id} VMs lost`);
    }
    if (lost.size === 0) parts.push("no running VMs were on it");
  }
  if (placed > 0) parts.push(`placed ${placed} VM${placed === 1 ? "" : "s"}`);
  if (restarted > 0) parts.push(`${restarted} VM${restarted === 1 ? "" : "s"} restarted automatically`);
  if (unplaceable > 0) parts.push(`${unplaceable} VM${unplaceable === 1 ? "" : "s"} could not be placed (${reason})`);
  const lostNow = view.workloads.reduce((n, w) => n + w.lost, 0);
  if (recovered && restarted === 0 && lostNow > 0) {
    parts.push(`capacity is back but empty, so ${lostNow} lost VM${lostNow === 1 ? "" : "s"} wait for Place VMs or an automatic restart`);
  }
  for (const w of view.workloads) parts.push(statusPhrase(w, failure));
  return `${headline}: ${parts.join("; ")}.`;
}

const DEFAULT_CONFIG: LabConfig = {
  hypervisor: "type-1",
  cpuOvercommit: 1,
  autoRestart: false,
  web: { placement: "spread", replicas: 6 },
  batch: { enabled: false, placement: "pack", replicas: 2 },
};

export function AzPlacementLab(props: AzPlacementLabProps) {
  const { config, update: updateConfig, controls } = useConfiguredSimulation({
    initialConfig: (): LabConfig => ({
      ...DEFAULT_CONFIG,
      batch: { ...DEFAULT_CONFIG.batch, enabled: props.preset === "two-workloads" },
    }),
    create: createLab,
    view: viewLab,
    seed: props.seed,
    simMsPerSecond: 60_000,
    stepMs: 60_000,
  });
  // The learner's last action and the log position just before it: the live summary describes what followed.
  const [announcement, setAnnouncement] = useState<{ headline: string; cursor: number } | null>(null);
  const [achieved, setAchieved] = useState<string[]>([]);
  const { infra, survives } = controls.view;
  const uid = useId();

  const update = (change: Partial<LabConfig>) => {
    updateConfig(change);
    setAnnouncement(null);
  };
  const act = (headline: string, change: (h: LabHandle) => void) => {
    setAnnouncement({ headline, cursor: controls.view.logTotal });
    controls.act(change);
  };

  const vmsOf = new Map(infra.vms.map((v) => [v.id, v]));
  const placedAny = infra.workloads.some((w) => w.availability !== null);
  const { logTotal, recent } = controls.view;
  // A cursor beyond the log means the run was reset since that action.
  const message =
    announcement && announcement.cursor <= logTotal
      ? describe(announcement.headline, logTotal > announcement.cursor ? recent.slice(-(logTotal - announcement.cursor)) : [], infra)
      : placedAny
        ? infra.workloads.map((w) => statusPhrase(w, false)).join("; ") + "."
        : "Nothing placed yet: choose a hypervisor, a placement strategy and replicas, then press Place VMs.";

  const web = infra.workloads.find((w) => w.id === WEB.id);
  const batch = infra.workloads.find((w) => w.id === BATCH.id);
  const allRunning = infra.workloads.every((w) => w.running === w.replicas && w.replicas > 0);
  const challenges = [
    {
      id: "host",
      title: `Keep web serving through any single host failure with the fewest VMs (it needs ${WEB.minRunning} running).`,
      done: !!web && allRunning && !!survives.web?.host && web.replicas === WEB.minRunning + 1,
    },
    {
      id: "az",
      title: "Keep web serving through any single AZ failure with the fewest VMs.",
      done:
        !!web && allRunning && !!survives.web?.az && web.replicas === minReplicasToSurviveAzLoss(WEB.minRunning, 3),
    },
    {
      id: "type-2",
      title: "On a type 2 hypervisor, run web and batch so both survive any single AZ failure.",
      done:
        infra.hypervisor === "type-2" && !!batch && allRunning && !!survives.web?.az && !!survives.batch?.az,
    },
  ];

  // A challenge, once met, stays met: solving it usually means changing settings, which starts a fresh run.
  const newlyDone = challenges.filter((c) => c.done && !achieved.includes(c.id)).map((c) => c.id);
  if (newlyDone.length > 0) setAchieved([...achieved, ...newlyDone]);

  const workloadControls = (
    key: "web" | "batch",
    choice: WorkloadChoice,
    spec: { vcpu: number; memoryGiB: number; minRunning: number },
    maxReplicas: number,
  ) => (
    <div className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-0.5">
        <label htmlFor={`${uid}-${key}-placement`} className={labelClass}>
          {key} placement
        </label>
        <select
          id={`${uid}-${key}-placement`}
          className={fieldClass}
          value={choice.placement}
          onChange={(e) => update({ [key]: { ...config[key], placement: e.target.value as PlacementStrategy } })}
        >
          {STRATEGIES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-0.5">
        <label htmlFor={`${uid}-${key}-replicas`} className={labelClass}>
          {key} replicas
        </label>
        <select
          id={`${uid}-${key}-replicas`}
          className={fieldClass}
          value={choice.replicas}
          onChange={(e) => update({ [key]: { ...config[key], replicas: Number(e.target.value) } })}
        >
          {Array.from({ length: maxReplicas }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Each VM: {spec.vcpu} vCPU, {spec.memoryGiB} GiB · needs {spec.minRunning} running · {fitsPerHost(spec.vcpu, spec.memoryGiB, infra)} fit on an empty host
      </p>
    </div>
  );

  return (
    <WidgetFrame
      name="AzPlacementLab"
      title="Availability Zone placement lab"
      intro={
        <p>
          Region {REGION_ID} has three Availability Zones (a, b, c), each with two physical hosts of {HOST.cpuCores}{" "}
          cores and {HOST.memoryGiB} GiB. Place the VMs, then fail hosts or whole AZs and see which workloads keep
          serving. Press Play or Step to let simulated time pass and measure availability.
        </p>
      }
    >
      <SettingsFieldset legend="Settings (changing one starts a fresh run)">
        <div className="flex flex-wrap items-end gap-4">
          <div role="radiogroup" aria-label="Hypervisor" className="flex flex-col gap-1">
            <span className={labelClass}>Hypervisor</span>
            {(["type-1", "type-2"] as const).map((t) => (
              <label key={t} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={`${uid}-hypervisor`}
                  value={t}
                  checked={config.hypervisor === t}
                  onChange={() => update({ hypervisor: t })}
                  className="accent-sky-700 dark:accent-sky-400"
                />
                {t === "type-1" ? "Type 1 (bare-metal)" : "Type 2 (hosted)"} —{" "}
                {Math.round(HYPERVISOR_OVERHEAD_FRACTION[t] * 100)} % of each host kept for itself
              </label>
            ))}
          </div>
          <div className="flex flex-col gap-0.5">
            <label htmlFor={`${uid}-overcommit`} className={labelClass}>
              CPU overcommit
            </label>
            <select
              id={`${uid}-overcommit`}
              className={fieldClass}
              value={config.cpuOvercommit}
              onChange={(e) => update({ cpuOvercommit: Number(e.target.value) === 2 ? 2 : 1 })}
            >
              <option value={1}>1 vCPU per core</option>
              <option value={2}>2 vCPU per core</option>
            </select>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={config.autoRestart}
              onChange={(e) => update({ autoRestart: e.target.checked })}
              className="size-4 accent-sky-700 dark:accent-sky-400"
            />
            Restart lost VMs automatically after {formatDuration(RESTART_DELAY_MS)}
          </label>
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Usable per host: {formatNumber(HOST.cpuCores * (1 - infra.overheadFraction) * infra.cpuOvercommit, 1)} vCPU
          and {formatNumber(HOST.memoryGiB * (1 - infra.overheadFraction), 1)} GiB of {HOST.cpuCores} cores and{" "}
          {HOST.memoryGiB} GiB. Memory is never overcommitted. The overhead figures are illustrative, exaggerated so the
          difference shows: real hypervisors, type 2 included, usually keep far less.
        </p>
        {workloadControls("web", config.web, WEB, 10)}
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={config.batch.enabled}
            onChange={(e) => update({ batch: { ...config.batch, enabled: e.target.checked } })}
            className="size-4 accent-sky-700 dark:accent-sky-400"
          />
          Add a second workload: batch
        </label>
        {config.batch.enabled ? workloadControls("batch", config.batch, BATCH, 6) : null}
      </SettingsFieldset>

      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={primaryButtonClass}
          onClick={() => act("Place VMs", (h) => h.infra.placePending())}
        >
          Place VMs
        </button>
        <p className="text-xs text-slate-600 dark:text-slate-400">Places every VM that is not running.</p>
      </div>
      <ControlBar controls={controls} />
      <LiveRegion message={message} />

      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        {infra.regions[0]?.azs.map((az) => {
          const letter = azLetter(az.id);
          return (
            <section
              key={az.id}
              aria-labelledby={`${uid}-az-${letter}`}
              className={`flex flex-col gap-2 rounded-lg border-2 p-2 ${
                az.up
                  ? "border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-800"
                  : "border-dashed border-rose-500 bg-rose-50 dark:border-rose-500 dark:bg-rose-950/40"
              }`}
            >
              <div className="flex items-center justify-between gap-2">
                <h4 id={`${uid}-az-${letter}`} className="flex flex-wrap items-center gap-x-1 text-sm font-semibold">
                  <span className={az.up ? "" : "line-through"}>AZ {letter}</span>
                  <span className="font-normal text-slate-600 dark:text-slate-400">({az.id})</span>
                  {az.up ? null : (
                    <span className="whitespace-nowrap rounded bg-rose-700 px-1 text-xs text-white">AZ DOWN</span>
                  )}
                </h4>
                <button
                  type="button"
                  className={`${az.up ? dangerButtonClass : smallButtonClass} shrink-0`}
                  onClick={() =>
                    act(`AZ ${az.id} ${az.up ? "failed" : "recovered"}`, (h) =>
                      az.up ? h.infra.failAz(az.id) : h.infra.recoverAz(az.id),
                    )
                  }
                >
                  {az.up ? `Fail AZ ${letter}` : `Recover AZ ${letter}`}
                </button>
              </div>
              <ul className="grid grid-cols-2 gap-2">
                {az.hosts.map((host) => {
                  const label = hostLabel(host);
                  const memUsed = host.usedMemoryGiB / host.memoryGiB;
                  return (
                    <li
                      key={host.id}
                      className={`flex min-w-0 flex-col gap-1 rounded-md border p-2 ${
                        host.available
                          ? "border-slate-300 dark:border-slate-600"
                          : "border-rose-500 bg-rose-100/60 dark:border-rose-500 dark:bg-rose-950/60"
                      }`}
                    >
                      <div className="flex flex-wrap items-center gap-1 text-sm font-medium">
                        <span className={host.available ? "" : "line-through"}>Host {label}</span>
                        {!host.up ? (
                          <span className="rounded bg-rose-700 px-1 text-xs text-white">FAILED</span>
                        ) : !host.available ? (
                          <span className="rounded bg-rose-700 px-1 text-xs text-white">AZ down</span>
                        ) : null}
                      </div>
                      <div className="flex h-2 overflow-hidden rounded-sm bg-slate-200 dark:bg-slate-700" aria-hidden="true">
                        <div className="bg-slate-500 dark:bg-slate-400" style={{ width: `${infra.overheadFraction * 100}%` }} />
                        <div className="bg-sky-600 dark:bg-sky-400" style={{ width: `${memUsed * 100}%` }} />
                      </div>
                      <p className="text-[0.7rem] tabular-nums text-slate-600 dark:text-slate-400">
                        {formatNumber(host.usedVcpu, 0)}/{formatNumber(host.usableVcpu, 1)} vCPU ·{" "}
                        {formatNumber(host.usedMemoryGiB, 0)}/{formatNumber(host.usableMemoryGiB, 1)} GiB
                      </p>
                      {host.vmIds.length > 0 ? (
                        <ul aria-label={`VMs on host ${label}`} className="flex flex-wrap gap-1">
                          {host.vmIds.map((id) => (
                            <li
                              key={id}
                              className={`rounded px-1.5 py-0.5 text-xs font-medium ${
                                vmsOf.get(id)?.workloadId === BATCH.id
                                  ? "bg-indigo-100 text-indigo-900 dark:bg-indigo-900 dark:text-indigo-100"
                                  : "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100"
                              }`}
                            >
                              {id}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <p className="text-xs text-slate-500 dark:text-slate-400">No VMs</p>
                      )}
                      <button
                        type="button"
                        className={`${host.up ? dangerButtonClass : smallButtonClass} mt-auto`}
                        onClick={() =>
                          act(`Host ${label} ${host.up ? "failed" : "recovered"}`, (h) =>
                            host.up ? h.infra.failHost(host.id) : h.infra.recoverHost(host.id),
                          )
                        }
                      >
                        {host.up ? `Fail host ${label}` : `Recover host ${label}`}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>

      {infra.workloads.map((w) => (
        <MetricGrid key={w.id} label={`Workload ${w.id}`}>
          <MetricTile
            label={`${w.id} status`}
            value={w.serving ? "Serving" : "DOWN"}
            tone={!placedAny ? "neutral" : w.serving ? "good" : "bad"}
            detail={`${STRATEGIES.find((s) => s.value === w.placement)?.label ?? w.placement}`}
          />
          <MetricTile
            label={`${w.id} running`}
            value={`${w.running} / ${w.replicas}`}
            detail={`needs ${w.required}${w.lost > 0 ? ` · ${w.lost} lost` : ""}${w.pending > 0 ? ` · ${w.pending} not placed` : ""}`}
          />
          <MetricTile
            label={`${w.id} availability`}
            value={formatPercent(w.availability, 2)}
            detail={
              w.availability === null
                ? "not placed yet"
                : w.measuredMs === 0
                  ? "press Play or Step to measure"
                  : `over ${formatDuration(w.measuredMs)}`
            }
          />
          <MetricTile
            label={`${w.id} outages`}
            value={w.outages}
            detail={`AZs: ${w.azIds.map(azLetter).join(", ") || "none"}`}
          />
        </MetricGrid>
      ))}

      <section aria-labelledby={`${uid}-challenges`} className="flex flex-col gap-2">
        <h4 id={`${uid}-challenges`} className="text-sm font-semibold">
          Challenges
        </h4>
        <ol className="flex flex-col gap-1 text-sm">
          {challenges.map((c) => ({ ...c, done: c.done || achieved.includes(c.id) })).map((c) => (
            <li key={c.id} className="flex items-start gap-2">
              <span
                className={`mt-0.5 shrink-0 rounded px-1.5 text-xs font-semibold ${
                  c.done
                    ? "bg-emerald-700 text-white dark:bg-emerald-500 dark:text-slate-950"
                    : "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100"
                }`}
              >
                {c.done ? "Done" : "Not yet"}
              </span>
              <span>{c.title}</span>
            </li>
          ))}
        </ol>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Checked by trying every single failure against the current placement: then fail it for real to watch.
        </p>
      </section>
    </WidgetFrame>
  );
}
