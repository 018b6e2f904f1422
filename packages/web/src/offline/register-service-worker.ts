/// <reference types="vite-plugin-pwa/client" />
import { registerSW } from "virtual:pwa-register";
import type { AppUpdate } from "./app-update.ts";

/** How often an open tablet asks whether a new version was deployed (it may stay on the round page for days). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker built by vite-plugin-pwa (Workbox, packages/web/vite.config.ts). It precaches the app
 * shell — index.html, the scripts, styles and icons of this build — and answers every navigation with the cached
 * index.html, so the app opens without a connection. It has no runtime caching: calls to /api/ always go to the
 * network, and what the round shows offline is the app's own device copy (device-copy.ts), announced on screen.
 */
export function registerServiceWorker(update: AppUpdate): void {
  if (!("serviceWorker" in navigator)) return;
  const updateSW = registerSW({
    immediate: true,
    onNeedRefresh: () => update.offer(() => updateSW(true)),
    onRegisteredSW: (_url, registration) => {
      // Offline, the check fails quietly and is made again an hour later.
      if (registration) setInterval(() => registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    },
    onRegisterError: (error: unknown) => {
      // Without a service worker the app still works online; only opening it offline is lost.
      console.warn("Mamori: the service worker could not be registered", error);
    },
  });
}
