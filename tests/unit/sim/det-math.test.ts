import { describe, expect, it } from "vitest";
import { createStream, detAsin, detCos, detExp, detLog, detPow, detSin, logUnit32 } from "@/lib/sim";

const EPS = 2.220446049250313e-16;
/** Error in units of the last place of the reference value. */
const ulps = (x: number, ref: number) => Math.abs(x - ref) / Math.max(Math.abs(ref) * EPS, Number.MIN_VALUE);

describe("deterministic math (engine-independent transcendental functions)", () => {
  const rng = createStream(1, "det-math");
  const xs = Array.from({ length: 20_000 }, () => rng.next());

  it("log and exp are within 1 ulp of the host's Math over wide ranges", () => {
    for (const u of xs) {
      const x = u === 0 ? 1e-300 : u;
      expect(ulps(detLog(x), Math.log(x))).toBeLessThanOrEqual(1);
      const big = Math.exp((u - 0.5) * 1400);
      if (Math.abs(Math.log(big)) > 1e-3) expect(ulps(detLog(big), Math.log(big))).toBeLessThanOrEqual(1);
      const e = (u - 0.5) * 80;
      expect(ulps(detExp(e), Math.exp(e))).toBeLessThanOrEqual(1);
      const n = 1 + Math.floor(u * 4294967296);
      expect(ulps(logUnit32(n), Math.log(n / 4294967296))).toBeLessThanOrEqual(1);
    }
    expect([detLog(1), detLog(0), detExp(0), detExp(800), detExp(-800)]).toEqual([0, -Infinity, 1, Infinity, 0]);
    expect(Number.isNaN(detLog(-1))).toBe(true);
    expect(detLog(5e-324)).toBe(Math.log(5e-324));
  });

  it("sin, cos, asin and pow are within a few ulp (absolute, for sin/cos)", () => {
    for (const u of xs) {
      const a = (u - 0.5) * 40;
      expect(Math.abs(detSin(a) - Math.sin(a))).toBeLessThan(2 * EPS);
      expect(Math.abs(detCos(a) - Math.cos(a))).toBeLessThan(2 * EPS);
      expect(Math.abs(detAsin(u) - Math.asin(u))).toBeLessThan(4 * EPS);
      expect(ulps(detPow(1.02, u * 30), Math.pow(1.02, u * 30))).toBeLessThanOrEqual(2);
    }
  });

  it("gives these exact bits on every engine (golden values)", () => {
    expect([detLog(0.1), detExp(1), detSin(1), detCos(1), logUnit32(1)]).toEqual([
      -2.3025850929940455, 2.7182818284590455, 0.8414709848078965, 0.5403023058681398, -22.18070977791825,
    ]);
  });
});
