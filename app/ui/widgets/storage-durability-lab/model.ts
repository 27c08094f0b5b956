/**
 * The pure simulation side of StorageDurabilityLab: a fleet of N datasets kept three ways under the same seeded
 * failures, over simulated years.
 *
 *  - "volume": each dataset on one block volume in one AZ (volumes spread a, b, c), no backups. A failed volume
 *    loses all its data; a new, empty one takes REBUILD_HOURS to put back into service.
 *  - "snapshots": the same volumes, the same failures, plus a snapshot every S hours to regional object storage.
 *    A failed volume loses only the writes since its newest snapshot and is restored in RESTORE_HOURS. A snapshot
 *    that falls while the volume's AZ is down is skipped.
 *  - "object": each dataset in regional object storage, copies in all three AZs. In this simplified model the
 *    bucket serves requests while at least two of its three AZs are up; losing one AZ's copy loses nothing.
 *
 * Random volume failures (annual failure rate) and AZ outages (MTBF/MTTR) come from the engine's FailureModel; this
 * model is the FaultSink that turns them into unavailable volume-hours and GiB lost. Deterministic and React-free,
 * so it is testable (tests/unit/widgets/storage-durability-lab.test.ts). All figures are illustrative.
 */
import {
  FailureModel,
  Simulation,
  availabilityFromMtbf,
  kOfNAvailability,
  type Fault,
  type FailureLogEntry,
  type FaultSink,
  type LogEntry,
  type RandomComponent,
  type SimContext,
  type SimModel,
} from "@/lib/sim";
import { formatNumber } from "../kit/format";

export const HOUR_MS = 3_600_000;
export const YEAR_MS = 8_760 * HOUR_MS;
/** Chart samples per run, whatever its length. */
export const SAMPLES = 200;

export const AZ_IDS = ["a", "b", "c"] as const;
export const OPTIONS = ["volume", "snapshots", "object"] as const;
export type StorageOption = (typeof OPTIONS)[number];

export const OPTION_LABELS: Record<StorageOption, string> = {
  volume: "Volume only",
  snapshots: "Volume + snapshots",
  object: "Object storage (3 AZs)",
};

/** Size of each dataset, and how much new data each one receives an hour. Illustrative. */
export const VOLUME_GIB = 500;
export const WRITE_GIB_PER_HOUR = 1;
/** Putting a failed volume-only dataset back into service: a new, empty volume, reinstalled. Illustrative. */
export const REBUILD_HOURS = 24;
/** Creating a volume from the newest snapshot and attaching it. Illustrative. */
export const RESTORE_HOURS = 1;
/** Snapshots kept: the first full copy plus this many days of changed blocks. */
export const SNAPSHOT_RETAINED_DAYS = 7;

/**
 * Illustrative prices per GiB-month, close to us-east-1 list prices in November 2026 (gp3 volume, standard-tier
 * snapshot, S3 Standard). Requests, throughput above the gp3 baseline and data transfer are left out.
 */
export const PRICES = { volume: 0.08, snapshot: 0.05, object: 0.023 } as const;

export const VOLUME_CHOICES = [1, 10, 100, 1000] as const;
/** Annual failure rates in per cent: io2 Block Express, the gp3 range, and two exaggerated rates to see the effect. */
export const AFR_CHOICES = [0.001, 0.1, 0.2, 1, 5] as const;
export const SNAPSHOT_CHOICES = [1, 4, 24, 168] as const;
export const YEAR_CHOICES = [1, 10, 100] as const;

export type AzOutageLevel = "off" | "rare" | "frequent";
/** Illustrative whole-AZ outages: each AZ independently, exponential up and down times. */
export const AZ_OUTAGES: Record<Exclude<AzOutageLevel, "off">, { mtbfHours: number; mttrHours: number; label: string }> = {
  rare: { mtbfHours: 17_520, mttrHours: 4, label: "Rare: each AZ about once in 2 years, ~4 h" },
  frequent: { mtbfHours: 2_190, mttrHours: 8, label: "Frequent: each AZ about 4 times a year, ~8 h" },
};

/** How long the "take AZ a down" button keeps it down. */
export const MANUAL_OUTAGE_HOURS = 6;

