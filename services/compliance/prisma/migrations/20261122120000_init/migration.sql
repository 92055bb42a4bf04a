-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('OPEN', 'DECIDED');

-- CreateEnum
CREATE TYPE "ReviewOutcome" AS ENUM ('APPROVED', 'CHANGES_REQUESTED');

-- CreateEnum
CREATE TYPE "CriterionVerdict" AS ENUM ('MET', 'NOT_MET', 'NOT_APPLICABLE');

-- CreateTable
CREATE TABLE "review" (
    "id" UUID NOT NULL,
    "review_request_id" TEXT NOT NULL,
    "engagement_id" TEXT NOT NULL,
    "partner_state" VARCHAR(2) NOT NULL,
    "cycle" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "submitted_by" TEXT NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "checklist" TEXT[],
    "status" "ReviewStatus" NOT NULL DEFAULT 'OPEN',
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "outcome" "ReviewOutcome",

    CONSTRAINT "review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "criterion_answer" (
    "review_id" UUID NOT NULL,
    "criterion_id" TEXT NOT NULL,
    "verdict" "CriterionVerdict" NOT NULL,
    "comment" TEXT,

    CONSTRAINT "criterion_answer_pkey" PRIMARY KEY ("review_id","criterion_id")
);

-- CreateTable
CREATE TABLE "finding" (
    "id" BIGSERIAL NOT NULL,
    "review_id" UUID NOT NULL,
    "criterion_id" TEXT,
    "text" TEXT NOT NULL,

    CONSTRAINT "finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "sequence" BIGSERIAL NOT NULL,
    "engagement_id" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "run_id" TEXT,
    "cause_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "previous_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("sequence")
);

-- CreateIndex
CREATE UNIQUE INDEX "review_review_request_id_key" ON "review"("review_request_id");

-- CreateIndex
CREATE INDEX "review_status_due_at_idx" ON "review"("status", "due_at");

-- CreateIndex
CREATE INDEX "review_engagement_id_idx" ON "review"("engagement_id");

-- CreateIndex
CREATE INDEX "finding_review_id_idx" ON "finding"("review_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_entry_hash_key" ON "audit_entry"("hash");

-- CreateIndex
CREATE INDEX "audit_entry_engagement_id_sequence_idx" ON "audit_entry"("engagement_id", "sequence");

-- AddForeignKey
ALTER TABLE "criterion_answer" ADD CONSTRAINT "criterion_answer_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit trail is append-only: the service never updates or deletes an entry. Whoever can
-- still do it (the table's owner disabling this trigger) is caught by the hash chain.
CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER "audit_entry_append_only" BEFORE UPDATE OR DELETE ON "audit_entry"
    FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"();

-- The outbox and inbox tables of @cttech/messaging (see messaging.prisma).
CREATE TABLE "outbox_event" (
    "position" BIGSERIAL NOT NULL,
    "event_id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("position")
);
CREATE UNIQUE INDEX "outbox_event_event_id_key" ON "outbox_event"("event_id");
-- what the relay reads: unpublished rows in position order, and per key
CREATE INDEX "outbox_event_unpublished_idx" ON "outbox_event"("position") WHERE "published_at" IS NULL;
CREATE INDEX "outbox_event_unpublished_key_idx" ON "outbox_event"("topic", "key", "position") WHERE "published_at" IS NULL;

CREATE TABLE "inbox_event" (
    "consumer" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "inbox_event_pkey" PRIMARY KEY ("consumer", "event_id")
);
