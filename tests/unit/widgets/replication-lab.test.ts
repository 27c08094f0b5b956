import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReplicationLab } from "@/app/ui/widgets/replication-lab";
import {
  DEFAULT_CONFIG,
  FAILOVER_MS,
  PROMOTE_MS,
  canPromote,
  commitLatencyMs,
  costPerHour,
  createLab,
  failPrimaryAz,
  failRegion,
  promoteReplica,
  staleFraction,
  statusMessage,
  viewLab,
  type LabConfig,
} from "@/app/ui/widgets/replication-lab/model";

const FAIL_AT = 120_500;

function run(over: Partial<LabConfig>, fail: "az" | "region", promoteAtMs: number | null = null) {
  const config = { ...DEFAULT_CONFIG, ...over };
  const h = createLab(config, 1);
  h.sim.runUntil(FAIL_AT);
  expect(fail === "az" ? failPrimaryAz(h) : failRegion(h)).toBe(true);
  if (promoteAtMs !== null) {
    h.sim.runUntil(promoteAtMs);
    expect(promoteReplica(h)).toBe(true);
    expect(promoteReplica(h)).toBe(false);
  }
  h.sim.runUntil(600_000);
  return { config, h, v: viewLab(h) };
}

describe("ReplicationLab model", () => {
  it("Multi-AZ: losing the primary's AZ loses nothing; writes pause for the failover time", () => {
    const { v } = run({ standby: true }, "az");
    expect(v.phase).toBe("standby-took-over");
    expect(v.primaryAz).toBe("us-east-1b");
    expect(v.loss?.usedCopy).toMatchObject({ source: "standby", rpoMs: 0, lostWrites: 0 });
    expect(v.writeOutageMs).toBe(FAILOVER_MS);
    expect(v.rejectedWrites).toBe((FAILOVER_MS / 1000) * DEFAULT_CONFIG.writesPerSec);
  });

  it("replica only: promotion loses the writes the replica had not applied, and takes the learner's delay plus promotion", () => {
    const { v, h } = run({ standby: false, lag: "busy" }, "az", 140_000);
    expect(v.phase).toBe("promoted");
    expect(v.primaryAz).toBe("us-east-1c");
    const used = v.loss!.usedCopy!;
    expect(used.source).toBe("replica");
    expect(used.lostWrites).toBeGreaterThan(0);
    expect(used.lostWrites).toBe(h.db.committedBetween(used.recoveryPointMs, FAIL_AT));
    expect(used.rpoMs).toBeGreaterThanOrEqual(250);
    expect(used.rpoMs).toBeLessThanOrEqual(1_250 + 200);
    expect(v.writeOutageMs).toBe(140_000 - FAIL_AT + PROMOTE_MS);
  });

  it("a Region failure defeats the Multi-AZ standby; only a replica in another Region survives", () => {
    const same = run({ standby: true, replica: "same-region" }, "region").v;
    expect(same.phase).toBe("no-copy");
    expect(same.acceptingWrites).toBe(false);
    const other = run({ standby: true, replica: "other-region" }, "region", 130_000).v;
    expect(other.phase).toBe("promoted");
    expect(other.primaryAz).toBe("us-west-2a");
    expect(other.acceptingWrites).toBe(true);
  });

  it("cannot promote while the standby is taking over, nor without a replica", () => {
    const config = { ...DEFAULT_CONFIG, standby: true };
    const h = createLab(config, 2);
    h.sim.runUntil(60_000);
    expect(canPromote(h)).toBe(false); // nothing failed
    failPrimaryAz(h);
    expect(failPrimaryAz(h)).toBe(false);
    expect(canPromote(h)).toBe(false);
    const none = createLab({ ...DEFAULT_CONFIG, standby: false, replica: "none" }, 2);
    none.sim.runUntil(60_000);
    failPrimaryAz(none);
    expect(canPromote(none)).toBe(false);
    expect(viewLab(none).phase).toBe("no-copy");
  });

  it("read-after-write reads: a healthy replica is fresh, a lagging one is stale, the primary never is", () => {
    const frac = (over: Partial<LabConfig>) => {
      const h = createLab({ ...DEFAULT_CONFIG, ...over }, 3);
      h.sim.runUntil(300_000);
      return staleFraction(viewLab(h).reads);
    };
    expect(frac({ lag: "fast" })).toBe(0);
    const busy = frac({ lag: "busy" })!;
    expect(busy).toBeGreaterThan(0.1);
    expect(busy).toBeLessThan(0.9);
    expect(frac({ lag: "overloaded" })).toBeGreaterThan(0.99);
    expect(frac({ lag: "overloaded", readsFrom: "primary" })).toBe(0);
  });

  it("prices and commit latency follow the configuration; status is quiet while playing", () => {
    expect(costPerHour({ ...DEFAULT_CONFIG, standby: true, replica: "same-region" })).toBeCloseTo(3 * 0.68);
    expect(commitLatencyMs({ ...DEFAULT_CONFIG, standby: true })).toBeGreaterThan(commitLatencyMs({ ...DEFAULT_CONFIG, standby: false }));
    const h = createLab(DEFAULT_CONFIG, 1);
    h.sim.runUntil(30_000);
    const a = statusMessage(DEFAULT_CONFIG, viewLab(h), { playing: true, ended: false });
    h.sim.runUntil(40_000);
    expect(statusMessage(DEFAULT_CONFIG, viewLab(h), { playing: true, ended: false })).toBe(a);
    expect(statusMessage(DEFAULT_CONFIG, viewLab(h), { playing: false, ended: false })).not.toBe(a);
  });

  it("is deterministic for a seed", () => {
    const a = run({ standby: false, lag: "busy" }, "az", 150_000).v;
    const b = run({ standby: false, lag: "busy" }, "az", 150_000).v;
    expect(b).toEqual(a);
  });
});

describe("ReplicationLab component", () => {
  it("renders its root, status, controls and charts to static markup", () => {
    const html = renderToString(createElement(ReplicationLab, { seed: 4 }));
    expect(html).toContain('data-widget="ReplicationLab"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Fail us-east-1a");
    expect(html).toContain("Promote the replica");
    expect(html).toContain("Writes committed per second");
    const replicaOnly = renderToString(createElement(ReplicationLab, { preset: "replica-only" }));
    expect(replicaOnly).not.toContain('checked=""');
  });
});
