/**
 * CloudWatch-style metric alarm evaluation. The caller turns each period (aligned to the clock) into one datapoint
 * and asks whether it breaches; `MOfNAlarm` is in ALARM while at least M of the last N datapoints breached ("M out
 * of N"; M = N is "N consecutive periods"). No events: evaluate as each period ends.
 */

export type AlarmState = "OK" | "ALARM";

/** Errors as a percentage of requests; null for a period with no requests (missing data). */
export function errorRatePct(errors: number, requests: number): number | null {
  return requests > 0 ? (100 * errors) / requests : null;
}

/** GreaterThanThreshold, with missing data treated as not breaching (CloudWatch's `notBreaching`). */
export function breachesAbove(value: number | null, threshold: number): boolean {
  return value !== null && value > threshold;
}

export class MOfNAlarm {
  /** M, clamped to 1…N: an alarm needs at least one breaching datapoint and cannot need more than it looks at. */
  readonly datapointsToAlarm: number;
  readonly evaluationPeriods: number;
  private readonly window: Uint8Array;
  private pushed = 0;
  private breaching = 0;
  private current: AlarmState = "OK";

  constructor(datapointsToAlarm: number, evaluationPeriods: number) {
    if (!Number.isInteger(evaluationPeriods) || evaluationPeriods < 1) {
      throw new RangeError(`evaluationPeriods must be a positive integer, got ${evaluationPeriods}`);
    }
    this.evaluationPeriods = evaluationPeriods;
    this.datapointsToAlarm = Math.max(1, Math.min(datapointsToAlarm, evaluationPeriods));
    this.window = new Uint8Array(evaluationPeriods);
  }

  /** The state after the datapoints so far; OK before the first. */
  get state(): AlarmState {
    return this.current;
  }

  /** Adds the datapoint of the period that just ended and returns the alarm's state after it. */
  push(breaching: boolean): AlarmState {
    const slot = this.pushed % this.evaluationPeriods;
    this.breaching += (breaching ? 1 : 0) - (this.window[slot] as number);
    this.window[slot] = breaching ? 1 : 0;
    this.pushed++;
    this.current = this.breaching >= this.datapointsToAlarm ? "ALARM" : "OK";
    return this.current;
  }
}
