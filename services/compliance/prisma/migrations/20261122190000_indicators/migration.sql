-- CreateTable
CREATE TABLE "indicator_engagement" (
    "engagement_id" TEXT NOT NULL,
    "partner_state" VARCHAR(2) NOT NULL,
    "cycle" INTEGER NOT NULL,
    "stage" TEXT,
    "completed" BOOLEAN NOT NULL DEFAULT false,
    "strategy_adopted" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "indicator_engagement_pkey" PRIMARY KEY ("engagement_id")
);

-- CreateTable
CREATE TABLE "indicator_training_delivery" (
    "engagement_id" TEXT NOT NULL,
    "course_id" TEXT NOT NULL,
    "partner_state" VARCHAR(2) NOT NULL,
    "women" INTEGER NOT NULL,
    "men" INTEGER NOT NULL,
    "undisclosed" INTEGER NOT NULL,
    "human_rights_module_delivered" BOOLEAN NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "event_id" TEXT NOT NULL,

    CONSTRAINT "indicator_training_delivery_pkey" PRIMARY KEY ("engagement_id","course_id")
);

-- CreateIndex
CREATE INDEX "indicator_engagement_partner_state_idx" ON "indicator_engagement"("partner_state");

-- CreateIndex
CREATE INDEX "indicator_training_delivery_partner_state_idx" ON "indicator_training_delivery"("partner_state");
