import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AlarmTuningLab } from "@/app/ui/widgets/alarm-tuning-lab";
import {
  DEFAULT_ALARM,
  FAULT_WINDOW_MS,
  RUN_MS,
  SLOWDOWN,
  createLab,
  evaluateAlarm,
  faultTimeMs,
  nearestRank,
  statusMessage,
  viewLab,
  worstCaseDetectMs,
  type AlarmConfig,
  type Datapoint,
  type FaultKind,
} from "@/app/ui/widgets/alarm-tuning-lab/model";

const point = (endMs: number, p99: number): Datapoint => ({ endMs, requests: 100, average: p99 / 4, p99, errorRate: 0 });

describe("AlarmTuningLab: alarm evaluation (M out of N)", () => {
  const alarm: AlarmConfig = { statistic: "p99", threshold: 200, periodMs: 60_000, datapointsToAlarm: 2, evaluationPeriods: 3 };
  it("goes into ALARM once M of the last N datapoints breach, and back to OK when they stop", () => {
    const values = [100, 250, 100, 100, 250, 100, 250, 250, 250, 100, 100, 100];
    const r = evaluateAlarm(values.map((v, i) => point((i + 1) * 60_000, v)), alarm, 6.5 * 60_000);
    // 250 at 2, 5, 7, 8, 9: two in a window of three first at datapoint 7 (5 and 7).
    expect(r.states).toEqual(["OK", "OK", "OK", "OK", "OK", "OK", "ALARM", "ALARM", "ALARM", "ALARM", "OK", "OK"]);
    expect(r.falseAlarms).toBe(0);
    expect(r.detectMs).toBe(7 * 60_000 - 6.5 * 60_000);
  });
  it("1 out of 1 pages on every blip", () => {
    const values = [100, 250, 100, 250, 100];
    const r = evaluateAlarm(values.map((v, i) => point((i + 1) * 60_000, v)), { ...alarm, datapointsToAlarm: 1, evaluationPeriods: 1 }, 10 * 60_000);
    expect(r.falseAlarms).toBe(2);
    expect(r.detectMs).toBeNull();
  });
  it("nearest-rank percentile and worst-case detection", () => {
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.99)).toBe(10);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(worstCaseDetectMs({ ...alarm, datapointsToAlarm: 3, evaluationPeriods: 5 })).toBe(4 * 60_000);
  });
});

