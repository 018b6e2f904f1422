import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

// The web app is built into packages/web/dist, which the server serves on http://localhost:3000.
// In development the Vite server forwards /api to a running Mamori server.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    react(),
    // The app shell (index.html, scripts, styles, icons) is precached by a Workbox service worker, so the daily round
    // opens on a tablet that has lost its connection; entries wait in the outbox (src/outbox/). See src/offline/.
    VitePWA({
      registerType: "prompt",
      injectRegister: false,
      manifest: {
        name: "守り Mamori",
        short_name: "Mamori",
        description: "感染対策の記録と報告",
        lang: "ja",
        start_url: "/",
        scope: "/",
        display: "standalone",
        orientation: "any",
        background_color: "#ffffff",
        theme_color: "#1f5f7a",
        icons: [
          { src: "/icons/mamori-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icons/mamori-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icons/mamori-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
          { src: "/icons/mamori-icon.svg", sizes: "any", type: "image/svg+xml" },
        ],
      },
      // The icons are precached with the other files of public/ by globPatterns below.
      includeManifestIcons: false,
      workbox: {
        globPatterns: ["**/*.{html,js,css,svg,png}"],
        // Any page of the app (a client-side route) opens from the cached index.html; the API is never answered by
        // the service worker: no runtime caching, and /api/ is kept out of the navigation fallback (its docs page).
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/api(\/|$)/],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
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
