// Build and test configuration. The bundle goes straight into the Python package, where the
// server serves it and replaces the <!--limelight-head--> comment with the app's config.
import { defineConfig } from "vitest/config";

export default defineConfig({
  base: "./",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "../src/limelight/static",
    emptyOutDir: true,
    target: "es2022",
    // Every browser we target supports <link rel=modulepreload>; the polyfill is dead weight.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Modules the entry loads anyway (preact, hooks) stay in the entry chunk instead of a
        // separate shared chunk: one request less for every page.
        codeSplitting: { groups: [{ name: "index", tags: ["$initial"] }] },
      },
    },
  },
  test: {
    environment: "happy-dom",
    include: ["tests/**/*.test.{ts,tsx}"],
  },
});
