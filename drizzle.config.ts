import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` writes SQL migrations from lib/db/schema.ts; the app applies them on start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './lib/db/migrations',
});
