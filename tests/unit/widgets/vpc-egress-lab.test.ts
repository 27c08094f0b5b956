import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { VpcEgressLab } from "@/app/ui/widgets/vpc-egress-lab";
import {
  AZ_COUNT,
  CALLS_PER_SEC_PER_AZ,
  DEFAULT_CONFIG,
  NAT_PER_HOUR,
  breakEvenGbPerHourPerAz,
  costPerHour,
  createEgressLab,
  failAz,
  liveMessage,
  recoverAz,
  reservedAddresses,
  sizeSubnets,
  sizingMessage,
  statusMessage,
  subnetCidrs,
  subnetsThatFit,
  usableAddresses,
  viewEgressLab,
  type EgressConfig,
} from "@/app/ui/widgets/vpc-egress-lab/model";

function run(config: EgressConfig, failAt: number | null, failIndex = 0, untilMs = 300_000, recoverAt: number | null = null) {
  const h = createEgressLab(config, 7);
  if (failAt !== null) {
    h.sim.runUntil(failAt);
    failAz(h, failIndex);
  }
  if (recoverAt !== null) {
    h.sim.runUntil(recoverAt);
    recoverAz(h, failIndex);
  }
  h.sim.runUntil(untilMs);
  return viewEgressLab(h);
}

describe("VpcEgressLab model", () => {
  it("with every AZ up, every call succeeds at about the configured rate", () => {
    const v = run(DEFAULT_CONFIG, null, 0, 300_000);
    expect(v.totals.failed).toBe(0);
    const expected = AZ_COUNT * CALLS_PER_SEC_PER_AZ * 300;
    expect(Math.abs(v.totals.attempted - expected)).toBeLessThan(5 * Math.sqrt(expected));
  });

  it("shared NAT: losing its AZ cuts egress for the other two AZs; losing another AZ does not", () => {
    const natLost = run({ ...DEFAULT_CONFIG, natMode: "shared" }, 100_000, 0);
    expect(natLost.egress).toEqual(["down", "no-egress", "no-egress"]);
    expect(natLost.perAz[1]!.failed).toBeGreaterThan(0);
    expect(natLost.perAz[0]!.failed).toBe(0);
    // Up for 100 s (3 AZs) then 200 s with 2 AZs failing: success ≈ 300 / (300 + 400) ≈ 0.43.
    expect(natLost.availability!).toBeGreaterThan(0.38);
    expect(natLost.availability!).toBeLessThan(0.48);
    const otherLost = run({ ...DEFAULT_CONFIG, natMode: "shared" }, 100_000, 1);
    expect(otherLost.egress).toEqual(["ok", "down", "ok"]);
    expect(otherLost.totals.failed).toBe(0);
  });

  it("one NAT gateway per AZ: any single AZ failure leaves the survivors' egress intact", () => {
    for (let az = 0; az < AZ_COUNT; az++) {
      const v = run({ ...DEFAULT_CONFIG, natMode: "per-az" }, 100_000, az);
      expect(v.totals.failed).toBe(0);
      expect(v.egress.filter((e) => e === "no-egress")).toHaveLength(0);
    }
  });

  it("recovering the AZ restores egress", () => {
    const v = run({ ...DEFAULT_CONFIG, natMode: "shared" }, 60_000, 0, 300_000, 120_000);
    expect(v.egress).toEqual(["ok", "ok", "ok"]);
    const failed = v.totals.failed;
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(2 * CALLS_PER_SEC_PER_AZ * 60 * 1.3);
  });

  it("costs: per-AZ NAT adds two gateway-hours, removes cross-AZ charges, and breaks even at 2.25 GB/h per AZ", () => {
    const shared = costPerHour({ natMode: "shared", gbPerHourPerAz: 5 });
    const perAz = costPerHour({ natMode: "per-az", gbPerHourPerAz: 5 });
    expect(perAz.natHours - shared.natHours).toBeCloseTo(2 * NAT_PER_HOUR, 10);
    expect(perAz.crossAz).toBe(0);
    expect(shared.crossAz).toBeCloseTo(2 * 5 * 0.02, 10);
    expect(perAz.processing).toBeCloseTo(shared.processing, 10);
    const g = breakEvenGbPerHourPerAz();
    expect(g).toBeCloseTo(2.25, 10);
    const at = (gb: number, natMode: "shared" | "per-az") => costPerHour({ natMode, gbPerHourPerAz: gb }).total;
    expect(at(g, "shared")).toBeCloseTo(at(g, "per-az"), 10);
    expect(at(0.5, "shared")).toBeLessThan(at(0.5, "per-az"));
    expect(at(20, "shared")).toBeGreaterThan(at(20, "per-az"));
  });

  it("subnet sizing: 2^(32 − p) − 5 usable, 2^(s − v) subnets, AWS's reserved addresses", () => {
    expect(usableAddresses(24)).toBe(251);
    expect(usableAddresses(28)).toBe(11);
    expect(usableAddresses(16)).toBe(65_531);
    expect(subnetsThatFit(16, 24)).toBe(256);
    expect(subnetsThatFit(24, 20)).toBe(0);
    expect(subnetCidrs(16, 20, 3)).toEqual(["10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/20"]);
    expect(subnetCidrs(22, 24, 6)).toEqual(["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]);
    expect(reservedAddresses("10.0.0.0/24")).toEqual(["10.0.0.0", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.255"]);
    expect(sizeSubnets({ vpcPrefix: 22, subnetPrefix: 24, needPerSubnet: 20 }).enoughSubnets).toBe(false);
    expect(sizeSubnets({ vpcPrefix: 16, subnetPrefix: 24, needPerSubnet: 500 }).enoughAddresses).toBe(false);
    expect(sizingMessage({ vpcPrefix: 16, subnetPrefix: 20, needPerSubnet: 1000 })).toMatch(/4,091 usable addresses each/);
  });

  it("is deterministic; the status names the subnets that lost egress and stays quiet while playing", () => {
    expect(run(DEFAULT_CONFIG, 50_000, 0, 100_000)).toEqual(run(DEFAULT_CONFIG, 50_000, 0, 100_000));
    const h = createEgressLab(DEFAULT_CONFIG, 1);
    const start = statusMessage(DEFAULT_CONFIG, viewEgressLab(h), { playing: false, ended: false });
    expect(start).toMatch(/Press Play/);
    h.sim.runUntil(30_000);
    failAz(h, 0);
    h.sim.runUntil(40_000);
    const playing = statusMessage(DEFAULT_CONFIG, viewEgressLab(h), { playing: true, ended: false });
    h.sim.runUntil(50_000);
    expect(statusMessage(DEFAULT_CONFIG, viewEgressLab(h), { playing: true, ended: false })).toBe(playing);
    expect(playing).toMatch(/us-east-1b and us-east-1c still run but have lost internet access/);
    expect(statusMessage(DEFAULT_CONFIG, viewEgressLab(h), { playing: false, ended: false })).toMatch(/Paused at 50 s.*succeeded/);
  });

  it("a sizing change made while playing stays announced until the status moves on", () => {
    const sizing = { vpcPrefix: 16, subnetPrefix: 20, needPerSubnet: 1000 };
    const h = createEgressLab(DEFAULT_CONFIG, 1);
    const playing = { playing: true, ended: false };
    h.sim.runUntil(10_000);
    const over = statusMessage(DEFAULT_CONFIG, viewEgressLab(h), playing);
    // Later frames of the same phase keep the sizing message.
    h.sim.runUntil(20_000);
    expect(liveMessage(statusMessage(DEFAULT_CONFIG, viewEgressLab(h), playing), over, sizing)).toBe(sizingMessage(sizing));
    // Failing an AZ moves the status on.
    failAz(h, 0);
    h.sim.runUntil(30_000);
    const after = statusMessage(DEFAULT_CONFIG, viewEgressLab(h), playing);
    expect(liveMessage(after, over, sizing)).toBe(after);
    expect(liveMessage(after, null, sizing)).toBe(after);
  });
});

describe("VpcEgressLab component", () => {
  it("renders its root, status, AZ controls, chart and sizing panel to static markup", () => {
    const html = renderToString(createElement(VpcEgressLab, { seed: 3 }));
    expect(html).toContain('data-widget="VpcEgressLab"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Fail us-east-1a");
    expect(html).toContain("10.0.0.0/24");
    expect(html).toContain("Outbound calls per second");
    expect(renderToString(createElement(VpcEgressLab, { natMode: "per-az" }))).toContain("One NAT gateway per AZ, $0.81 an hour");
  });
});
