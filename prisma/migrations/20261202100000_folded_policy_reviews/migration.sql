-- AlterTable
ALTER TABLE "policy_reviews" ADD COLUMN     "carried_into_id" TEXT;

-- CreateIndex
CREATE INDEX "policy_reviews_outcome_carried_into_id_idx" ON "policy_reviews"("outcome", "carried_into_id");

