/**
 * Simulator-answered question for day 6 (storage: block, file and object). Pure TypeScript on lib/sim; generate()
 * runs one simulated day in well under a millisecond.
 */
import {
  FailureModel,
  HOUR_MS,
  Simulation,
  createStream,
  type Fault,
  type FailureLogEntry,
  type FaultSink,
} from "../../sim";
import { pick, type SimNumericGenerator } from "./types";

const MIN_MS = 60_000;

function clock(ms: number): string {
  const min = Math.round(ms / MIN_MS);
  return `${String(Math.floor(min / 60)).padStart(2, "0")}:${String(min % 60).padStart(2, "0")}`;
}

function span(ms: number): string {
  const min = Math.round(ms / MIN_MS);
  const h = Math.floor(min / 60);
  const m = min % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/**
 * One day of a block volume in AZ a with a snapshot every `intervalH` hours from 00:00 (skipped while the AZ is
 * down), an AZ outage and then a volume failure, both injected by the engine's FailureModel. Returns when the
 * newest completed snapshot was taken and how many GiB written after it were lost.
 */
export function runSnapshotDay(options: {
  seed: number;
  intervalH: number;
  writeGiBPerHour: number;
  outage: { startMs: number; durationMs: number };
  failMs: number;
}): { lastSnapshotMs: number; lostGiB: number; snapshotsTaken: number; skipped: number } {
  const sim = new Simulation<FailureLogEntry>({ seed: options.seed, maxLogEntries: 100 });
  let azDown = false;
  let lastSnapshotMs = 0; // the volume starts from a snapshot at 00:00
  let snapshotsTaken = 1;
  let skipped = 0;
  let lostGiB = -1;
  const every = options.intervalH * HOUR_MS;
  const snapshot = sim.defineEvent("storage-question/snapshot", () => {
    if (azDown) skipped++;
    else {
      lastSnapshotMs = sim.nowMs;
      snapshotsTaken++;
    }
    sim.schedule(sim.nowMs + every, snapshot);
  });
  sim.schedule(every, snapshot);
  const volume: FaultSink = {
    applyFault(fault: Fault, failed: boolean) {
      if (fault.kind !== "component") return;
      if (fault.id === "az-a") azDown = failed;
      else if (fault.id === "volume" && failed && lostGiB < 0) {
        lostGiB = ((sim.nowMs - lastSnapshotMs) / HOUR_MS) * options.writeGiBPerHour;
      }
    },
  };
  new FailureModel(
    sim,
    {
      chaos: [
        { atMs: options.outage.startMs, action: "fail", fault: { kind: "component", id: "az-a" }, durationMs: options.outage.durationMs },
        { atMs: options.failMs, action: "fail", fault: { kind: "component", id: "volume" } },
      ],
    },
    [volume],
  );
  sim.runUntil(options.failMs + 1);
  return { lastSnapshotMs, lostGiB, snapshotsTaken, skipped };
}

export const storageGenerators: Readonly<Record<string, SimNumericGenerator>> = {
  "snapshot-writes-lost": {
    description:
      "A volume is snapshotted every few hours; an AZ outage makes one or more snapshots skip; then the volume fails: how many GiB of writes are lost when it is restored from the newest snapshot?",
    generate(seed) {
      const rng = createStream(seed, "question:snapshot-writes-lost");
      const intervalH = pick(rng, [2, 3, 4, 6]);
      const writeGiBPerHour = pick(rng, [2, 3, 4, 5, 8]);
      const intervalMin = intervalH * 60;
      // The outage starts shortly before a scheduled snapshot (at or before noon) and ends before the next one.
      const tick = (1 + rng.int(Math.floor(12 / intervalH))) * intervalMin;
      const before = pick(rng, [10, 20, 30, 45]);
      const after = pick(rng, [15, 30, 45, 60].filter((m) => before + m < intervalMin - 5));
      const startMin = tick - before;
      const endMin = tick + after;
      // The failure comes at least 10 minutes after the outage and 10 minutes before the next scheduled snapshot,
      // so the skipped snapshot always matters.
      const latestMin = tick + intervalMin - 10;
      const failMin = endMin + 10 + rng.int(Math.max(1, latestMin - (endMin + 10)));
      const run = runSnapshotDay({
        seed,
        intervalH,
        writeGiBPerHour,
        outage: { startMs: startMin * MIN_MS, durationMs: (endMin - startMin) * MIN_MS },
        failMs: failMin * MIN_MS,
      });
      const snapshotTimes = Array.from({ length: Math.floor(failMin / intervalMin) + 1 }, (_, i) => clock(i * intervalMin * MIN_MS));
      return {
        params: {
          intervalH,
          writeGiBPerHour,
          snapshotTimes: snapshotTimes.join(", "),
          outageStart: clock(startMin * MIN_MS),
          outageEnd: clock(endMin * MIN_MS),
          skippedClock: clock(tick * MIN_MS),
          failClock: clock(failMin * MIN_MS),
          lastSnapshot: clock(run.lastSnapshotMs),
          lostSpan: span(failMin * MIN_MS - run.lastSnapshotMs),
        },
        answer: Math.round(run.lostGiB * 10) / 10,
      };
    },
  },
};
