import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,electron,renderer,scripts,test}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'dist/**', 'dist-electron/**'],
    environment: 'node',
    // Real servers on loopback: Dovecot rejects a wrong password only after ~2 s by design.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The real-server lab (private Dovecot/Postfix, fault listeners, DNS): started once per run.
    globalSetup: ['test/lab/lab-global-setup.ts'],
  },
});
