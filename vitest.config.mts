import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.ts',
      'bin/**/*.test.ts',
      'scripts/**/*.test.{ts,mjs}',
      'server/**/*.test.mjs',
    ],
    environment: 'node',
    // Starting the embedded database (WebAssembly PostgreSQL) and migrating it takes seconds on a busy machine.
    hookTimeout: 60_000,
    // Some tests start processes (the CLI, the demo seed); on a busy 2-core machine that takes seconds.
    testTimeout: 60_000,
  },
});