export interface StorageLabConfig {
  /** Datasets in the fleet (the widget offers VOLUME_CHOICES). */
  volumes: number;
  /** Annual failure rate of one volume, in per cent. */
  afrPercent: number;
  snapshotHours: number;
  azOutages: AzOutageLevel;
  years: number;
}

export const DEFAULT_CONFIG: StorageLabConfig = {
  volumes: 100,
  afrPercent: 0.2,
  snapshotHours: 24,
  azOutages: "rare",
  years: 10,
};

export const azOfVolume = (i: number): number => i % AZ_IDS.length;

/** Volume failures per year across the fleet: N × AFR (for small rates the annual probability is the rate). */
export function failuresPerYear(c: StorageLabConfig): number {
  return c.volumes * (c.afrPercent / 100);
}

/** Steady-state availability of one AZ (1 without outages). */
export function azAvailability(level: AzOutageLevel): number {
  if (level === "off") return 1;
  const o = AZ_OUTAGES[level];
  return availabilityFromMtbf(o.mtbfHours, o.mttrHours);
}

/** Expected unavailable hours per dataset per year for each option, from the formulas. */
export function expectedUnavailableHoursPerYear(c: StorageLabConfig): Record<StorageOption, number> {
  const az = azAvailability(c.azOutages);
  const p = c.afrPercent / 100;
  const azDown = (1 - az) * 8_760;
  return {
    volume: azDown + p * REBUILD_HOURS,
    snapshots: azDown + p * RESTORE_HOURS,
    object: (1 - kOfNAvailability(2, [az, az, az])) * 8_760,
  };
}

/** Expected GiB lost per year for each option (snapshots: on average half an interval of writes per failure). */
export function expectedLostGiBPerYear(c: StorageLabConfig): Record<StorageOption, number> {
  const f = failuresPerYear(c);
  return {
    volume: f * VOLUME_GIB,
    snapshots: f * Math.min(VOLUME_GIB, (WRITE_GIB_PER_HOUR * c.snapshotHours) / 2),
    object: 0,
  };
}

/** Monthly storage bill of each option for the whole fleet (illustrative prices). */
export function monthlyCost(c: StorageLabConfig): Record<StorageOption, number> {
  const volume = c.volumes * VOLUME_GIB * PRICES.volume;
  const snapshotGiB = VOLUME_GIB + Math.min(VOLUME_GIB, WRITE_GIB_PER_HOUR * 24 * SNAPSHOT_RETAINED_DAYS);
  return {
    volume,
    snapshots: volume + c.volumes * snapshotGiB * PRICES.snapshot,
    object: c.volumes * VOLUME_GIB * PRICES.object,
  };
}

export interface StorageSample {
  years: number;
  /** Cumulative unavailable hours per dataset (fleet total ÷ N), per option. */
  unavailable: [number, number, number];
  /** Cumulative GiB lost across the fleet, per option. */
  lostGiB: [number, number, number];
}

export interface StorageLabState {
  azRandomDown: boolean[];
  azManualDown: number[];
  /** Whole-AZ outages so far; endMs = -1 while one lasts. */
  outages: { az: number; startMs: number; endMs: number }[];
  /** Per option (volume, snapshots): when each dataset's current volume went into service. */
  createdMs: [number[], number[]];
  /** Per option (volume, snapshots): until when each volume is being rebuilt or restored. */
  repairEndMs: [number[], number[]];
  /** Datasets unavailable right now, per option. */
  unavailable: [number, number, number];
  /** ∫ unavailable datasets dt, per option, up to lastChangeMs. */
  unavailableMs: [number, number, number];
  lastChangeMs: number;
  volumeFailures: number;
  /** Data-loss events (a failure that lost more than nothing), per option. */
  lossEvents: [number, number, number];
  lostGiB: [number, number, number];
  /** Longest stretch of writes the snapshot option lost in one failure, in hours. */
  worstSnapshotLossHours: number;
  /** Object copies destroyed (and re-created from the other AZs). */
  objectCopiesLost: number;
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Turns failures into the three options' unavailability and data loss. */
export class StorageFleetModel implements SimModel<StorageLabState>, FaultSink {
  readonly name = "storage-lab";
  private readonly sim: SimContext<LogEntry>;
  private readonly c: StorageLabConfig;
  private readonly kinds: { repairEnd: number; manualUp: number };
  state: StorageLabState;

