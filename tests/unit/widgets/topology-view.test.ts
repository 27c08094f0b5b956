import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InfrastructureModel, ServiceModel, Simulation, buildRegion, type ServiceConfig } from "@/lib/sim";
import { fromInfrastructureView, fromServiceView, targetRates, targetStatus } from "@/app/ui/widgets/kit/topology-adapters";
import {
  TopologyDiagram,
  TopologyView,
  autoRequestsPerDot,
  describeTopology,
  edgeDotCount,
  layoutTopology,
  type TopologyData,
} from "@/app/ui/widgets/kit/topology-view";
import { DEFAULT_CONFIG, createLab, crashInstance, failAz, viewLab } from "@/app/ui/widgets/fault-tolerance-lab/model";

const AZS = ["us-east-1a", "us-east-1b", "us-east-1c"];

function service(seed = 1) {
  const sim = new Simulation({ seed });
  const config: ServiceConfig = {
    regionId: "us-east-1",
    azIds: AZS,
    sources: [{ id: "users", arrivals: { kind: "poisson", ratePerSec: 120 } }],
    classes: [{ id: "api", serviceTime: { kind: "exponential", meanMs: 20 } }],
    targets: [
      { id: "a1", azId: "us-east-1a", workers: 4 },
      { id: "a2", azId: "us-east-1a", workers: 4 },
      { id: "b1", azId: "us-east-1b", workers: 4 },
    ],
    loadBalancer: { algorithm: "round-robin", healthCheck: { intervalMs: 10_000 } },
  };
  return { sim, svc: new ServiceModel(sim, config) };
}

/** A small hand-made topology: one AZ healthy, one down, one with a dead instance the LB still sends traffic to. */
const sample: TopologyData = {
  regions: [
    {
      id: "us-east-1",
      loadBalancer: { detail: "round-robin", inPerSec: 240 },
      azs: [
        {
          id: "a",
          nodes: [
            { id: "web-a1", status: "up", utilisation: 0.62, queue: 3, throughputPerSec: 80, failingPerSec: 0 },
            { id: "web-a2", status: "draining", throughputPerSec: 0 },
          ],
        },
        { id: "b", nodes: [{ id: "web-b1", status: "down", detail: "LB still thinks healthy", throughputPerSec: 80, failingPerSec: 80 }] },
        { id: "c", nodes: [{ id: "web-c1", status: "unhealthy", utilisation: 0.95, queue: 12, throughputPerSec: 80 }] },
      ],
    },
  ],
};

