import { defineConfig } from 'drizzle-kit';

/** The cloud's schema is PostgreSQL (also for PGlite); the desktop's SQLite config is ../drizzle.config.ts. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './cloud/db/schema.ts',
  out: './cloud/migrations',
});
