-- CreateTable
CREATE TABLE "human_rights_hold" (
    "id" UUID NOT NULL,
    "engagement_id" TEXT NOT NULL,
    "partner_state" VARCHAR(2) NOT NULL,
    "cycle" INTEGER NOT NULL,
    "open_for" TEXT,
    "concern" TEXT NOT NULL,
    "placed_by" TEXT NOT NULL,
    "placed_at" TIMESTAMPTZ(3) NOT NULL,
    "lifted_by" TEXT,
    "lifted_at" TIMESTAMPTZ(3),
    "resolution" TEXT,

    CONSTRAINT "human_rights_hold_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "human_rights_hold_open_for_key" ON "human_rights_hold"("open_for");

-- CreateIndex
CREATE INDEX "human_rights_hold_engagement_id_placed_at_idx" ON "human_rights_hold"("engagement_id", "placed_at");
