-- CreateEnum
CREATE TYPE "ActivityKind" AS ENUM ('KICK_OFF_MEETING', 'NATIONAL_WORKSHOP', 'ONLINE_COURSE', 'IN_PERSON_TRAINING');

-- CreateEnum
CREATE TYPE "ActivityStatus" AS ENUM ('PLANNED', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ParticipantSex" AS ENUM ('WOMAN', 'MAN', 'UNDISCLOSED');

-- CreateTable
CREATE TABLE "activity" (
    "id" TEXT NOT NULL,
    "engagement_id" TEXT NOT NULL,
    "partner_state" VARCHAR(2) NOT NULL,
    "cycle" INTEGER NOT NULL,
    "origin" TEXT NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "title" TEXT NOT NULL,
    "course_id" TEXT,
    "course" TEXT,
    "status" "ActivityStatus" NOT NULL DEFAULT 'PLANNED',
    "start_date" DATE,
    "end_date" DATE,
    "seats" INTEGER,
    "venue_or_platform" TEXT,
    "trainers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "planned_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "cancelled_at" TIMESTAMPTZ(3),
    "closed_by" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "women" INTEGER,
    "men" INTEGER,
    "undisclosed" INTEGER,
    "human_rights_module_delivered" BOOLEAN,

    CONSTRAINT "activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "activity_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "added_by" TEXT NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "participant" (
    "id" TEXT NOT NULL,
    "activity_id" TEXT NOT NULL,
    "sex" "ParticipantSex" NOT NULL,
    "agency" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "sealed_name" TEXT,
    "sealed_contact" TEXT,
    "registered_by" TEXT NOT NULL,
    "registered_at" TIMESTAMPTZ(3) NOT NULL,
    "personal_data_erased_by" TEXT,
    "personal_data_erased_at" TIMESTAMPTZ(3),

    CONSTRAINT "participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendance" (
    "session_id" TEXT NOT NULL,
    "participant_id" TEXT NOT NULL,

    CONSTRAINT "attendance_pkey" PRIMARY KEY ("session_id","participant_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "activity_engagement_id_origin_key" ON "activity"("engagement_id", "origin");

-- CreateIndex
CREATE INDEX "activity_partner_state_idx" ON "activity"("partner_state");

-- CreateIndex
CREATE INDEX "session_activity_id_date_idx" ON "session"("activity_id", "date");

-- CreateIndex
CREATE INDEX "participant_activity_id_idx" ON "participant"("activity_id");

-- CreateIndex
CREATE INDEX "attendance_participant_id_idx" ON "attendance"("participant_id");

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participant" ADD CONSTRAINT "participant_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

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
