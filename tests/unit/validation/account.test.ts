import { describe, expect, it } from "vitest";
import { settingsSchema } from "@/lib/validation/account";
import { signUpSchema } from "@/lib/validation/auth";

describe("time zones", () => {
  it("are stored under their canonical name, whatever the spelling sent", () => {
    const cases: [string, string][] = [
      ["utc", "UTC"],
      ["europe/berlin", "Europe/Berlin"],
      [" Europe/Berlin ", "Europe/Berlin"],
      ["US/Pacific", "America/Los_Angeles"],
      // ICU resolves these to their old names; they are stored under IANA's current ones, whichever is sent.
      ["Asia/Kolkata", "Asia/Kolkata"],
      ["Asia/Calcutta", "Asia/Kolkata"],
      ["europe/kiev", "Europe/Kyiv"],
      ["Europe/Kyiv", "Europe/Kyiv"],
    ];
    for (const [sent, stored] of cases) {
      expect(settingsSchema.parse({ timeZone: sent }).timeZone).toBe(stored);
      expect(signUpSchema.parse({ name: "A", email: "a@example.test", password: "12345678", timeZone: sent }).timeZone).toBe(stored);
    }
  });

  it("refuses an unknown zone in settings, and signs up with UTC instead", () => {
    expect(settingsSchema.safeParse({ timeZone: "Mars/Olympus" }).success).toBe(false);
    expect(signUpSchema.parse({ name: "A", email: "a@example.test", password: "12345678", timeZone: "Mars/Olympus" }).timeZone).toBe("UTC");
  });
});
