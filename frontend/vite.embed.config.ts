// The second build: `embed.js`, the web component an app serves at `/gradio_api/embed.js` for
// other pages to embed it (src/embed.ts). One small module with no imports; it loads the app's
// own chunks from the app's server, so it runs after the page's build (which empties the folder).
import { resolve } from "node:path";
import { defineConfig } from "vite";

export default defineConfig({
  build: {
    outDir: "../src/limelight/static",
    emptyOutDir: false,
    target: "es2022",
    lib: { entry: resolve(import.meta.dirname, "src/embed.ts"), formats: ["es"], fileName: () => "embed.js" },
  },
});
