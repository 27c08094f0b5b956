/**
 * Agility race: two teams run the same build–measure–learn loop for a quarter. Each batch of experiments is built
 * (one engineer-day per experiment by default), then needs an environment: the ticket team files a ticket and waits
 * days for hardware; the self-service team calls an API and waits minutes. The batch then runs in front of users
 * until its results are in (feedback); only then does the team pick its next batch, because what it tries next
 * depends on what it just learned. Each experiment's idea works or fails at random (the failure rate).
 *
 * Event-driven on lib/sim: one Simulation, three event kinds per team, outcomes and waits drawn from named streams
 * (`agility/<team>/lead`, `agility/<team>/outcomes`). All costs and durations are illustrative.
 */
import { DAY_MS, Simulation, type SimContext, type SimModel } from "@/lib/sim";

export const QUARTER_DAYS = 91;
export const QUARTER_MS = QUARTER_DAYS * DAY_MS;
const MINUTE_MS = 60_000;

export type TeamId = "ticket" | "self-service";
export const TEAM_IDS: readonly TeamId[] = ["ticket", "self-service"];

export interface TeamConfig {
  /** Mean wait for an environment, in minutes (a ticket: days of minutes; an API call: a few). */
  leadTimeMinutes: number;
  /** Experiments built and shipped together in one environment request (one release). */
  batchSize: number;
  /**
   * Minimum days an environment is paid for. Ticket-provisioned hardware is committed for a month or more;
   * cloud resources created through the API are billed only while they run (0).
   */
  minBilledDays: number;
}

export interface AgilityConfig {
  ticket: TeamConfig;
  selfService: TeamConfig;
  /** Share of experiments whose idea turns out not to work (0–1). */
  failureRate: number;
  /** Engineer-days to build one experiment. */
  buildDaysPerExperiment: number;
  /** Days an experiment must run in front of users before its result is trustworthy. */
  measureDays: number;
  /** Illustrative cost of one experiment's environment per day it is paid for. */
  envCostPerDay: number;
  /** Waits vary uniformly between (1 − jitter) and (1 + jitter) times the mean; 0 makes them fixed. */
  leadJitter: number;
}

export const DEFAULT_CONFIG: AgilityConfig = {
  ticket: { leadTimeMinutes: 10 * 24 * 60, batchSize: 4, minBilledDays: 30 },
  selfService: { leadTimeMinutes: 10, batchSize: 1, minBilledDays: 0 },
  failureRate: 0.6,
  buildDaysPerExperiment: 1,
  measureDays: 2,
  envCostPerDay: 40,
  leadJitter: 0.5,
};

export type AgilityLogEntry =
  | { type: "batch-built"; atMs: number; team: TeamId; batch: number; experiments: number }
  | { type: "env-ready"; atMs: number; team: TeamId; batch: number; waitedMs: number }
  | { type: "feedback"; atMs: number; team: TeamId; batch: number; succeeded: number; failed: number };

interface TeamState {
  batches: number;
  /** Simulated time each finished experiment's result came in, with its outcome and the batch's start. */
  results: { atMs: number; ok: boolean; startedMs: number }[];
  batchStartedMs: number;
  envRequestedMs: number;
  inFlight: number;
  phase: "building" | "waiting" | "measuring";
  costUsd: number;
  failedCostUsd: number;
}

const freshTeam = (): TeamState => ({
  batches: 0,
  results: [],
  batchStartedMs: 0,
  envRequestedMs: 0,
  inFlight: 0,
  phase: "building",
  costUsd: 0,
  failedCostUsd: 0,
});

/** One team's loop on a shared simulation: build → wait for an environment → measure → learn → next batch. */
class TeamModel implements SimModel<TeamState> {
  readonly name: string;
  private state: TeamState = freshTeam();
  private readonly builtKind: number;
  private readonly readyKind: number;
  private readonly feedbackKind: number;

  constructor(
    private readonly sim: SimContext<AgilityLogEntry>,
    readonly team: TeamId,
    private readonly settings: TeamConfig,
    private readonly config: AgilityConfig,
  ) {
    this.name = `agility/${team}`;
    this.builtKind = sim.defineEvent(`${this.name}/built`, () => this.onBuilt());
    this.readyKind = sim.defineEvent(`${this.name}/ready`, () => this.onReady());
    this.feedbackKind = sim.defineEvent(`${this.name}/feedback`, () => this.onFeedback());
    sim.addModel(this);
    this.startBatch();
  }

