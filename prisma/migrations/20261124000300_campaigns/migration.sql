-- Step 7: awareness campaigns. The campaigns table had no writer before this migration (it is empty),
-- so its new NOT NULL columns need no default.

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "change_summary" TEXT NOT NULL,
ADD COLUMN     "document_id" TEXT NOT NULL,
ADD COLUMN     "final_report" JSONB,
ADD COLUMN     "recipient_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "requested_by" TEXT NOT NULL,
ADD COLUMN     "title" TEXT NOT NULL,
ADD COLUMN     "version_number" INTEGER NOT NULL;

-- AlterTable
ALTER TABLE "know_how_sessions" ADD COLUMN     "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "registered_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "scheduled_by" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "campaign_recipients" (
    "campaign_id" TEXT NOT NULL,
    "employee_id" TEXT NOT NULL,
    "department" TEXT NOT NULL,

    CONSTRAINT "campaign_recipients_pkey" PRIMARY KEY ("campaign_id","employee_id")
);

-- CreateTable
CREATE TABLE "campaign_deliveries" (
    "campaign_id" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "employee_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "claimed_by" TEXT NOT NULL,
    "claimed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settled_at" TIMESTAMP(3),
    "detail" TEXT,

    CONSTRAINT "campaign_deliveries_pkey" PRIMARY KEY ("campaign_id","message","employee_id")
);

-- CreateIndex
CREATE INDEX "campaign_recipients_employee_id_idx" ON "campaign_recipients"("employee_id");

-- CreateIndex
CREATE INDEX "campaigns_document_id_status_idx" ON "campaigns"("document_id", "status");

-- CreateIndex
CREATE INDEX "acknowledgements_employee_id_idx" ON "acknowledgements"("employee_id");

-- CreateIndex
CREATE INDEX "know_how_sessions_campaign_id_starts_at_idx" ON "know_how_sessions"("campaign_id", "starts_at");

-- CreateIndex
CREATE INDEX "session_registrations_employee_id_idx" ON "session_registrations"("employee_id");

-- AddForeignKey
ALTER TABLE "campaign_recipients" ADD CONSTRAINT "campaign_recipients_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_deliveries" ADD CONSTRAINT "campaign_deliveries_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

