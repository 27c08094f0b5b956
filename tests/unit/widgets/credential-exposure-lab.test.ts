import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CredentialExposureLab } from "@/app/ui/widgets/credential-exposure-lab";
import { DAY_MS, HOUR_MS } from "@/lib/sim";
import {
  DEFAULT_CONFIG,
  INVENTORY,
  NO_GUARDRAILS,
  STRATEGIES,
  YEAR_MS,
  blastRadius,
  evaluate,
  expectedWindowMs,
  policySet,
  runExposureLab,
  type ExposureConfig,
} from "@/app/ui/widgets/credential-exposure-lab/model";

const cfg = (c: Partial<ExposureConfig>): ExposureConfig => ({ ...DEFAULT_CONFIG, ...c });
const item = (action: string, bucketOrPart: string) => INVENTORY.find((i) => i.action === action && i.resource.includes(bucketOrPart))!;

describe("policy evaluation", () => {
  it("denies by default and allows only what an identity policy grants", () => {
    const set = policySet("least-privilege", NO_GUARDRAILS);
    expect(evaluate(set, item("s3:GetObject", "invoices"))).toMatchObject({ allowed: true, reason: "allow" });
    expect(evaluate(set, item("s3:GetObject", "backups"))).toMatchObject({ allowed: false, reason: "implicit-deny" });
    expect(evaluate(set, item("iam:CreateAccessKey", "user/admin")).reason).toBe("implicit-deny");
  });

  it("lets an explicit deny beat any allow, even Action *", () => {
    const set = policySet("admin", { ...NO_GUARDRAILS, denyBackupDelete: true });
    expect(evaluate(set, item("s3:DeleteObject", "backups"))).toMatchObject({ allowed: false, reason: "explicit-deny" });
    expect(evaluate(set, item("s3:GetObject", "backups")).allowed).toBe(true);
  });

  it("treats SCPs and permissions boundaries as limits that grant nothing", () => {
    const scp = policySet("admin", { ...NO_GUARDRAILS, scpDenyIam: true });
    expect(evaluate(scp, item("iam:CreateAccessKey", "user/admin")).reason).toBe("explicit-deny");
    const boundary = policySet("admin", { ...NO_GUARDRAILS, boundary: true });
    expect(evaluate(boundary, item("ec2:TerminateInstances", "instance")).reason).toBe("not-allowed-by-boundary");
    expect(evaluate(boundary, item("dynamodb:GetItem", "customers")).allowed).toBe(true);
    // The boundary allows dynamodb:*, but the identity policy grants only invoices: still denied.
    const narrow = policySet("least-privilege", { ...NO_GUARDRAILS, boundary: true });
    expect(evaluate(narrow, item("dynamodb:GetItem", "customers")).reason).toBe("implicit-deny");
  });

  it("matches actions case-insensitively and resources with wildcards", () => {
    const set = policySet("s3-full", NO_GUARDRAILS);
    expect(evaluate(set, { action: "S3:getobject", resource: "arn:aws:s3:::anything/x" }).allowed).toBe(true);
    expect(evaluate(set, { action: "s3x:GetObject", resource: "arn:aws:s3:::anything/x" }).allowed).toBe(false);
  });

  it("computes the blast radius and persistence", () => {
    expect(blastRadius("admin", NO_GUARDRAILS)).toMatchObject({ persistence: true });
    expect(blastRadius("admin", NO_GUARDRAILS).allowed).toHaveLength(INVENTORY.length);
    expect(blastRadius("admin", { ...NO_GUARDRAILS, scpDenyIam: true }).persistence).toBe(false);
    expect(blastRadius("s3-full", NO_GUARDRAILS).allowed).toHaveLength(5);
    expect(blastRadius("least-privilege", NO_GUARDRAILS).allowed).toHaveLength(2);
  });
});

