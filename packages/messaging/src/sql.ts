/**
 * The slice of a Prisma client the outbox and inbox use: raw SQL and interactive
 * transactions. A `PrismaClient` (with `@prisma/adapter-pg`) satisfies it as it is, so a
 * service writes its events in the very transaction that makes its change.
 */
export interface SqlTransaction {
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
}

export interface TransactionOptions {
  /** How long to wait for a connection to begin the transaction, in ms. */
  readonly maxWait?: number;
  /** How long the transaction may run before it is rolled back, in ms. */
  readonly timeout?: number;
}

export interface SqlDatabase<Tx extends SqlTransaction = SqlTransaction> extends SqlTransaction {
  $transaction<R>(work: (tx: Tx) => Promise<R>, options?: TransactionOptions): Promise<R>;
}
