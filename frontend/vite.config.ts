// Build and test configuration. The bundle goes straight into the Python package, where the
// server serves it and replaces the <!--limelight-head--> comment with the app's config.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

/**
 * Writes `chunks.json`: for each config `type` of registry.ts, the chunk files its module needs.
 * The server links them as `modulepreload` in the page, so a component's code downloads while
 * the entry chunk does rather than after it has run.
 */
function chunkMap(): Plugin {
  return {
    name: "limelight-chunk-map",
    apply: "build",
    // After Vite's own CSS step, which drops chunks that only held CSS: the map must not
    // name a file that is never written (the page would preload a 404).
    enforce: "post",
    generateBundle(_options, bundle) {
      const registry = readFileSync(resolve(__dirname, "src/registry.ts"), "utf-8");
      const loaders = [...registry.matchAll(/^\s*(\w+): \(\) => import\("\.\/([\w/]+)"\)/gm)];
      const chunks = Object.values(bundle).filter((out) => out.type === "chunk");
      // What the page loads anyway: the entry chunks (main.tsx's, a facade kept for embedding,
      // and the HTML's) and the chunks they import.
      const initial = new Set<string>();
      const addInitial = (file: string): void => {
        if (initial.has(file)) return;
        initial.add(file);
        for (const dep of chunks.find((c) => c.fileName === file)?.imports ?? []) addInitial(dep);
      };
      for (const chunk of chunks) if (chunk.isEntry) addInitial(chunk.fileName);
      const needs = (file: string, seen: Set<string>): void => {
        const chunk = chunks.find((c) => c.fileName === file);
        if (initial.has(file) || seen.has(file) || !chunk) return;
        seen.add(file);
        for (const dep of chunk.imports) needs(dep, seen);
      };
      const map: Record<string, string[]> = {};
      for (const [, type, path] of loaders) {
        const module = resolve(__dirname, "src", `${path}.tsx`);
        const chunk = chunks.find((c) => c.facadeModuleId === module);
        if (!chunk) continue;
        const files = new Set<string>();
        needs(chunk.fileName, files);
        map[type] = [...files];
      }
      this.emitFile({ type: "asset", fileName: "chunks.json", source: JSON.stringify(map) });
    },
  };
}

export default defineConfig({
  base: "./",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  plugins: [chunkMap()],
  resolve: {
    // Handlebars' browser build: its CommonJS one brings the source-map library (3 kB gzipped)
    // that only compiling to files with source maps needs.
    alias: [{ find: /^handlebars$/, replacement: "handlebars/dist/handlebars.js" }],
  },
  build: {
    outDir: "../src/limelight/static",
    emptyOutDir: true,
    target: "es2022",
    // Every browser we target supports <link rel=modulepreload>; the polyfill is dead weight.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // main.tsx is the page's entry and keeps its exports: `mount` draws the app in another
      // page (embed.ts).
      input: { index: resolve(__dirname, "index.html"), main: resolve(__dirname, "src/main.tsx") },
      preserveEntrySignatures: "exports-only",
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
    // Hand-rolled code against the libraries that could replace it (npm run bench).
    benchmark: { include: ["bench/**/*.bench.ts"] },
    // CI machines are small and busy: importing a lazy chunk may take seconds there.
    testTimeout: 30_000,
  },
});
