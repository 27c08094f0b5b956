import { describe, expect, it } from "vitest";
import {
  DAY_MS,
  HOUR_MS,
  ProvisioningModel,
  Simulation,
  demandAt,
  type ProvisioningConfig,
  type ProvisioningLogEntry,
} from "@/lib/sim";

const flat = (over: Partial<ProvisioningConfig> = {}): ProvisioningConfig => ({
  demand: { baseServers: 10, growthPerDay: 0, dailySwingFraction: 0, spikes: [], noiseFraction: 0 },
  onPrem: { initialServers: 12, lotSize: 10, leadTimeDays: 14, reviewEveryDays: 7, headroomFraction: 0.2, costPerServerHour: 1 },
  cloud: { launchDelayMinutes: 6, headroomFraction: 0, minInstances: 0, costPerInstanceHour: 2 },
  ...over,
});

function run(config: ProvisioningConfig, untilMs: number, seed = 1) {
  const sim = new Simulation<ProvisioningLogEntry>({ seed });
  const model = new ProvisioningModel(sim, config);
  sim.runUntil(untilMs);
  return { sim, view: model.view() };
}

describe("ProvisioningModel", () => {
  it("flat demand: hand-computed cost, idle and unserved over one day", () => {
    const { view } = run(flat(), DAY_MS);
    // On-prem: 12 servers for 24 h at $1 = $288; demand 10, so 2 idle × 24 h = 48 idle server-hours.
    expect(view.onPrem.costUsd).toBeCloseTo(288, 9);
    expect(view.onPrem.idleServerHours).toBeCloseTo(48, 9);
    expect(view.onPrem.unservedServerHours).toBe(0);
    // Cloud starts at 0 and launches 10 at t=0, ready after 6 min: 10 × 0.1 h unserved = 1 server-hour;
    // then 10 instances for 23.9 h at $2 = $478.
    expect(view.cloud.unservedServerHours).toBeCloseTo(1, 9);
    expect(view.cloud.costUsd).toBeCloseTo(478, 9);
    expect(view.cloud.idleServerHours).toBeCloseTo(0, 9);
    expect(view.cloud.servedFraction).toBeCloseTo(1 - 1 / 240, 12);
  });

  it("on-prem orders lots at the weekly review and receives them after the lead time", () => {
    // Demand jumps to 30 from day 1; the day-7 review wants ceil(30 × 1.2) = 36, has 12: orders 30 (3 lots).
    const config = flat({
      demand: { baseServers: 10, growthPerDay: 0, dailySwingFraction: 0, noiseFraction: 0, spikes: [{ startDay: 1, durationDays: 100, extraServers: 20 }] },
    });
    const { sim, view } = run(config, 30 * DAY_MS);
    const onPrem = sim.log.filter((e) => e.type === "onprem-ordered" || e.type === "onprem-delivered");
    expect(onPrem).toEqual([
      { type: "onprem-ordered", atMs: 7 * DAY_MS, servers: 30, arrivesAtMs: 21 * DAY_MS },
      { type: "onprem-delivered", atMs: 21 * DAY_MS, servers: 30, capacity: 42 },
    ]);
    // Short by 18 servers from day 1 to day 21: 18 × 20 days × 24 h.
    expect(view.onPrem.unservedServerHours).toBeCloseTo(18 * 20 * 24, 6);
    expect(view.onPrem.capacity).toBe(42);
  });

  it("demand follows trend, daily swing and spikes", () => {
    const curve = { baseServers: 100, growthPerDay: 0.01, dailySwingFraction: 0.5, spikes: [{ startDay: 2, durationDays: 1, extraServers: 7 }], noiseFraction: 0 };
    expect(demandAt(curve, 9 * HOUR_MS)).toBeCloseTo(100 * 1.01 ** (9 / 24), 9); // swing crosses zero at 09:00
    expect(demandAt(curve, 15 * HOUR_MS)).toBeCloseTo(100 * 1.01 ** (15 / 24) * 1.5, 9); // peak at 15:00
    expect(demandAt(curve, 2 * DAY_MS + 9 * HOUR_MS) - 100 * 1.01 ** (2 + 9 / 24)).toBeCloseTo(7, 9);
  });

  it("reading the view does not change the run", () => {
    const config = flat({ demand: { ...flat().demand, growthPerDay: 0.03, dailySwingFraction: 0.3, noiseFraction: 0.1 } });
    const plain = run(config, 40 * DAY_MS, 3).view;
    const sim = new Simulation<ProvisioningLogEntry>({ seed: 3 });
    const model = new ProvisioningModel(sim, config);
    for (let t = 0; t <= 40 * DAY_MS; t += 7_777_777) {
      sim.runUntil(t);
      model.view();
    }
    sim.runUntil(40 * DAY_MS);
    expect(model.view()).toEqual(plain);
  });
});
