-- AlterTable
ALTER TABLE "review" ADD COLUMN     "edited_by" TEXT[] DEFAULT ARRAY[]::TEXT[];
