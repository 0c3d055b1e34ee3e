import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { buildCsp } from './shared/security/csp';

/** Writes the strict CSP into index.html so the file itself carries it (Electron loads it from disk). */
function cspPlugin(): Plugin {
  return {
    name: 'mail-doctor-csp',
    transformIndexHtml(html) {
      return html.replace('%CSP%', buildCsp());
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspPlugin()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // One bundle loaded from disk (or loopback) by a desktop app: no network cost to split for.
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1', strictPort: true },
  preview: { host: '127.0.0.1', strictPort: true },
});
