// The fixture service of the messaging tests: it publishes engagement events through the
// outbox and applies them through the inbox, recording one milestone_record row per event.
import { fromKafkaRecord, toKafkaRecord, type EngagementEvent } from '@cttech/contracts';
import { applyMigrations } from '@cttech/migrations';
import type { TestSuite } from '@cttech/testing';
import { PrismaPg } from '@prisma/adapter-pg';
import { fileURLToPath } from 'node:url';
import {
  appendToOutbox,
  EventConsumer,
  Inbox,
  type EventBroker,
  type RetryPolicy,
  outboxMessage,
  UnprocessableEventError,
  type ReceivedMessage,
} from '../src/index.ts';
import { PrismaClient } from './fixtures/ledger/generated/prisma/client.ts';

export { PrismaClient };

export const migrationsDir = fileURLToPath(
  new URL('./fixtures/ledger/prisma/migrations', import.meta.url),
);

/** A fresh database with the ledger's tables, and a Prisma client on it. */
export async function openLedgerDatabase(
  suite: TestSuite,
  name = 'ledger',
): Promise<{ url: string; prisma: PrismaClient }> {
  const database = await suite.createDatabase(name);
  await applyMigrations(database.url, migrationsDir);
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: database.url, max: 10 }),
  });
  return { url: database.url, prisma };
}

/** The `sequence`-th event of an engagement: work recorded at kick-off. */
export function workRecorded(engagementId: string, sequence: number): EngagementEvent {
  const partnerState = /^engagement-([A-Z]{2})-/.exec(engagementId)?.[1] ?? 'KE';
  return {
    id: `${engagementId}/${sequence}`,
    type: 'engagement.work-recorded',
    version: 1,
    engagementId,
    partnerState,
    cycle: 2026,
    occurredAt: new Date(Date.UTC(2026, 10, 22, 9, 0, sequence)).toISOString(),
    data: {
      stage: 'KICK_OFF',
      kind: 'KICK_OFF_REPORT',
      recordedBy: `officer-${partnerState.toLowerCase()}-1`,
    },
  };
}

export function engagementIds(count: number): string[] {
  const states = ['KE', 'NG', 'GH', 'SN', 'TZ', 'UG', 'RW', 'ET', 'ML', 'NE', 'TD', 'CM'];
  return Array.from(
    { length: count },
    (_, index) =>
      `engagement-${states[index % states.length]}-${2026 + Math.floor(index / states.length)}`,
  );
}

/** Writes events to the outbox, `perTransaction` at a time, each batch in its own transaction. */
export async function writeEvents(
  prisma: PrismaClient,
  topic: string,
  events: readonly EngagementEvent[],
  perTransaction = 1,
): Promise<void> {
  for (let start = 0; start < events.length; start += perTransaction) {
    const slice = events.slice(start, start + perTransaction);
    await prisma.$transaction((tx) =>
      appendToOutbox(
        tx,
        slice.map((event) => outboxMessage(topic, toKafkaRecord(event))),
      ),
    );
  }
}

/** Reads an engagement event from a message, or refuses it as unprocessable. */
export function engagementEventOf(message: ReceivedMessage): EngagementEvent {
  const parsed = fromKafkaRecord(message);
  if (!parsed.ok) throw new UnprocessableEventError(parsed.reason);
  return parsed.event;
}

/** The milestone_record row an event makes. */
function milestoneRecordOf(message: ReceivedMessage) {
  const event = engagementEventOf(message);
  return {
    eventId: event.id,
    engagementId: event.engagementId,
    sequence: Number(event.id.split('/').at(-1)),
  };
}

/** The ledger's inbox: each event once, as a milestone_record row (a batch in one statement). */
export function ledgerInbox(prisma: PrismaClient, consumer = 'ledger') {
  return new Inbox({
    database: prisma,
    consumer,
    apply: async (message, tx) => {
      await tx.milestoneRecord.create({ data: milestoneRecordOf(message) });
    },
    applyAll: async (messages, tx) => {
      await tx.milestoneRecord.createMany({ data: messages.map(milestoneRecordOf) });
    },
  });
}

/** The effects applied, in the order they were applied. */
export async function appliedRecords(
  prisma: PrismaClient,
): Promise<{ eventId: string; engagementId: string; sequence: number }[]> {
  return prisma.milestoneRecord.findMany({
    orderBy: { appliedOrder: 'asc' },
    select: { eventId: true, engagementId: true, sequence: true },
  });
}

/** For each engagement, the sequences in the order they were applied. */
export function sequencesByEngagement(
  records: readonly { engagementId: string; sequence: number }[],
): Map<string, number[]> {
  const byEngagement = new Map<string, number[]>();
  for (const { engagementId, sequence } of records) {
    byEngagement.set(engagementId, [...(byEngagement.get(engagementId) ?? []), sequence]);
  }
  return byEngagement;
}

/** Tests' logger: failures are asserted, not printed. */
export const quiet = { warn: () => {}, error: () => {} };

/** The ledger's consumer of one topic, applying through its inbox. */
export function ledgerConsumer(
  broker: EventBroker,
  topic: string,
  inbox: ReturnType<typeof ledgerInbox>,
  retry?: Partial<RetryPolicy>,
): EventConsumer {
  return new EventConsumer({
    broker,
    groupId: `${topic}.ledger`,
    topics: [topic],
    handler: inbox,
    logger: quiet,
    ...(retry ? { retry } : {}),
  });
}
