import { defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  ssr: {
    resolve: {
      // Tests run on sources: resolve workspace packages through their source condition.
      conditions: ['@progress-ledger/source', ...defaultServerConditions],
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
