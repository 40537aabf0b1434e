-- Issue 11: the API's append-only audit trail, legal holds, two-person sanction matrix changes, pseudonymisation markers.

-- AlterTable
ALTER TABLE "employees" ADD COLUMN     "erased_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "pseudonymised_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "request_id" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "roles" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "action" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "case_id" TEXT,
    "object_id" TEXT,
    "status" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "code" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "legal_holds" (
    "id" TEXT NOT NULL,
    "case_id" TEXT,
    "employee_id" TEXT,
    "reason" TEXT NOT NULL,
    "placed_by" TEXT NOT NULL,
    "placed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "released_by" TEXT,
    "released_at" TIMESTAMP(3),
    "release_reason" TEXT,

    CONSTRAINT "legal_holds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sanction_matrix_proposals" (
    "id" TEXT NOT NULL,
    "rules" JSONB NOT NULL,
    "proposed_by" TEXT NOT NULL,
    "proposed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL,
    "decided_by" TEXT,
    "decided_at" TIMESTAMP(3),
    "note" TEXT,
    "version" INTEGER,

    CONSTRAINT "sanction_matrix_proposals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_actor_at_idx" ON "audit_log"("actor", "at");

-- CreateIndex
CREATE INDEX "audit_log_case_id_at_idx" ON "audit_log"("case_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");

-- CreateIndex
CREATE INDEX "legal_holds_case_id_idx" ON "legal_holds"("case_id");

-- CreateIndex
CREATE INDEX "legal_holds_employee_id_idx" ON "legal_holds"("employee_id");

-- CreateIndex
CREATE INDEX "sanction_matrix_proposals_status_proposed_at_idx" ON "sanction_matrix_proposals"("status", "proposed_at");

-- CreateIndex
CREATE INDEX "cases_closed_at_idx" ON "cases"("closed_at");


-- The audit trail is append-only for every database role the app may use: rows can be added, never changed or removed.
-- The function body spells its semicolon as \073 in an E'' string: the migration runner splits scripts at every literal semicolon.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''audit_log is append-only: % is not allowed'', TG_OP USING ERRCODE = ''insufficient_privilege''\073 END';

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
