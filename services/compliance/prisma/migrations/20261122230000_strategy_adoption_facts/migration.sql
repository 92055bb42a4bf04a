-- AlterTable
ALTER TABLE "indicator_engagement" ADD COLUMN     "recommendations_acted_on" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "women_share_in_design" DOUBLE PRECISION,
ADD COLUMN     "public_private_mechanism" BOOLEAN NOT NULL DEFAULT false;
