import { describe, expect, it } from "vitest";
import { MOfNAlarm, breachesAbove, errorRatePct } from "@/lib/sim";

const T = true;
const F = false;

function run(alarm: MOfNAlarm, breaching: boolean[]) {
  return breaching.map((b) => alarm.push(b));
}

describe("alarm evaluation (CloudWatch M out of N)", () => {
  it("errorRatePct: errors per 100 requests, null with no requests", () => {
    expect(errorRatePct(1, 50)).toBe(2);
    expect(errorRatePct(3, 4)).toBe(75);
    expect(errorRatePct(0, 10)).toBe(0);
    expect(errorRatePct(0, 0)).toBeNull();
  });

  it("breachesAbove: strictly greater than the threshold; missing data never breaches", () => {
    expect(breachesAbove(2, 2)).toBe(false);
    expect(breachesAbove(2.01, 2)).toBe(true);
    expect(breachesAbove(0, -1)).toBe(true);
    expect(breachesAbove(null, 0)).toBe(false);
    expect(breachesAbove(errorRatePct(0, 0), -1)).toBe(false);
  });

  it("2 out of 3: ALARM while two of the last three datapoints breach", () => {
    const alarm = new MOfNAlarm(2, 3);
    expect(alarm.state).toBe("OK");
    expect(run(alarm, [T, F, T, F, F, T, T, F, F, F])).toEqual(["OK", "OK", "ALARM", "OK", "OK", "OK", "ALARM", "ALARM", "OK", "OK"]);
    expect(alarm.state).toBe("OK");
  });

  it("3 out of 3 is three consecutive breaching periods", () => {
    const alarm = new MOfNAlarm(3, 3);
    expect(run(alarm, [T, T, F, T, T, T, T, F])).toEqual(["OK", "OK", "OK", "OK", "OK", "ALARM", "ALARM", "OK"]);
  });

  it("1 out of 1 follows each datapoint", () => {
    expect(run(new MOfNAlarm(1, 1), [F, T, T, F])).toEqual(["OK", "ALARM", "ALARM", "OK"]);
  });

  it("clamps M to 1…N and rejects N < 1", () => {
    expect(new MOfNAlarm(5, 3).datapointsToAlarm).toBe(3);
    expect(run(new MOfNAlarm(5, 3), [T, T, T])).toEqual(["OK", "OK", "ALARM"]);
    expect(new MOfNAlarm(0, 2).datapointsToAlarm).toBe(1);
    expect(run(new MOfNAlarm(0, 2), [F, T])).toEqual(["OK", "ALARM"]);
    expect(() => new MOfNAlarm(1, 0)).toThrow(RangeError);
    expect(() => new MOfNAlarm(1, 1.5)).toThrow(RangeError);
  });
});
