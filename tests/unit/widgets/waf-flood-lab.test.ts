import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { WafFloodLab } from "@/app/ui/widgets/waf-flood-lab";
import {
  DEFAULT_CONFIG,
  LEGIT_USERS,
  OFFICE_USERS,
  USER_RATE_PER_SEC,
  createWafLab,
  originCapacity,
  perWindow,
  statusMessage,
  viewWafLab,
  type WafConfig,
} from "@/app/ui/widgets/waf-flood-lab/model";

function run(over: Partial<WafConfig>, untilMs = 600_000) {
  const config = { ...DEFAULT_CONFIG, ...over };
  const h = createWafLab(config, 2);
  h.sim.runUntil(untilMs);
  return { config, v: viewWafLab(h) };
}

describe("WafFloodLab model", () => {
  it("without a rule the flood overloads the origin: users get 503s and slow responses", () => {
    const { config, v } = run({});
    expect(config.bots * config.botRatePerSec + (LEGIT_USERS + OFFICE_USERS) * USER_RATE_PER_SEC).toBeGreaterThan(originCapacity(config));
    expect(v.totals.botBlocked).toBe(0);
    expect(v.totals.legitBlocked).toBe(0);
    expect(v.totals.legitErrors).toBeGreaterThan(0);
    expect(v.recent!.p95Ms!).toBeGreaterThan(300);
  });

  it("an address is blocked exactly when its rate per window exceeds the limit", () => {
    // Per 5 min: user ≈ 30, office ≈ 1 200, bot ≈ 600.
    const c = DEFAULT_CONFIG;
    expect(perWindow(c, USER_RATE_PER_SEC)).toBeCloseTo(30);
    expect(perWindow(c, OFFICE_USERS * USER_RATE_PER_SEC)).toBeCloseTo(1200);
    const loose = run({ limit: 3000 }).v;
    expect(loose.blockedNow).toEqual({ bots: 0, office: false, users: 0 });
    const middle = run({ limit: 1000 }).v;
    expect(middle.blockedNow).toEqual({ bots: 0, office: true, users: 0 });
    const tight = run({ limit: 300 }).v;
    expect(tight.blockedNow.bots).toBe(DEFAULT_CONFIG.bots);
    expect(tight.blockedNow.office).toBe(true);
    expect(tight.blockedNow.users).toBe(0);
  });

  it("exempting the office's address and a 1-minute window block the bots fast without blocking users", () => {
    const { v } = run({ limit: 100, windowSec: 60, exemptOffice: true });
    expect(v.totals.legitBlocked).toBe(0);
    expect(v.totals.botBlocked / v.totals.bot).toBeGreaterThan(0.8);
    expect(v.recent!.p95Ms!).toBeLessThan(200);
    // The same limit over 5 minutes takes longer to react: more bot requests get through.
    const slow = run({ limit: 500, windowSec: 300, exemptOffice: true }).v;
    expect(slow.totals.botAllowed).toBeGreaterThan(v.totals.botAllowed);
  });

  it("the minimum limit (10 per minute) blocks bursty real users too", () => {
    const { v } = run({ limit: 10, windowSec: 60, exemptOffice: true });
    expect(v.totals.legitBlocked).toBeGreaterThan(0);
  });

  it("is deterministic, and its status is quiet while playing", () => {
    expect(run({ limit: 300 }, 120_000).v).toEqual(run({ limit: 300 }, 120_000).v);
    const h = createWafLab(DEFAULT_CONFIG, 1);
    h.sim.runUntil(90_000);
    const a = statusMessage(DEFAULT_CONFIG, viewWafLab(h), { playing: true, ended: false });
    h.sim.runUntil(100_000);
    expect(statusMessage(DEFAULT_CONFIG, viewWafLab(h), { playing: true, ended: false })).toBe(a);
    expect(statusMessage(DEFAULT_CONFIG, viewWafLab(h), { playing: false, ended: false })).toMatch(/Paused at 100 s\. Bot requests blocked/);
  });
});

describe("WafFloodLab component", () => {
  it("renders its root, status, settings and charts to static markup", () => {
    const html = renderToString(createElement(WafFloodLab, { seed: 3 }));
    expect(html).toContain('data-widget="WafFloodLab"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Evaluation window");
    expect(html).toContain("Requests per second at the WAF");
    expect(renderToString(createElement(WafFloodLab, { preset: "rule" }))).toContain("above 300 requests per 5 min");
  });
});