  constructor(sim: SimContext<LogEntry>, config: StorageLabConfig) {
    this.sim = sim;
    this.c = config;
    const n = config.volumes;
    this.state = {
      azRandomDown: AZ_IDS.map(() => false),
      azManualDown: AZ_IDS.map(() => 0),
      outages: [],
      createdMs: [new Array<number>(n).fill(0), new Array<number>(n).fill(0)],
      repairEndMs: [new Array<number>(n).fill(0), new Array<number>(n).fill(0)],
      unavailable: [0, 0, 0],
      unavailableMs: [0, 0, 0],
      lastChangeMs: sim.nowMs,
      volumeFailures: 0,
      lossEvents: [0, 0, 0],
      lostGiB: [0, 0, 0],
      worstSnapshotLossHours: 0,
      objectCopiesLost: 0,
    };
    this.kinds = {
      repairEnd: sim.defineEvent("storage-lab/repair-end", () => this.recount()),
      manualUp: sim.defineEvent("storage-lab/manual-az-up", (az) => {
        this.state.azManualDown[az] = Math.max(0, (this.state.azManualDown[az] as number) - 1);
        this.azChanged(az);
      }),
    };
    sim.addModel(this);
  }

  azDown(az: number): boolean {
    return (this.state.azRandomDown[az] as boolean) || (this.state.azManualDown[az] as number) > 0;
  }

  applyFault(fault: Fault, failed: boolean): void {
    if (fault.kind !== "component") return;
    if (fault.id === "volume-failures") {
      if (failed) this.loseVolume(this.sim.stream("storage-lab/which-volume").int(this.c.volumes));
      return;
    }
    const az = AZ_IDS.findIndex((z) => fault.id === `az-${z}`);
    if (az < 0) return;
    this.state.azRandomDown[az] = failed;
    this.azChanged(az);
  }

  /** A whole-AZ outage starting now (the widget's button), over by itself after `hours`. */
  failAzFor(az: number, hours: number): void {
    this.state.azManualDown[az] = (this.state.azManualDown[az] as number) + 1;
    this.azChanged(az);
    this.sim.schedule(this.sim.nowMs + hours * HOUR_MS, this.kinds.manualUp, az);
  }

  /** A fire destroys the storage in one AZ: every volume there is lost, and the object copies there. */
  destroyAz(az: number): number {
    let lost = 0;
    for (let i = 0; i < this.c.volumes; i++) {
      if (azOfVolume(i) === az) {
        this.loseVolume(i, false);
        lost++;
      }
    }
    this.state.objectCopiesLost += this.c.volumes;
    return lost;
  }

  /** Volume `i` fails: the volume option loses it all, the snapshot option the writes since its newest snapshot. */
  loseVolume(i: number, random = true): void {
    const s = this.state;
    const now = this.sim.nowMs;
    if (random) s.volumeFailures++;
    this.integrate();
    // Volume only: everything on it is gone; a new, empty volume goes into service after the rebuild.
    if ((s.repairEndMs[0][i] as number) <= now) {
      s.lossEvents[0]++;
      s.lostGiB[0] += VOLUME_GIB;
      s.repairEndMs[0][i] = now + REBUILD_HOURS * HOUR_MS;
      s.createdMs[0][i] = now + REBUILD_HOURS * HOUR_MS;
      this.sim.schedule(now + REBUILD_HOURS * HOUR_MS, this.kinds.repairEnd, 0, i);
    }
    // Snapshots: restore the newest snapshot; what was written after it is lost.
    if ((s.repairEndMs[1][i] as number) <= now) {
      const from = this.lastSnapshotMs(i, now);
      const hours = (now - from) / HOUR_MS;
      const gib = Math.min(VOLUME_GIB, hours * WRITE_GIB_PER_HOUR);
      if (gib > 0) s.lossEvents[1]++;
      s.lostGiB[1] += gib;
      s.worstSnapshotLossHours = Math.max(s.worstSnapshotLossHours, hours);
      s.repairEndMs[1][i] = now + RESTORE_HOURS * HOUR_MS;
      s.createdMs[1][i] = now + RESTORE_HOURS * HOUR_MS;
      this.sim.schedule(now + RESTORE_HOURS * HOUR_MS, this.kinds.repairEnd, 1, i);
    }
    this.recount();
  }

