-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('EVENT', 'DIGEST');

-- CreateEnum
CREATE TYPE "DeliveryChannel" AS ENUM ('EMAIL', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENT', 'DEAD', 'CANCELLED');

-- CreateTable
CREATE TABLE "recipient" (
    "user_id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "roles" TEXT[],
    "partner_states" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recipient_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "notification_preference" (
    "recipient_id" TEXT NOT NULL,
    "email" BOOLEAN NOT NULL DEFAULT true,
    "webhook" BOOLEAN NOT NULL DEFAULT true,
    "digest_only" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("recipient_id")
);

-- CreateTable
CREATE TABLE "webhook" (
    "id" UUID NOT NULL,
    "recipient_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "removed_at" TIMESTAMPTZ(3),

    CONSTRAINT "webhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL DEFAULT 'EVENT',
    "event_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "recipient_id" TEXT NOT NULL,
    "engagement_id" TEXT,
    "partner_state" VARCHAR(2),
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery" (
    "id" UUID NOT NULL,
    "notification_id" UUID NOT NULL,
    "channel" "DeliveryChannel" NOT NULL,
    "webhook_id" UUID,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_recipient_id_idx" ON "webhook"("recipient_id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_event_id_recipient_id_key" ON "notification"("event_id", "recipient_id");

-- CreateIndex
CREATE INDEX "notification_recipient_id_created_at_idx" ON "notification"("recipient_id", "created_at");

-- CreateIndex (by hand: NULLS NOT DISTINCT, so a notification has one e-mail delivery, whose
-- webhook_id is null, and one delivery per webhook)
CREATE UNIQUE INDEX "delivery_notification_id_channel_webhook_id_key" ON "delivery"("notification_id", "channel", "webhook_id") NULLS NOT DISTINCT;

-- CreateIndex
CREATE INDEX "delivery_status_next_attempt_at_idx" ON "delivery"("status", "next_attempt_at");

-- AddForeignKey
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "recipient"("user_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook" ADD CONSTRAINT "webhook_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "recipient"("user_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "recipient"("user_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhook"("id") ON DELETE SET NULL ON UPDATE CASCADE;

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
