-- AlterTable
ALTER TABLE "explanations" DROP COLUMN "measure_taken",
DROP COLUMN "what_happened",
DROP COLUMN "why_it_matters",
DROP COLUMN "why_that_measure",
ADD COLUMN     "kind" TEXT NOT NULL,
ADD COLUMN     "parts" JSONB NOT NULL,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "title" TEXT NOT NULL,
ADD COLUMN     "withdrawn_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "social_posts" (
    "idempotency_key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "delivered_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "social_posts_pkey" PRIMARY KEY ("idempotency_key")
);

