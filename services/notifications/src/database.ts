// The notifications service's database: a Prisma client on its own PostgreSQL database, and
// where its migrations and schema are.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client.ts';

export { PrismaClient };

export type NotificationsDatabase = PrismaClient;

/** What runs inside one of its transactions. */
export type NotificationsTransaction = Prisma.TransactionClient;

export function openNotificationsDatabase(url: string, poolSize = 10): NotificationsDatabase {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
}

/** The package's folder, from `src/` when run from source and from `dist/src/` when built. */
function packageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder)
      throw new Error('the notifications service has no package.json above it');
    folder = parent;
  }
  return folder;
}

/** The migration folders applied at start (`prisma/migrations`). */
export const migrationsDir = join(packageRoot(), 'prisma', 'migrations');

/** The schema the migrations must agree with. */
export const schemaPath = join(packageRoot(), 'prisma', 'schema.prisma');
