import { DAY_MS, Simulation, TokenBucket, createStream } from "../../sim";
import { pick, type SimNumericGenerator } from "./types";

/**
 * Simulator-answered questions for Day 20 (Security and IAM) and Day 21 (data protection). Each runs a small
 * event-driven model on the engine; tests/unit/quiz/simulated-days-20-21.test.ts checks it against a hand formula.
 */

export const securityGenerators: Readonly<Record<string, SimNumericGenerator>> = {
  "rotated-key-exposure-days": {
    description:
      "An access key is rotated every N days (the old key deactivated at once); it leaks at a given moment; a revocation would follow D days later: how many days can the attacker use it?",
    generate(seed) {
      const rng = createStream(seed, "question:rotated-key-exposure-days");
      const rotationDays = pick(rng, [30, 60, 90]);
      const leakAt = rng.int(300) + 0.5;
      const detectDays = pick(rng, [7, 14, 30, 45, 60, 120]);
      // Rotations every N days deactivate the current key; the leak and the revocation are events on the same clock.
      const sim = new Simulation({ seed });
      let keyNumber = 0;
      let leakedKey = -1;
      let leakedUntilMs = -1;
      const endUse = () => {
        if (leakedKey >= 0 && leakedUntilMs < 0) leakedUntilMs = sim.nowMs;
      };
      const rotate = sim.defineEvent("question/rotate", () => {
        if (keyNumber === leakedKey) endUse();
        keyNumber += 1;
        sim.schedule(sim.nowMs + rotationDays * DAY_MS, rotate);
      });
      const revoke = sim.defineEvent("question/revoke", () => endUse());
      const leak = sim.defineEvent("question/leak", () => {
        leakedKey = keyNumber;
        sim.schedule(sim.nowMs + detectDays * DAY_MS, revoke);
      });
      sim.schedule(rotationDays * DAY_MS, rotate);
      sim.schedule(leakAt * DAY_MS, leak);
      sim.runUntil((leakAt + detectDays + 1) * DAY_MS);
      const nextRotation = (Math.floor(leakAt / rotationDays) + 1) * rotationDays;
      return {
        params: { rotationDays, leakAt, detectDays, nextRotation },
        answer: Math.round(((leakedUntilMs - leakAt * DAY_MS) / DAY_MS) * 1000) / 1000,
      };
    },
  },
  "data-key-cache-kms-calls": {
    description:
      "An application encrypts R objects a second for S seconds with a cached data key (max age T, max M objects): how many GenerateDataKey calls reach KMS?",
    generate(seed) {
      const rng = createStream(seed, "question:data-key-cache-kms-calls");
      const ratePerSec = pick(rng, [50, 100, 200, 250, 500]);
      const seconds = pick(rng, [30, 60, 120]);
      const maxAgeSec = pick(rng, [1, 5, 10, 30]);
      const maxMessages = pick(rng, [100, 500, 1000, 2000, 5000]);
      const gapMs = 1000 / ratePerSec;
      const objects = ratePerSec * seconds;
      // Objects arrive every gapMs; a KMS bucket far above the rate never throttles, so every miss is one call.
      const sim = new Simulation({ seed });
      const kms = new TokenBucket(100_000, 100_000, 0);
      let calls = 0;
      let keyCreatedMs = -Infinity;
      let keyUses = 0;
      const encrypt = sim.defineEvent("question/encrypt", (i) => {
        const fresh = sim.nowMs - keyCreatedMs < maxAgeSec * 1000 && keyUses < maxMessages;
        if (!fresh && kms.tryTake(sim.nowMs)) {
          calls += 1;
          keyCreatedMs = sim.nowMs;
          keyUses = 0;
        }
        keyUses += 1;
        if (i + 1 < objects) sim.schedule((i + 1) * gapMs, encrypt, i + 1);
      });
      sim.schedule(0, encrypt, 0);
      sim.runUntil(seconds * 1000 + 1000);
      const perKey = Math.min(maxMessages, maxAgeSec * ratePerSec);
      return { params: { ratePerSec, seconds, maxAgeSec, maxMessages, objects, perKey }, answer: calls };
    },
  },
};
