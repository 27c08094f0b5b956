"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useSimulation, type SimulationControls, type SimulationHandle, type UseSimulationOptions } from "./use-simulation";

/** A number, or a function of the settings when they decide it (a run's length, say). */
export type PerConfig<C, T> = T | ((config: C) => T);

export interface UseConfiguredSimulationOptions<C extends object, H extends SimulationHandle, V>
  extends Omit<UseSimulationOptions<H, V>, "create" | "simMsPerSecond" | "stepMs" | "endMs"> {
  /** The settings the first run starts from, or a function that computes them once. */
  initialConfig: C | (() => C);
  /** Builds a fresh run of `config` at t = 0. New settings start a new run (same seed). */
  create: (config: C, seed: number) => H;
  simMsPerSecond: PerConfig<C, number>;
  stepMs: PerConfig<C, number>;
  endMs?: PerConfig<C, number>;
}

export interface ConfiguredSimulation<C extends object, H extends SimulationHandle, V> {
  config: C;
  /** Merges a change into the settings, which starts a new run. */
  update(change: Partial<C>): void;
  /** For changes that need the previous settings (nested fields). */
  setConfig(next: (previous: C) => C): void;
  controls: SimulationControls<H, V>;
}

/**
 * A widget's settings and its simulation together: most widgets keep a settings object in state, rebuild the run
 * whenever it changes, and play it with `useSimulation`. This is that set-up once.
 */
export function useConfiguredSimulation<C extends object, H extends SimulationHandle, V>(
  options: UseConfiguredSimulationOptions<C, H, V>,
): ConfiguredSimulation<C, H, V> {
  const { initialConfig, create, simMsPerSecond, stepMs, endMs, ...rest } = options;
  const [config, setConfig] = useState<C>(initialConfig);
  // Held in a ref so an inline `create` cannot restart the run on every render: only new settings do.
  const createRef = useRef(create);
  useEffect(() => {
    createRef.current = create;
  });
  const createRun = useCallback((seed: number) => createRef.current(config, seed), [config]);
  const controls = useSimulation<H, V>({
    ...rest,
    create: createRun,
    simMsPerSecond: resolve(simMsPerSecond, config),
    stepMs: resolve(stepMs, config),
    endMs: endMs === undefined ? undefined : resolve(endMs, config),
  });
  const update = useCallback((change: Partial<C>) => setConfig((c) => ({ ...c, ...change })), []);
  return { config, update, setConfig, controls };
}

function resolve<C, T>(value: PerConfig<C, T>, config: C): T {
  return typeof value === "function" ? (value as (config: C) => T)(config) : value;
}