  private startBatch(): void {
    const s = this.state;
    s.phase = "building";
    s.inFlight = this.settings.batchSize;
    s.batchStartedMs = this.sim.nowMs;
    const buildMs = this.settings.batchSize * this.config.buildDaysPerExperiment * DAY_MS;
    this.sim.schedule(this.sim.nowMs + buildMs, this.builtKind);
  }

  private onBuilt(): void {
    const s = this.state;
    s.phase = "waiting";
    s.envRequestedMs = this.sim.nowMs;
    this.sim.emit({ type: "batch-built", atMs: this.sim.nowMs, team: this.team, batch: s.batches + 1, experiments: s.inFlight });
    const j = this.config.leadJitter;
    const factor = j > 0 ? 1 - j + 2 * j * this.sim.stream(`${this.name}/lead`).next() : 1;
    const waitMs = Math.round(this.settings.leadTimeMinutes * MINUTE_MS * factor);
    this.sim.schedule(this.sim.nowMs + waitMs, this.readyKind);
  }

  private onReady(): void {
    const s = this.state;
    s.phase = "measuring";
    this.sim.emit({ type: "env-ready", atMs: this.sim.nowMs, team: this.team, batch: s.batches + 1, waitedMs: this.sim.nowMs - s.envRequestedMs });
    this.sim.schedule(this.sim.nowMs + this.config.measureDays * DAY_MS, this.feedbackKind);
  }

  private onFeedback(): void {
    const s = this.state;
    s.batches++;
    const rng = this.sim.stream(`${this.name}/outcomes`);
    const perExperiment = this.config.envCostPerDay * Math.max(this.settings.minBilledDays, this.config.measureDays);
    let succeeded = 0;
    for (let i = 0; i < s.inFlight; i++) {
      const ok = rng.next() >= this.config.failureRate;
      if (ok) succeeded++;
      else s.failedCostUsd += perExperiment;
      s.costUsd += perExperiment;
      s.results.push({ atMs: this.sim.nowMs, ok, startedMs: s.batchStartedMs });
    }
    this.sim.emit({ type: "feedback", atMs: this.sim.nowMs, team: this.team, batch: s.batches, succeeded, failed: s.inFlight - succeeded });
    this.startBatch();
  }

  snapshot(): TeamState {
    return JSON.parse(JSON.stringify(this.state)) as TeamState;
  }

  restore(state: TeamState): void {
    this.state = JSON.parse(JSON.stringify(state)) as TeamState;
  }

  read(): Readonly<TeamState> {
    return this.state;
  }
}

export interface AgilityHandle {
  sim: Simulation<AgilityLogEntry>;
  teams: Record<TeamId, TeamModel>;
  config: AgilityConfig;
}

export function createAgility(config: AgilityConfig, seed: number): AgilityHandle {
  const sim = new Simulation<AgilityLogEntry>({ seed, maxLogEntries: 500 });
  return {
    sim,
    config,
    teams: {
      ticket: new TeamModel(sim, "ticket", config.ticket, config),
      "self-service": new TeamModel(sim, "self-service", config.selfService, config),
    },
  };
}

export interface TeamView {
  team: TeamId;
  /** Experiments whose results are in. */
  completed: number;
  succeeded: number;
  failed: number;
  /** Releases: environment requests that reached users (deployment frequency over the quarter so far). */
  releases: number;
  /** When the first result came in; null before. */
  firstFeedbackMs: number | null;
  /** Mean time from starting a batch to its results (idea to feedback). */
  meanIdeaToFeedbackMs: number | null;
  costUsd: number;
  failedCostUsd: number;
  phase: TeamState["phase"];
  /** Cumulative completed experiments at the end of each day 0…today. */
  cumulative: number[];
}

export interface AgilityView {
  nowMs: number;
  ticket: TeamView;
  selfService: TeamView;
  /** The newest log entry, which the live region announces. */
  last: AgilityLogEntry | null;
}

