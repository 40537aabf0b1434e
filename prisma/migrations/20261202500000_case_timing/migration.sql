-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "timing" JSONB;

