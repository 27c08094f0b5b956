import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const outsideSim = ["react", "react-dom", "react/*", "next", "next/*", "next-auth", "next-auth/*", "@prisma/*",
  "node:*", "fs", "path", "zod", "@/*", "../*"];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "generated/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", ".scratch/**", ".bench/**"],
  },
  {
    // The engine is pure TypeScript that runs identically in the browser and on the server: it imports nothing
    // outside lib/sim (no React, Next, Prisma, Node APIs, not even the rest of the app).
    files: ["lib/sim/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: outsideSim, message: "lib/sim imports only lib/sim." }] }],
      "no-restricted-globals": ["error",
        { name: "window", message: "lib/sim has no DOM." },
        { name: "document", message: "lib/sim has no DOM." },
        { name: "process", message: "lib/sim has no Node APIs." },
        { name: "performance", message: "lib/sim has no wall clock: the caller drives time." }],
      "no-restricted-properties": ["error",
        { object: "Date", property: "now", message: "lib/sim has no wall clock: the caller drives time." },
        { object: "Math", property: "random", message: "Use a seeded stream from lib/sim/random." },
        ...["log", "log1p", "log2", "log10", "exp", "expm1", "pow", "sin", "cos", "tan", "asin", "acos", "atan", "atan2",
          "sinh", "cosh", "tanh", "cbrt", "hypot"].map((property) => ({
          object: "Math",
          property,
          message: "Engines round transcendental Math functions differently: use lib/sim/det-math so runs match in every browser.",
        }))],
    },
  },
  {
    // The one place that implements them (portably, from fdlibm).
    files: ["lib/sim/det-math.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Widgets render simulations; they never reach the data layer, auth or server actions.
    files: ["app/ui/widgets/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{
        group: ["@/lib/db", "@/lib/db/*", "@/lib/auth", "@/lib/auth/*", "@/lib/actions", "@/lib/actions/*",
          "**/lib/db/**", "**/lib/auth/**", "**/lib/actions/**", "@prisma/*", "next-auth", "next-auth/*"],
        message: "Widgets import lib/sim, never the data layer, auth or actions.",
      }] }],
    },
  },
];

export default config;
