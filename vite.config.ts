/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const serverPort = process.env.PORT ?? '3000';
// The chaos project runs real server processes for minutes: only when asked for by name
// (`npm run test:chaos`), never as part of a plain `vitest run`.
const isChaosAsked = process.argv.some(
  (arg, i, all) => arg === 'chaos' && all[i - 1] === '--project',
);

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    // bench/bundle-size.ts reads which chunks each screen needs.
    manifest: true,
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': `http://localhost:${serverPort}`,
      '/socket.io': { target: `ws://localhost:${serverPort}`, ws: true },
    },
  },
  test: {
    root: '.',
    reporters: ['default', './test/plain-summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['client/**/*.test.{ts,tsx}'],
          setupFiles: ['test/mocks/setup-client.ts'],
          // jsdom renders of whole screens take seconds when the machine is busy (CI shares it).
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      ...(isChaosAsked
        ? [
            {
              extends: true as const,
              test: {
                name: 'chaos',
                environment: 'node',
                include: ['test/chaos/**/*.test.ts'],
                testTimeout: 150_000,
                hookTimeout: 60_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