describe("exposure simulation", () => {
  it("gives each scripted leak min(time to expiry, time to revoke)", () => {
    const c = cfg({ scope: "least-privilege", detectHours: 24 * 7, rotationDays: 30, sessionHours: 1 });
    const leakMs = 45 * DAY_MS + 15 * 60_000; // day 45, 00:15
    const v = runExposureLab(c, 1, [leakMs]);
    const hours = Object.fromEntries(v.results.map((r) => [r.strategy, r.hours]));
    expect(hours["long-lived"]).toBeCloseTo(24 * 7, 9);
    expect(hours.rotated).toBeCloseTo(24 * 7, 9); // next rotation is day 60: revocation comes first
    expect(hours.role).toBeCloseTo(0.75, 9);
    const late = runExposureLab(c, 1, [58 * DAY_MS]);
    expect(late.results.find((r) => r.strategy === "rotated")!.hours).toBeCloseTo(48, 9);
    expect(late.results.every((r) => r.open === 0)).toBe(true);
  });

  it("with persistence, every strategy lasts until the clean-up", () => {
    const v = runExposureLab(cfg({ scope: "admin", detectHours: 24 }), 1, [10 * DAY_MS + 1]);
    for (const r of v.results) expect(r.hours).toBeCloseTo(24, 9);
  });

  it("matches the closed-form mean window per leak over many random leaks", () => {
    const c = cfg({ scope: "s3-full", leaksPerYear: 12, detectHours: 24 * 7, rotationDays: 30, sessionHours: 4 });
    const totals = { "long-lived": 0, rotated: 0, role: 0 };
    let leaks = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const v = runExposureLab(c, seed);
      // Only leaks whose windows closed inside the year count fully: drop the last three weeks.
      for (const l of v.leaks) {
        if (l.atMs > YEAR_MS - 21 * DAY_MS) continue;
        leaks++;
        for (const s of STRATEGIES) totals[s] += l.windows[s];
      }
    }
    expect(leaks).toBeGreaterThan(700);
    for (const s of STRATEGIES) {
      const expected = expectedWindowMs(c, s, false);
      expect(totals[s] / leaks / expected, s).toBeGreaterThan(0.93);
      expect(totals[s] / leaks / expected, s).toBeLessThan(1.07);
    }
    // E[min(U·30 d, 7 d)] = 7 − 49/60 days; role: 4 h / 2.
    expect(expectedWindowMs(c, "rotated", false) / DAY_MS).toBeCloseTo(7 - 49 / 60, 9);
    expect(expectedWindowMs(c, "role", false) / HOUR_MS).toBeCloseTo(2, 9);
  });

  it("draws about leaksPerYear leaks and is deterministic for a seed", () => {
    let n = 0;
    for (let seed = 1; seed <= 100; seed++) n += runExposureLab(cfg({ leaksPerYear: 6 }), seed).leaks.length;
    expect(n / 100).toBeGreaterThan(5.2);
    expect(n / 100).toBeLessThan(6.8);
    expect(runExposureLab(DEFAULT_CONFIG, 9)).toEqual(runExposureLab(DEFAULT_CONFIG, 9));
  });
});

describe("CredentialExposureLab component", () => {
  it("renders its frame, status and keyboard-operable controls without effects", () => {
    const html = renderToString(createElement(CredentialExposureLab, { seed: 1 }));
    expect(html).toContain('data-widget="CredentialExposureLab"');
    expect(html).toContain('data-testid="widget-status"');
    expect(html).toContain("Ready. Blast radius: 10 of 10 actions allowed, including creating new access keys");
    expect(html).toContain("<select");
    expect(html).toContain('type="checkbox"');
  });

  it("shows the model's rotation period (in days) as the selected option", () => {
    const html = renderToString(createElement(CredentialExposureLab, {}));
    const rotation = html.slice(html.indexOf("-rotate\""), html.indexOf("</select>", html.indexOf("-rotate\"")));
    expect(rotation).toContain(`<option value="${DEFAULT_CONFIG.rotationDays}" selected="">90 days</option>`);
    expect(rotation.match(/selected=""/g)).toHaveLength(1);
  });

  it("starts from a least-privilege scope when asked", () => {
    const html = renderToString(createElement(CredentialExposureLab, { scope: "least-privilege" }));
    expect(html).toContain("Blast radius: 2 of 10 actions allowed.");
  });
});