describe("topology adapters", () => {
  it("fromServiceView: one Region with an LB, targets grouped by AZ in order, status from up + health", () => {
    const { sim, svc } = service();
    sim.runUntil(20_000);
    expect(svc.failInstance("a2")).toBe(true);
    sim.runUntil(21_000);
    const v = svc.view();
    const data = fromServiceView(v, { regionId: "us-east-1", azIds: AZS });
    expect(data.regions).toHaveLength(1);
    const r = data.regions[0]!;
    expect(r.id).toBe("us-east-1");
    expect(r.loadBalancer?.detail).toContain("round-robin");
    expect(r.azs.map((a) => a.id)).toEqual(AZS); // us-east-1c has no targets but is still shown
    expect(r.azs.map((a) => a.nodes.map((n) => n.id))).toEqual([["a1", "a2"], ["b1"], []]);
    const a2 = r.azs[0]!.nodes[1]!;
    expect(a2.status).toBe("down");
    expect(a2.detail).toBe("LB still thinks healthy"); // checks every 10 s, 2 failures needed: not detected yet
    expect(a2.utilisation).toBeNull();
    const a1 = r.azs[0]!.nodes[0]!;
    expect(a1.status).toBe("up");
    expect(a1.utilisation).toBeGreaterThan(0);
    expect(a1.utilisation).toBeLessThanOrEqual(1);
    // Without a previous sample, flows are the run's averages: they add up to the LB's input.
    const total = r.azs.flatMap((a) => a.nodes).reduce((s, n) => s + (n.throughputPerSec ?? 0), 0);
    expect(r.loadBalancer?.inPerSec).toBeCloseTo(total, 9);
    expect(total).toBeGreaterThan(100);
    expect(total).toBeLessThan(125);
  });

  it("targetRates: with a previous sample, the rate since then (a dead target's flow is all failures)", () => {
    const { sim, svc } = service();
    sim.runUntil(10_000);
    svc.failInstance("b1");
    sim.runUntil(12_000);
    const before = svc.view();
    sim.runUntil(14_000);
    const rates = targetRates(svc.view(), { nowMs: before.nowMs, targets: before.targets });
    const b1 = rates.get("b1")!;
    expect(b1.perSec).toBeGreaterThan(20); // round robin still sends it a third of 120/s
    expect(b1.failingPerSec).toBeCloseTo(b1.perSec, 9);
    expect(rates.get("a1")!.failingPerSec).toBe(0);
    expect(targetStatus({ up: true, health: "initial" })).toBe("pending");
    expect(targetStatus({ up: true, health: "draining" })).toBe("draining");
    expect(targetStatus({ up: true, health: "unhealthy" })).toBe("unhealthy");
  });

  it("fromInfrastructureView: Regions › AZs › hosts with VM chips; a failed AZ is down; lost VMs are unplaced", () => {
    const sim = new Simulation({ seed: 3 });
    const infra = new InfrastructureModel(sim, {
      hypervisor: "type-1",
      regions: [buildRegion({ id: "eu-west-1", azCount: 2, hostsPerAz: 2, cpuCores: 8, memoryGiB: 32 })],
      workloads: [{ id: "web", replicas: 4, minRunning: 2, vcpu: 2, memoryGiB: 4, placement: "spread" }],
    });
    infra.placePending();
    infra.failAz("eu-west-1a");
    const data = fromInfrastructureView(infra.view());
    const r = data.regions[0]!;
    expect(r.id).toBe("eu-west-1");
    expect(r.loadBalancer).toBeUndefined();
    expect(r.azs.map((a) => a.id)).toEqual(["eu-west-1a", "eu-west-1b"]);
    expect(r.azs[0]!.status).toBe("down");
    expect(r.azs[0]!.nodes.every((h) => h.status === "down" && h.detail === "AZ down")).toBe(true);
    const bHosts = r.azs[1]!.nodes;
    expect(bHosts.map((h) => h.id)).toEqual(["eu-west-1b-1", "eu-west-1b-2"]);
    expect(bHosts.every((h) => h.status === "up")).toBe(true);
    const running = bHosts.flatMap((h) => h.children ?? []);
    expect(running).toHaveLength(2);
    expect(running.every((c) => c.status === "up")).toBe(true);
    expect(bHosts[0]!.utilisation).toBeGreaterThan(0);
    expect(data.unplaced?.map((u) => u.status)).toEqual(["down", "down"]);
    expect(describeTopology(data, "host")).toContain("AZ eu-west-1a down, 0 of 2 hosts up (2 down)");
    expect(describeTopology(data, "host")).toContain("Not running:");
  });

  it("the fault-tolerance lab's topology: a crashed instance keeps receiving traffic until detected", () => {
    const h = createLab({ ...DEFAULT_CONFIG, redundancy: "6", checkIntervalMs: 30_000 }, 1);
    h.sim.runUntil(30_000);
    const steady = viewLab(h).topology.regions[0]!;
    const flows = steady.azs.flatMap((a) => a.nodes.map((n) => n.throughputPerSec ?? 0));
    expect(flows).toHaveLength(6);
    for (const f of flows) expect(f).toBeGreaterThan(20); // ≈ 40/s each (240/s round robin over 6)
    crashInstance(h);
    h.sim.runUntil(33_000);
    const crashed = viewLab(h).topology.regions[0]!.azs[0]!.nodes[0]!;
    expect(crashed.status).toBe("down");
    expect(crashed.failingPerSec).toBeGreaterThan(20);
    h.sim.runUntil(180_000);
    const later = viewLab(h).topology.regions[0]!.azs[0]!.nodes[0]!;
    expect(later.detail).toBe("LB: unhealthy");
    expect(later.throughputPerSec).toBe(0);
    failAz(h);
    expect(describeTopology(viewLab(h).topology, "instance")).toContain("AZ us-east-1a down");
  });
});

