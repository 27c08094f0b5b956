"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";

/** Anything that owns a simulation the hook can drive (a `World` from lib/sim qualifies). */
export interface SimulationHandle {
  readonly sim: { readonly nowMs: number; runUntil(tMs: number): number; usedRandomness?(): boolean };
}

export interface UseSimulationOptions<H extends SimulationHandle, V> {
  /** Builds a fresh run at t = 0. Keep it stable (useCallback/useMemo): a new function starts a new run. */
  create: (seed: number) => H;
  /** Reads what the UI shows from the run; must not change the run. */
  view: (handle: H) => V;
  seed?: number;
  /** Simulated milliseconds per real second at 1× speed. */
  simMsPerSecond: number;
  /** How far one Step moves the clock. */
  stepMs: number;
  /** The run stops here; without it, it runs until paused. */
  endMs?: number;
}

export interface SimulationControls<H extends SimulationHandle, V> {
  view: V;
  nowMs: number;
  seed: number;
  playing: boolean;
  speed: number;
  ended: boolean;
  reducedMotion: boolean;
  endMs: number | undefined;
  /** False while the run has drawn no random number: until then every seed gives the same run. */
  randomized: boolean;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  setSeed(seed: number): void;
  setSpeed(speed: number): void;
  /** Applies an interactive change (fail an AZ, place VMs…) at the current simulated time, then refreshes. */
  act(change: (handle: H) => void): void;
}

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;

/** Longest real-time gap one frame may cover, so a backgrounded tab does not jump the run ahead on return. */
const MAX_FRAME_MS = 100;
/** With reduced motion, Play jumps this many steps at once (when there is no end to jump to). */
const REDUCED_MOTION_STEPS = 10;

interface Run<H, V> {
  create: (seed: number) => H;
  seed: number;
  handle: H;
  view: V;
  nowMs: number;
  randomized: boolean;
}

/** A simulation that cannot tell is assumed to use its seed. */
const randomized = (handle: SimulationHandle) => handle.sim.usedRandomness?.() ?? true;

function start<H extends SimulationHandle, V>(create: (seed: number) => H, view: (h: H) => V, seed: number): Run<H, V> {
  const handle = create(seed);
  return { create, seed, handle, view: view(handle), nowMs: handle.sim.nowMs, randomized: randomized(handle) };
}

const REDUCED_MOTION_QUERY = "(prefers-reduced-motion: reduce)";

function subscribeReducedMotion(onChange: () => void): () => void {
  const mq = window.matchMedia(REDUCED_MOTION_QUERY);
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}

/**
 * Owns a widget's one animation clock: while playing, each animation frame advances the simulation by the real
 * time elapsed × speed, via `runUntil`, and publishes a fresh view. Under `prefers-reduced-motion` nothing animates:
 * Play and Step move the clock instantly.
 */
export function useSimulation<H extends SimulationHandle, V>(
  options: UseSimulationOptions<H, V>,
): SimulationControls<H, V> {
  const { create, view, simMsPerSecond, stepMs, endMs } = options;
  const [run, setRun] = useState(() => start(create, view, options.seed ?? 1));
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const reducedMotion = useSyncExternalStore(
    subscribeReducedMotion,
    () => window.matchMedia(REDUCED_MOTION_QUERY).matches,
    () => false,
  );
  // New settings (a new `create`) start a new run, keeping the seed: React's "adjust state while rendering" pattern.
  if (run.create !== create) {
    setRun(start(create, view, run.seed));
    setPlaying(false);
  }

  // The frame loop reads the latest `view` without restarting when the caller passes a new function each render.
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  });

  const refresh = useCallback(() => {
    // Once a run has drawn a random number it stays randomized: skip the check from then on.
    setRun((r) => ({
      ...r,
      view: viewRef.current(r.handle),
      nowMs: r.handle.sim.nowMs,
      randomized: r.randomized || randomized(r.handle),
    }));
  }, []);

  const ended = endMs !== undefined && run.nowMs >= endMs;

  useEffect(() => {
    if (!playing || reducedMotion) return;
    const { handle } = run;
    let frame = 0;
    let lastMs: number | null = null;
    const tick = (nowMs: number) => {
      if (lastMs !== null) {
        const realMs = Math.min(nowMs - lastMs, MAX_FRAME_MS);
        const target = handle.sim.nowMs + (realMs / 1000) * simMsPerSecond * speed;
        handle.sim.runUntil(endMs === undefined ? target : Math.min(target, endMs));
        refresh();
        if (endMs !== undefined && handle.sim.nowMs >= endMs) {
          setPlaying(false);
          return;
        }
      }
      lastMs = nowMs;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, reducedMotion, run, speed, simMsPerSecond, endMs, refresh]);

  const advance = useCallback(
    (byMs: number) => {
      const sim = run.handle.sim;
      const target = sim.nowMs + byMs;
      sim.runUntil(endMs === undefined ? target : Math.min(target, endMs));
      refresh();
    },
    [run.handle, endMs, refresh],
  );

  return {
    view: run.view,
    nowMs: run.nowMs,
    seed: run.seed,
    playing: playing && !reducedMotion,
    speed,
    ended,
    reducedMotion,
    endMs,
    randomized: run.randomized,
    play: () => {
      if (ended) return;
      if (reducedMotion) advance(endMs === undefined ? REDUCED_MOTION_STEPS * stepMs : endMs - run.handle.sim.nowMs);
      else setPlaying(true);
    },
    pause: () => setPlaying(false),
    step: () => {
      setPlaying(false);
      if (!ended) advance(stepMs);
    },
    reset: () => {
      setPlaying(false);
      setRun(start(create, viewRef.current, run.seed));
    },
    setSeed: (seed: number) => {
      setPlaying(false);
      setRun(start(create, viewRef.current, seed >>> 0));
    },
    setSpeed,
    act: (change) => {
      change(run.handle);
      refresh();
    },
  };
}
