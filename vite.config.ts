/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const repoRoot = import.meta.dirname;
const apiTarget = 'http://localhost:8080';

export default defineConfig({
  root: 'client',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, ws: true, changeOrigin: false },
      '/healthz': { target: apiTarget },
    },
  },
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      // Registration is done by our own code (client/src/features/shell/pwa.ts)
      // so that the CSP can forbid inline scripts and the update flow is ours.
      injectRegister: false,
      registerType: 'prompt',
      // globPatterns below already precache every icon; listing them again duplicates entries.
      includeManifestIcons: false,
      manifest: {
        name: 'Kumiai 組合',
        short_name: 'Kumiai',
        description: '労働組合のためのオフライン対応アプリ / The offline-first app for labor unions',
        lang: 'ja',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#8c1c2b',
        background_color: '#faf7f2',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Not webmanifest: the plugin adds the manifest itself; listing it precaches it twice.
        globPatterns: ['**/*.{js,css,html,png,svg,ico,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/healthz/],
        cleanupOutdatedCaches: true,
        // The first install takes control of the open page at once, so it works offline without a reload.
        // Updates still wait for the member's "reload" tap (registerType: 'prompt').
        clientsClaim: true,
        // Web Push (push and notificationclick handlers): client/public/push-sw.js, served uncached like sw.js.
        importScripts: ['push-sw.js'],
      },
    }),
  ],
  test: {
    // `root: 'client'` above is for the app; tests span every workspace.
    root: repoRoot,
    dir: repoRoot,
    include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'server/test/**/*.test.ts', 'client/src/**/*.test.ts', 'client/test-node/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20000,
    hookTimeout: 30000,
  },
});
