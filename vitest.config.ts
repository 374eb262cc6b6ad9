import path from 'node:path'
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'

/**
 * The browser journeys need the built app running and a Chromium: `npm run test:e2e`
 * (test/e2e/run.ts) provides both and sets E2E_BASE_URL. Without it the project does not exist,
 * so `npm test` never picks the suite up.
 */
const e2e: TestProjectInlineConfiguration[] = process.env.E2E_BASE_URL
  ? [
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // The journeys build on each other (the manager checks what the editor published).
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ]
  : []

export default defineConfig({
  resolve: {
    alias: { '@payload-config': path.resolve(import.meta.dirname, 'src/payload.config.ts') },
  },
  test: {
    // Two files at a time even on two cores: an int file mostly waits on Postgres, and vitest's
    // default (cores - 1) ran them one by one, past the 10-minute budget of npm test.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['test/int/**/*.test.ts', 'test/host-app/**/*.test.ts'],
          environment: 'node',
          // Each int file gets its own database (see test/int/helpers), so files may run in
          // parallel; Payload init and schema push dominate, not CPU.
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      ...e2e,
    ],
  },
})
