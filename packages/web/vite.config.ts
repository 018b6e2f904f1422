import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web app is built into packages/web/dist, which the server serves on http://localhost:3000.
// In development the Vite server forwards /api to a running Mamori server.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, "dist"),
    emptyOutDir: true,
    rolldownOptions: {
      // The domain package is pure (no I/O, no side effects at import), so whatever of it the app does not use —
      // rule profiles, their zod schemas — is left out of the bundle.
      treeshake: { moduleSideEffects: (id: string) => !id.includes("/packages/domain/src/") },
    },
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://localhost:3000", changeOrigin: false },
    },
  },
});
