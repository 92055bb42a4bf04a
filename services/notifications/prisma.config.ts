import { defineConfig } from 'prisma/config';

// The notifications service's Prisma configuration.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // process.env, not env(): `prisma generate` must work without a database
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