  /**
   * The newest snapshot of volume `i` taken at or before `atMs`: snapshots are scheduled at every multiple of the
   * interval, skipped while the volume's AZ is down; a volume restored at T starts from what it was restored from,
   * so nothing written before T can be lost twice.
   */
  lastSnapshotMs(i: number, atMs: number): number {
    const every = this.c.snapshotHours * HOUR_MS;
    const created = this.state.createdMs[1][i] as number;
    const az = azOfVolume(i);
    for (let t = Math.floor(atMs / every) * every; t > created; t -= every) {
      if (!this.outages(az).some((o) => o.startMs <= t && (o.endMs < 0 || t < o.endMs))) return t;
    }
    return created;
  }

  private outages(az: number) {
    return this.state.outages.filter((o) => o.az === az);
  }

  private azChanged(az: number): void {
    const s = this.state;
    const down = this.azDown(az);
    const open = s.outages.find((o) => o.az === az && o.endMs < 0);
    if (down && !open) s.outages.push({ az, startMs: this.sim.nowMs, endMs: -1 });
    else if (!down && open) open.endMs = this.sim.nowMs;
    this.recount();
  }

  /** Adds the time since the last change, at the counts that held during it. */
  private integrate(): void {
    const s = this.state;
    const dt = this.sim.nowMs - s.lastChangeMs;
    for (let k = 0; k < 3; k++) s.unavailableMs[k] = (s.unavailableMs[k] as number) + (s.unavailable[k] as number) * dt;
    s.lastChangeMs = this.sim.nowMs;
  }

  private recount(): void {
    this.integrate();
    const s = this.state;
    const now = this.sim.nowMs;
    const down = AZ_IDS.map((_, z) => this.azDown(z));
    let vol = 0;
    let snap = 0;
    for (let i = 0; i < this.c.volumes; i++) {
      const azDown = down[azOfVolume(i)] as boolean;
      if (azDown || (s.repairEndMs[0][i] as number) > now) vol++;
      if (azDown || (s.repairEndMs[1][i] as number) > now) snap++;
    }
    const azsDown = down.filter(Boolean).length;
    s.unavailable = [vol, snap, azsDown >= 2 ? this.c.volumes : 0];
  }

  /** Unavailable dataset-hours so far, per option, including the stretch since the last change. */
  unavailableHours(): [number, number, number] {
    const s = this.state;
    const dt = this.sim.nowMs - s.lastChangeMs;
    return [0, 1, 2].map((k) => ((s.unavailableMs[k] as number) + (s.unavailable[k] as number) * dt) / HOUR_MS) as [
      number,
      number,
      number,
    ];
  }

  snapshot(): StorageLabState {
    return clone(this.state);
  }

  restore(state: StorageLabState): void {
    this.state = clone(state);
  }
}

export interface StorageLabHandle {
  sim: Simulation<LogEntry>;
  model: StorageFleetModel;
  failures: FailureModel;
  config: StorageLabConfig;
  samples: StorageSample[];
  /** What the learner's last action did, for the status line, and when. */
  lastAction: string | null;
  lastActionAtMs: number;
}

export function runMs(c: StorageLabConfig): number {
  return c.years * YEAR_MS;
}

/** The Step button advances a twentieth of the run. */
export const STEPS_PER_RUN = 20;

/** The step's length in words: "≈18 days", "6 months" or "5 years". */
export function stepLabel(years: number): string {
  const stepYears = years / STEPS_PER_RUN;
  if (stepYears >= 1) return `${formatNumber(stepYears, Number.isInteger(stepYears) ? 0 : 1)} year${stepYears === 1 ? "" : "s"}`;
  const months = stepYears * 12;
  if (Number.isInteger(months)) return `${months} month${months === 1 ? "" : "s"}`;
  return `≈${Math.round(stepYears * 365)} days`;
}

export function createStorageLab(config: StorageLabConfig, seed: number): StorageLabHandle {
  const c = config;
  const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 200 });
  const model = new StorageFleetModel(sim, c);
  const components: RandomComponent[] = [];
  if (c.afrPercent > 0) {
    // One failure process for the whole fleet (a sum of independent Poisson processes is Poisson with the summed
    // rate); which volume failed is drawn when it happens. The 1-second "repair" only re-arms the process.
    components.push({ id: "volume-failures", mtbfMs: YEAR_MS / failuresPerYear(c), mttrMs: 1_000 });
  }
  if (c.azOutages !== "off") {
    const o = AZ_OUTAGES[c.azOutages];
    for (const z of AZ_IDS) components.push({ id: `az-${z}`, mtbfMs: o.mtbfHours * HOUR_MS, mttrMs: o.mttrHours * HOUR_MS });
  }
  const failures = new FailureModel(sim as unknown as Simulation<FailureLogEntry>, { components }, [model]);
  const handle: StorageLabHandle = {
    sim,
    model,
    failures,
    config: c,
    samples: [{ years: 0, unavailable: [0, 0, 0], lostGiB: [0, 0, 0] }],
    lastAction: null,
    lastActionAtMs: -1,
  };
  const every = runMs(c) / SAMPLES;
  const kind = sim.defineEvent("storage-lab/sample", () => {
    const u = model.unavailableHours();
    handle.samples.push({
      years: sim.nowMs / YEAR_MS,
      unavailable: u.map((h) => h / c.volumes) as [number, number, number],
      lostGiB: [...model.state.lostGiB],
    });
    if (handle.samples.length <= SAMPLES) sim.schedule(sim.nowMs + every, kind);
  });
  sim.schedule(every, kind);
  return handle;
}

