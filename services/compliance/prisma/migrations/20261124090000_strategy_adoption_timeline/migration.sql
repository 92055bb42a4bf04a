-- AlterTable
ALTER TABLE "indicator_engagement" ADD COLUMN     "instrument_type" TEXT,
ADD COLUMN     "adoption_date" DATE;
