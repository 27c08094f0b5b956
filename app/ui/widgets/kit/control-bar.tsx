"use client";

import { useId, useState } from "react";
import { formatDuration } from "./format";
import { buttonClass, fieldClass, labelClass, primaryButtonClass } from "./styles";
import { SPEEDS, type SimulationControls, type SimulationHandle } from "./use-simulation";

/** Play/pause, step, speed, reset and seed for a `useSimulation` run. */
export function ControlBar<H extends SimulationHandle, V>(props: {
  controls: SimulationControls<H, V>;
  /** Shown next to the clock, e.g. "of 30 s". Defaults to the end time when there is one. */
  formatTime?: (ms: number) => string;
  stepLabel?: string;
}) {
  const c = props.controls;
  const format = props.formatTime ?? formatDuration;
  const speedId = useId();
  const seedId = useId();
  const seedHintId = useId();
  // Said only once the run has moved: at t = 0 nothing has been drawn in any run.
  const seedless = !c.randomized && c.nowMs > 0;
  const [seedText, setSeedText] = useState(String(c.seed));
  const [seedShown, setSeedShown] = useState(c.seed);
  // Keep the field in step when the seed changes elsewhere (adjusting state while rendering, not in an effect).
  if (seedShown !== c.seed) {
    setSeedShown(c.seed);
    setSeedText(String(c.seed));
  }
  const applySeed = () => {
    const n = Number.parseInt(seedText, 10);
    if (Number.isFinite(n) && n >= 0 && n !== c.seed) c.setSeed(n);
    else setSeedText(String(c.seed));
  };
  // At the end of a run Play and Step do nothing, but stay focusable (aria-disabled, not disabled): a focused button
  // that became disabled would drop keyboard and screen-reader users' focus to the page body mid-run.
  return (
    <div role="group" aria-label="Simulation controls" className="flex flex-wrap items-end gap-2">
      <button
        type="button"
        className={primaryButtonClass}
        onClick={c.ended ? undefined : c.playing ? c.pause : c.play}
        aria-disabled={c.ended || undefined}
      >
        {c.playing ? "Pause" : c.reducedMotion ? "Run" : "Play"}
      </button>
      <button type="button" className={buttonClass} onClick={c.ended ? undefined : c.step} aria-disabled={c.ended || undefined}>
        {props.stepLabel ?? "Step"}
      </button>
      <button type="button" className={buttonClass} onClick={c.reset}>
        Reset
      </button>
      <div className="flex flex-col gap-0.5">
        <label htmlFor={speedId} className={labelClass}>
          Speed
        </label>
        <select
          id={speedId}
          className={fieldClass}
          value={c.speed}
          onChange={(e) => c.setSpeed(Number(e.target.value))}
          disabled={c.reducedMotion}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-0.5">
        <label htmlFor={seedId} className={labelClass}>
          Seed
        </label>
        <input
          id={seedId}
          className={`${fieldClass} w-24 tabular-nums`}
          aria-describedby={seedless ? seedHintId : undefined}
          inputMode="numeric"
          value={seedText}
          onChange={(e) => setSeedText(e.target.value.replace(/[^0-9]/g, ""))}
          onBlur={applySeed}
          onKeyDown={(e) => {
            if (e.key === "Enter") applySeed();
          }}
        />
      </div>
      <p className="ml-auto text-sm tabular-nums text-slate-700 dark:text-slate-300" aria-live="off">
        <span className="sr-only">Simulated time: </span>
        t = {format(c.nowMs)}
        {c.endMs !== undefined ? ` of ${format(c.endMs)}` : ""}
      </p>
      {seedless ? (
        <p id={seedHintId} className="basis-full text-xs text-slate-600 dark:text-slate-400">
          This run has drawn no random numbers, so every seed gives the same result.
        </p>
      ) : null}
    </div>
  );
}
