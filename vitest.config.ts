import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: { '@payload-config': path.resolve(import.meta.dirname, 'src/payload.config.ts') },
  },
  test: {
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
          include: ['test/int/**/*.test.ts'],
          environment: 'node',
          // Each int file gets its own database (see test/int/helpers), so files may run in
          // parallel; Payload init and schema push dominate, not CPU.
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