describe("TopologyView", () => {
  it("describes every AZ, the LB and failing flows in words", () => {
    const text = describeTopology(sample, "instance");
    expect(text).toContain("Region us-east-1, behind a load balancer receiving 240 requests/s");
    expect(text).toContain("AZ a: 1 of 2 instances up (1 draining)");
    expect(text).toContain("AZ b down, 0 of 1 instance up (1 down)");
    expect(text).toContain("AZ c: 0 of 1 instance up (1 unhealthy)");
    expect(text).toContain("web-b1 is down and 80 of the 80 requests/s sent to it fail.");
  });

  it("renders role=img with the description and a table row for every node", () => {
    const html = renderToString(createElement(TopologyView, { title: "Fleet", timeMs: 1234, nodeNoun: "instance", ...sample }));
    expect(html).toContain('role="img"');
    expect(html).toContain(`aria-label="Fleet. ${describeTopology(sample, "instance")}`);
    for (const id of ["web-a1", "web-a2", "web-b1", "web-c1"]) expect(html).toMatch(new RegExp(`<th scope="row"[^>]*>${id}</th>`));
    expect(html).toMatch(/<th scope="row"[^>]*>Load balancer<\/th>/);
    expect(html).toContain("62 %"); // utilisation in the table
    expect(html).toContain("LB still thinks healthy");
    expect(html).toContain("Show table");
    // Status is text, not colour alone, in the diagram too.
    expect(html).toMatch(/>unhealthy<\/text>/);
    expect(html).toMatch(/>draining<\/text>/);
  });

  it("moving dots by default, proportional to throughput and driven by timeMs; crosses for failures", () => {
    const at = (timeMs: number) =>
      renderToString(createElement(TopologyDiagram, { title: "Fleet", timeMs, reducedMotion: false, dotTravelMs: 1000, requestsPerDot: 20, ...sample }));
    const html = at(0);
    expect(html).toContain('data-flow="dot"');
    expect(html).not.toContain('data-flow="label"');
    // 80/s over a 1 s edge at 20 requests a dot: 4 dots per busy edge, 3 busy edges, 2 layouts (narrow and wide).
    expect(html.match(/data-flow="dot"/g)).toHaveLength(2 * 3 * 4);
    expect(html.match(/<path[^>]*data-flow="dot"/g)).toHaveLength(2 * 4); // web-b1's requests all fail
    expect(at(250)).not.toBe(html); // the clock moves the dots
    expect(at(1000)).toBe(html); // … and one travel time later they are back where they were
  });

  it("with reduced motion: static per-edge throughput labels, no dots", () => {
    const html = renderToString(createElement(TopologyDiagram, { title: "Fleet", timeMs: 500, reducedMotion: true, ...sample }));
    expect(html).not.toContain('data-flow="dot"');
    expect(html).toContain('data-flow="label"');
    expect(html).toMatch(/data-flow="label"[^>]*>80\/s</);
    expect(html).toMatch(/data-flow="label"[^>]*>✕80</);
    expect(html).toMatch(/data-flow="label"[^>]*>0\/s</);
  });

  it("dot counts and scale", () => {
    expect(edgeDotCount(0, 0, 1000, 10)).toEqual({ dots: 0, failing: 0 });
    expect(edgeDotCount(1, 0, 1000, 100)).toEqual({ dots: 1, failing: 0 }); // anything flowing shows
    expect(edgeDotCount(80, 40, 1000, 10)).toEqual({ dots: 8, failing: 4 });
    expect(edgeDotCount(1e6, 0, 1000, 1).dots).toBe(12); // capped
    expect(autoRequestsPerDot(80, 10_000)).toBe(200); // 800 per traversal / 6 ≈ 133 → 200
    expect(autoRequestsPerDot(0, 1000)).toBe(1);
  });

  it("layouts: wide puts AZs side by side, narrow stacks them in a 340-unit viewBox", () => {
    const wide = layoutTopology(sample, "wide");
    const narrow = layoutTopology(sample, "narrow");
    const [a, b] = wide.regions[0]!.azs;
    expect(a!.box.y).toBe(b!.box.y);
    expect(b!.box.x).toBeGreaterThan(a!.box.x);
    expect(narrow.width).toBe(340);
    const [na, nb] = narrow.regions[0]!.azs;
    expect(nb!.box.y).toBeGreaterThan(na!.box.y + na!.box.h - 1);
    // every edge starts at the load balancer and ends at its node
    for (const l of [wide, narrow])
      for (const az of l.regions[0]!.azs)
        for (const n of az.nodes) {
          const lb = l.regions[0]!.lb!;
          expect(n.path![0]!.y).toBe(lb.y + lb.h);
          expect(n.path!.at(-1)!.x).toBe(n.box.x);
        }
  });
});