function viewTeam(model: TeamModel, nowMs: number): TeamView {
  const s = model.read();
  const results = s.results;
  const succeeded = results.filter((r) => r.ok).length;
  const days = Math.floor(nowMs / DAY_MS);
  const cumulative: number[] = [];
  let k = 0;
  for (let d = 0; d <= days; d++) {
    while (k < results.length && (results[k] as { atMs: number }).atMs <= d * DAY_MS) k++;
    cumulative.push(k);
  }
  const mean =
    results.length === 0 ? null : results.reduce((sum, r) => sum + (r.atMs - r.startedMs), 0) / results.length;
  return {
    team: model.team,
    completed: results.length,
    succeeded,
    failed: results.length - succeeded,
    releases: s.batches,
    firstFeedbackMs: results[0]?.atMs ?? null,
    meanIdeaToFeedbackMs: mean,
    costUsd: s.costUsd,
    failedCostUsd: s.failedCostUsd,
    phase: s.phase,
    cumulative,
  };
}

export function viewAgility(h: AgilityHandle): AgilityView {
  const log = h.sim.log;
  return {
    nowMs: h.sim.nowMs,
    ticket: viewTeam(h.teams.ticket, h.sim.nowMs),
    selfService: viewTeam(h.teams["self-service"], h.sim.nowMs),
    last: log.length > 0 ? (log[log.length - 1] as AgilityLogEntry) : null,
  };
}

/** Runs a whole quarter and returns the final view (for tests and for checking challenges). */
export function runQuarter(config: AgilityConfig, seed = 1): AgilityView {
  const h = createAgility(config, seed);
  h.sim.runUntil(QUARTER_MS);
  return viewAgility(h);
}

/**
 * The closed form with fixed waits: a batch of B takes B·build + lead + measure days, and the loop is serial,
 * so ⌊quarter / cycle⌋ batches finish: B · ⌊91 / cycle⌋ experiments.
 */
export function expectedCompleted(team: TeamConfig, config: AgilityConfig, quarterDays = QUARTER_DAYS): number {
  const cycleDays = team.batchSize * config.buildDaysPerExperiment + team.leadTimeMinutes / (24 * 60) + config.measureDays;
  return team.batchSize * Math.floor(quarterDays / cycleDays + 1e-9);
}

export const TEAM_LABEL: Record<TeamId, string> = { ticket: "Ticket queue", "self-service": "Self-service API" };

/** "10 days", "3 h", "10 min". */
export function formatLead(minutes: number): string {
  if (minutes >= 24 * 60) {
    const d = minutes / (24 * 60);
    return `${Number.isInteger(d) ? d : d.toFixed(1)} day${d === 1 ? "" : "s"}`;
  }
  if (minutes >= 60) {
    const h = minutes / 60;
    return `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
  }
  return `${minutes} min`;
}

/** The announced summary after the learner's last action or the run's latest event. */
export function agilityStatus(v: AgilityView, ended: boolean): string {
  const t = v.ticket;
  const s = v.selfService;
  const day = (ms: number | null) => (ms === null ? "none yet" : `day ${(ms / DAY_MS).toFixed(1)}`);
  if (ended) {
    return (
      `Quarter over. Ticket queue: ${t.completed} experiments finished (${t.succeeded} worked), first feedback ${day(t.firstFeedbackMs)}, ` +
      `failed experiments cost $${Math.round(t.failedCostUsd).toLocaleString("en-US")}. ` +
      `Self-service: ${s.completed} finished (${s.succeeded} worked), first feedback ${day(s.firstFeedbackMs)}, ` +
      `failed experiments cost $${Math.round(s.failedCostUsd).toLocaleString("en-US")}.`
    );
  }
  const e = v.last;
  if (!e) return "Ready: press Play to run a quarter (91 days) of experiments for both teams.";
  const who = TEAM_LABEL[e.team];
  const at = `Day ${Math.floor(e.atMs / DAY_MS)}`;
  switch (e.type) {
    case "batch-built":
      return `${at}: ${who} built batch ${e.batch} (${e.experiments} experiment${e.experiments === 1 ? "" : "s"}) and is waiting for an environment.`;
    case "env-ready":
      return `${at}: ${who} got its environment after ${formatLead(Math.round(e.waitedMs / MINUTE_MS))}; batch ${e.batch} is live.`;
    case "feedback":
      return `${at}: ${who} got results for batch ${e.batch}: ${e.succeeded} worked, ${e.failed} failed.`;
  }
}