export interface OptionView {
  id: StorageOption;
  label: string;
  /** Unavailable hours per dataset per year, measured so far. */
  unavailablePerYear: number;
  expectedUnavailablePerYear: number;
  /** 1 − unavailable fraction. */
  availability: number;
  lossEvents: number;
  lostGiB: number;
  expectedLostGiBPerYear: number;
  monthlyCost: number;
  unavailableNow: number;
}

export interface StorageLabView {
  nowMs: number;
  years: number;
  options: OptionView[];
  volumeFailures: number;
  expectedFailures: number;
  worstSnapshotLossHours: number;
  objectCopiesLost: number;
  azDown: boolean[];
  samples: StorageSample[];
  lastAction: string | null;
}

export function viewStorageLab(h: StorageLabHandle): StorageLabView {
  const c = h.config;
  const s = h.model.state;
  const years = h.sim.nowMs / YEAR_MS;
  const unavailable = h.model.unavailableHours();
  const expU = expectedUnavailableHoursPerYear(c);
  const expL = expectedLostGiBPerYear(c);
  const cost = monthlyCost(c);
  return {
    nowMs: h.sim.nowMs,
    years,
    options: OPTIONS.map((id, k) => {
      const perDataset = (unavailable[k] as number) / c.volumes;
      return {
        id,
        label: OPTION_LABELS[id],
        unavailablePerYear: years > 0 ? perDataset / years : 0,
        expectedUnavailablePerYear: expU[id],
        availability: years > 0 ? 1 - perDataset / (years * 8_760) : 1,
        lossEvents: s.lossEvents[k] as number,
        lostGiB: s.lostGiB[k] as number,
        expectedLostGiBPerYear: expL[id],
        monthlyCost: cost[id],
        unavailableNow: s.unavailable[k] as number,
      };
    }),
    volumeFailures: s.volumeFailures,
    expectedFailures: failuresPerYear(c) * years,
    worstSnapshotLossHours: s.worstSnapshotLossHours,
    objectCopiesLost: s.objectCopiesLost,
    azDown: AZ_IDS.map((_, z) => h.model.azDown(z)),
    samples: [...h.samples],
    lastAction: h.lastActionAtMs === h.sim.nowMs ? h.lastAction : null,
  };
}

export function runStorageLab(config: StorageLabConfig, seed = 1): StorageLabView {
  const h = createStorageLab(config, seed);
  h.sim.runUntil(runMs(config));
  return viewStorageLab(h);
}

/** "0.2 %" or "0.001 %". */
export function formatAfr(percent: number): string {
  return `${percent} %`;
}

/** A GiB amount as "12.5 GiB", "3,500 GiB" or "1.2 PiB"… kept to GiB and TiB here. */
export function formatGiB(gib: number): string {
  if (gib === 0) return "0 GiB";
  if (gib >= 10_240) return `${(gib / 1024).toLocaleString("en-US", { maximumFractionDigits: 0 })} TiB`;
  if (gib >= 100) return `${Math.round(gib).toLocaleString("en-US")} GiB`;
  return `${gib.toLocaleString("en-US", { maximumFractionDigits: 1 })} GiB`;
}

