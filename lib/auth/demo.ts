/**
 * Demo accounts for the local quick start. On unless NIMBUS_DEMO_ACCOUNTS is "off" (set it in any shared or
 * public deployment: the passwords are in the README).
 */
export const DEMO_ACCOUNTS = [
  { email: "learner@nimbus.test", name: "Demo Learner", password: "nimbus-learner", role: "LEARNER" },
  { email: "instructor@nimbus.test", name: "Demo Instructor", password: "nimbus-instructor", role: "INSTRUCTOR" },
] as const;

export function demoAccountsEnabled(): boolean {
  return (process.env.NIMBUS_DEMO_ACCOUNTS ?? "on").toLowerCase() !== "off";
}
