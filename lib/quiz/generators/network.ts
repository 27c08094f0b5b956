/**
 * Simulator-answered questions for the networking days: Day 7 (your own VPC) and Day 22 (network security and
 * edge protection). Pure TypeScript on lib/sim; parameters drawn from `createStream(seed, "question:<id>")`.
 */
import { ArrivalProcess, RateBasedRule, Simulation, WAF_SLOT_MS, createStream, type LogEntry } from "../../sim";
import { pick, type SimNumericGenerator } from "./types";

const MIN_MS = 60_000;

/**
 * Day 7: private subnets in N AZs all route 0.0.0.0/0 to one NAT gateway in the first AZ. That AZ fails for D minutes
 * of an hour; its own instances stop (they make no calls), the others keep calling but their calls cannot leave the
 * VPC. Poisson calls from every running subnet; the answer is the measured share of outbound calls that succeeded.
 */
function runSharedNatHour(seed: number, azCount: number, ratePerSec: number, startMin: number, outageMin: number) {
  const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 10 });
  const natAzUp = { value: true };
  let attempted = 0;
  let succeeded = 0;
  const arrivals = Array.from({ length: azCount }, () => new ArrivalProcess({ kind: "poisson", ratePerSec }));
  const call = sim.defineEvent("nat-question/call", (az) => {
    const up = az !== 0 || natAzUp.value;
    if (up) {
      attempted++;
      if (natAzUp.value) succeeded++;
    }
    const next = (arrivals[az] as ArrivalProcess).next(sim.nowMs, sim.stream(`nat-question/az-${az}`));
    if (next >= 0 && next < 60 * MIN_MS) sim.schedule(next, call, az);
  });
  for (let az = 0; az < azCount; az++) sim.schedule((arrivals[az] as ArrivalProcess).next(0, sim.stream(`nat-question/az-${az}`)), call, az);
  const fail = sim.defineEvent("nat-question/fail", () => (natAzUp.value = false));
  const recover = sim.defineEvent("nat-question/recover", () => (natAzUp.value = true));
  sim.schedule(startMin * MIN_MS, fail, 0, 0, -1);
  sim.schedule((startMin + outageMin) * MIN_MS, recover, 0, 0, -1);
  sim.runUntil(60 * MIN_MS);
  return { attempted, succeeded };
}

const vpcGenerators: Readonly<Record<string, SimNumericGenerator>> = {
  "shared-nat-egress-success": {
    description:
      "Private subnets in N AZs share one NAT gateway in the first AZ; that AZ fails for D minutes of an hour: what share of outbound calls succeeded?",
    generate(seed) {
      const rng = createStream(seed, "question:shared-nat-egress-success");
      const azCount = pick(rng, [2, 3, 4]);
      const ratePerSec = pick(rng, [1, 2, 4]);
      const outageMin = pick(rng, [6, 10, 12, 15, 20, 30]);
      const startMin = pick(rng, [10, 20]);
      const { attempted, succeeded } = runSharedNatHour(seed, azCount, ratePerSec, startMin, outageMin);
      return {
        params: {
          azCount,
          others: azCount - 1,
          ratePerSec,
          outageMin,
          startMin,
          endMin: startMin + outageMin,
          upMin: 60 - outageMin,
          attempted,
          succeeded,
        },
        answer: Math.round((succeeded / attempted) * 1000) / 10,
      };
    },
  },
};

/**
 * Day 22: a WAF rate-based rule (limit L per 5-minute window, re-evaluated every 10 s over 10-second slots) in front
 * of an origin. Users (one address each), an office sharing one address and bots send Poisson requests from t = 0;
 * the answer is the measured rate of requests the WAF lets through once the rule has settled.
 */
function runRateRule(seed: number, p: { users: number; officeUsers: number; bots: number; botRate: number; limit: number }) {
  const userRate = 0.1;
  const windowMs = 300_000;
  const rule = new RateBasedRule({ addresses: p.users + 1 + p.bots, limit: p.limit, windowMs });
  const measureFrom = windowMs + 30_000;
  const measureTo = measureFrom + 300_000;
  let allowed = 0;
  const sim = new Simulation<LogEntry>({ seed, maxLogEntries: 10 });
  const rates = [p.users * userRate, p.officeUsers * userRate, p.bots * p.botRate];
  const processes = rates.map((ratePerSec) => new ArrivalProcess({ kind: "poisson", ratePerSec }));
  const arrive = sim.defineEvent("waf-question/arrive", (src) => {
    const rng = sim.stream("waf-question/addresses");
    const ip = src === 0 ? rng.int(p.users) : src === 1 ? p.users : p.users + 1 + rng.int(p.bots);
    rule.count(ip, sim.nowMs);
    if (!rule.isBlocked(ip) && sim.nowMs >= measureFrom && sim.nowMs < measureTo) allowed++;
    const next = (processes[src] as ArrivalProcess).next(sim.nowMs, sim.stream(`waf-question/source-${src}`));
    if (next >= 0 && next < measureTo) sim.schedule(next, arrive, src);
  });
  processes.forEach((proc, src) => sim.schedule(proc.next(0, sim.stream(`waf-question/source-${src}`)), arrive, src));
  // Every slot, before that instant's requests (priority −1), as the rule expects.
  const check = sim.defineEvent("waf-question/check", () => {
    rule.evaluate(sim.nowMs);
    if (sim.nowMs + WAF_SLOT_MS < measureTo) sim.schedule(sim.nowMs + WAF_SLOT_MS, check, 0, 0, -1);
  });
  sim.schedule(WAF_SLOT_MS, check, 0, 0, -1);
  sim.runUntil(measureTo);
  return allowed / ((measureTo - measureFrom) / 1000);
}

const edgeSecurityGenerators: Readonly<Record<string, SimNumericGenerator>> = {
  "waf-rate-rule-allowed-rps": {
    description:
      "Users, an office behind one NAT address and bots hit a WAF rate-based rule (limit per 5 minutes): how many requests per second reach the origin once it has settled?",
    generate(seed) {
      const rng = createStream(seed, "question:waf-rate-rule-allowed-rps");
      const users = pick(rng, [100, 200, 300]);
      // Offices big enough that whether the rule blocks one changes the answer by more than the tolerance.
      const officeUsers = pick(rng, [40, 60, 80]);
      const bots = pick(rng, [4, 8, 12]);
      const botRate = pick(rng, [2, 5, 10]);
      const limit = pick(rng, [100, 500, 2000, 4000]);
      const answer = runRateRule(seed, { users, officeUsers, bots, botRate, limit });
      return {
        params: {
          users,
          officeUsers,
          bots,
          botRate,
          limit,
          userPerWindow: 30,
          officeRate: officeUsers * 0.1,
          officePerWindow: officeUsers * 30,
          botPerWindow: botRate * 300,
          usersRate: users * 0.1,
        },
        answer: Math.round(answer * 10) / 10,
      };
    },
  },
};

/** Every generator of the networking days, spread into SIM_NUMERIC_GENERATORS. */
export const networkGenerators: Readonly<Record<string, SimNumericGenerator>> = { ...vpcGenerators, ...edgeSecurityGenerators };