describe("AlarmTuningLab: the run", () => {
  const runs = new Map<FaultKind, ReturnType<typeof viewLab>>();
  const run = (fault: FaultKind) => {
    if (!runs.has(fault)) {
      const h = createLab(fault, 3);
      h.sim.runUntil(RUN_MS);
      runs.set(fault, viewLab(h));
    }
    return runs.get(fault)!;
  };

  it("draws the fault time inside its window, per seed", () => {
    for (let s = 1; s < 50; s++) {
      const t = faultTimeMs(s);
      expect(t).toBeGreaterThanOrEqual(FAULT_WINDOW_MS[0]);
      expect(t).toBeLessThan(FAULT_WINDOW_MS[1]);
    }
    expect(new Set([1, 2, 3, 4, 5].map(faultTimeMs)).size).toBeGreaterThan(1);
  });

  it("has one datapoint per period, and the periods agree on the request count", () => {
    const v = run("slow-instance");
    expect(v.datapoints[10_000]).toHaveLength(RUN_MS / 10_000);
    expect(v.datapoints[60_000]).toHaveLength(RUN_MS / 60_000);
    expect(v.datapoints[300_000]).toHaveLength(RUN_MS / 300_000);
    const sum = (p: 10_000 | 60_000 | 300_000) => v.datapoints[p].reduce((a, d) => a + d.requests, 0);
    expect(sum(10_000)).toBe(sum(60_000));
    expect(sum(60_000)).toBe(sum(300_000));
    expect(SLOWDOWN).toBe(6);
  });

  it("a slow instance moves p99 far more than the average, in proportion", () => {
    const v = run("slow-instance");
    const before = v.datapoints[60_000].filter((d) => d.endMs <= v.faultAtMs);
    const after = v.datapoints[60_000].filter((d) => d.endMs > v.faultAtMs + 60_000);
    const mean = (xs: Datapoint[], k: "average" | "p99") => xs.reduce((a, d) => a + (d[k] ?? 0), 0) / xs.length;
    const avgRise = mean(after, "average") / mean(before, "average");
    const p99Rise = mean(after, "p99") / mean(before, "p99");
    expect(avgRise).toBeGreaterThan(1.05);
    expect(p99Rise).toBeGreaterThan(avgRise + 0.2);
    // The default alarm (average > 100 ms) never notices.
    const r = evaluateAlarm(v.datapoints[60_000], DEFAULT_ALARM, v.faultAtMs);
    expect(r.detectMs).toBeNull();
    expect(r.falseAlarms).toBe(0);
  });

  it("the error fault shows in the error rate, not in the latency of successful requests", () => {
    const v = run("errors");
    const after = v.datapoints[60_000].filter((d) => d.endMs > v.faultAtMs + 60_000);
    // At least its 1/8 share: fast failures leave it with no outstanding requests, so least-outstanding sends it more.
    for (const d of after) expect(d.errorRate!).toBeGreaterThan(12);
    const r = evaluateAlarm(v.datapoints[60_000], { ...DEFAULT_ALARM, statistic: "error-rate", threshold: 5 }, v.faultAtMs);
    expect(r.detectMs).not.toBeNull();
    expect(r.detectMs!).toBeLessThanOrEqual(120_000);
    const p99 = evaluateAlarm(v.datapoints[60_000], { ...DEFAULT_ALARM, statistic: "p99", threshold: 250 }, v.faultAtMs);
    expect(p99.detectMs).toBeNull();
  });

  it("a hair trigger pages on noise; requiring 3 of 3 datapoints removes the false alarms and still catches it", () => {
    const v = run("slow-instance");
    const hair: AlarmConfig = { statistic: "p99", threshold: 180, periodMs: 10_000, datapointsToAlarm: 1, evaluationPeriods: 1 };
    const calm: AlarmConfig = { ...hair, datapointsToAlarm: 3, evaluationPeriods: 3 };
    const a = evaluateAlarm(v.datapoints[10_000], hair, v.faultAtMs);
    const b = evaluateAlarm(v.datapoints[10_000], calm, v.faultAtMs);
    expect(a.falseAlarms).toBeGreaterThan(0);
    expect(b.falseAlarms).toBe(0);
    expect(b.detectMs).not.toBeNull();
    expect(b.detectMs!).toBeLessThan(120_000);
    expect(statusMessage(calm, v, b, true)).toMatch(/0 false alarms before the fault\. It caught the fault/);
  });

  it("keeps the fault time out of the status until the run ends", () => {
    const h = createLab("slow-instance", 3);
    const statusAt = (ms: number, alarm: AlarmConfig) => {
      h.sim.runUntil(ms);
      const v = viewLab(h);
      return statusMessage(alarm, v, evaluateAlarm(v.datapoints[alarm.periodMs], alarm, v.faultAtMs), false);
    };
    // The default alarm never pages on this run: the sentence must not change when the fault starts.
    const before = statusAt(h.faultAtMs - 1_000, DEFAULT_ALARM);
    const after = statusAt(h.faultAtMs + 90_000, DEFAULT_ALARM);
    expect(after).toBe(before);
    expect(after).toContain("It has not gone into ALARM yet.");
    // An alarm that has caught the fault mid-run says it paged, not that it caught the fault or how fast.
    const calm: AlarmConfig = { statistic: "p99", threshold: 180, periodMs: 10_000, datapointsToAlarm: 3, evaluationPeriods: 3 };
    const caught = statusAt(h.faultAtMs + 150_000, calm);
    expect(caught).toMatch(/It has gone into ALARM (once|[1-9]\d* times) so far/);
    expect(caught).not.toMatch(/caught|fault yet|before the fault/);
  });

  it("names the fault's start as a time into the run at the end", () => {
    const v = run("slow-instance");
    const msg = statusMessage(DEFAULT_ALARM, v, evaluateAlarm(v.datapoints[60_000], DEFAULT_ALARM, v.faultAtMs), true);
    expect(msg).toMatch(/It never caught the fault\. The fault was: .+, from \d+ min( \d\d s)? into the run\.$/);
    expect(msg).not.toContain("minute");
  });
});

describe("AlarmTuningLab component", () => {
  it("renders its frame, settings and status without effects", () => {
    const html = renderToString(createElement(AlarmTuningLab, { seed: 2 }));
    expect(html).toContain('data-widget="AlarmTuningLab"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Datapoints to alarm (M)");
    expect(html).toContain("Press Play");
  });
});
