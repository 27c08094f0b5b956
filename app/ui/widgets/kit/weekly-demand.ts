/**
 * The weekly demand curve the cost labs share (CostLeversLab, PurchaseMixLab), so their lessons describe the same
 * traffic, and the two-decimal dollar format their bills use (kit/format.ts's formatUsd shows whole dollars).
 */
import { DAY_MS, arrivalRateAt, type ArrivalSpec } from "@/lib/sim";

/** Weekday mean demand (requests/s), ±50 % over the day, peaking at 15:00; Saturdays and Sundays at 60 %. */
export const WEEKDAY_MEAN_RPS = 200;
export const DAILY_AMPLITUDE = 0.5;
export const WEEKEND_FACTOR = 0.6;

const DIURNAL: ArrivalSpec = { kind: "diurnal", meanRatePerSec: WEEKDAY_MEAN_RPS, amplitude: DAILY_AMPLITUDE };

/** Demand (requests/s) at `atMs`: the engine's diurnal curve, × 0.6 on Saturdays and Sundays (day 0 is a Monday). */
export function demandRpsAt(atMs: number): number {
  const day = Math.floor(atMs / DAY_MS) % 7;
  return arrivalRateAt(DIURNAL, atMs) * (day >= 5 ? WEEKEND_FACTOR : 1);
}

/** Dollars and cents: "$1,234.50". */
export function formatUsd2(usd: number): string {
  return `$${usd.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