/** Hours as "3.2 h", "25 min" or "0 h". */
export function formatHours(hours: number): string {
  if (hours === 0) return "0 h";
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  return `${hours.toLocaleString("en-US", { maximumFractionDigits: hours < 10 ? 1 : 0 })} h`;
}

/** An availability with enough digits to show the nines ("99.9871 %"). */
export function formatAvailability(a: number): string {
  if (a >= 1) return "100 %";
  const nines = Math.max(0, Math.floor(-Math.log10(1 - a)));
  return `${(a * 100).toFixed(Math.min(6, Math.max(2, nines)))} %`;
}

export function snapshotLabel(hours: number): string {
  if (hours === 168) return "every 7 days";
  if (hours === 24) return "daily";
  return hours === 1 ? "hourly" : `every ${hours} h`;
}

export function describeConfig(c: StorageLabConfig): string {
  return (
    `${c.volumes} dataset${c.volumes === 1 ? "" : "s"} of ${VOLUME_GIB} GiB, volume AFR ${formatAfr(c.afrPercent)}, ` +
    `snapshots ${snapshotLabel(c.snapshotHours)}, AZ outages ${c.azOutages}, ${c.years}-year run`
  );
}

/** The status line: what the last action did, or where the run stands. */
export function statusMessage(v: StorageLabView, c: StorageLabConfig, ended: boolean, playing: boolean): string {
  const [vol, snap, obj] = v.options as [OptionView, OptionView, OptionView];
  const result =
    `${v.volumeFailures} volume failure${v.volumeFailures === 1 ? "" : "s"}; data lost: volume only ${formatGiB(vol.lostGiB)}, ` +
    `with snapshots ${formatGiB(snap.lostGiB)}, object storage ${formatGiB(obj.lostGiB)}; unavailable per dataset a year: ` +
    `${formatHours(vol.unavailablePerYear)}, ${formatHours(snap.unavailablePerYear)}, ${formatHours(obj.unavailablePerYear)}`;
  const when = `year ${v.years.toFixed(v.years < 10 ? 2 : 1)}`;
  if (v.lastAction) return `${v.lastAction} At ${when}: ${result}.`;
  if (ended) return `After ${c.years} simulated year${c.years === 1 ? "" : "s"}: ${result}.`;
  if (playing) return `Running ${c.years} simulated year${c.years === 1 ? "" : "s"}: results are announced when you pause or it ends.`;
  if (v.nowMs > 0) return `Paused at ${when}: ${result}.`;
  return `Ready: ${describeConfig(c)}. Expect about ${failuresPerYear(c) * c.years < 10 ? (failuresPerYear(c) * c.years).toFixed(2) : Math.round(failuresPerYear(c) * c.years)} volume failures. Press Play.`;
}

/** The learner's buttons, as actions on a handle that also set the status line. */
export function takeAzDown(h: StorageLabHandle, az: number): void {
  h.model.failAzFor(az, MANUAL_OUTAGE_HOURS);
  h.lastActionAtMs = h.sim.nowMs;
  h.lastAction = `AZ ${AZ_IDS[az]} is down for ${MANUAL_OUTAGE_HOURS} h: its volumes are unreachable in both volume options, but no data is lost, and object storage keeps serving from the other two AZs${
    AZ_IDS.filter((_, z) => z !== az && h.model.azDown(z)).length > 0 ? " — unless another AZ is down too, as now" : ""
  }.`;
}

export function burnAz(h: StorageLabHandle, az: number): void {
  const before = [...h.model.state.lostGiB];
  const lost = h.model.destroyAz(az);
  const after = h.model.state.lostGiB;
  h.lastActionAtMs = h.sim.nowMs;
  h.lastAction =
    `A fire destroys the storage in AZ ${AZ_IDS[az]}: ${lost} volume${lost === 1 ? "" : "s"} lost. Volume only loses ${formatGiB(after[0] - (before[0] as number))}; ` +
    `with snapshots (kept in regional storage) ${formatGiB(after[1] - (before[1] as number))}, the writes since the last snapshot; ` +
    `object storage re-creates the lost copies from the other AZs and loses nothing.`;
}
