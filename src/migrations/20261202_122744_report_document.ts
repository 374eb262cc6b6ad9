import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "units" ADD COLUMN "letterhead_parent_body" varchar;
  ALTER TABLE "units" ADD COLUMN "letterhead_code" varchar;
  ALTER TABLE "units" ADD COLUMN "letterhead_place" varchar;
  ALTER TABLE "plans" ADD COLUMN "report_document_issuing_unit_id" integer;
  ALTER TABLE "plans" ADD COLUMN "report_document_signer_authority" varchar;
  ALTER TABLE "plans" ADD COLUMN "report_document_signer_title" varchar;
  ALTER TABLE "plans" ADD COLUMN "report_document_signer_name" varchar;
  ALTER TABLE "plans" ADD COLUMN "report_document_recipients" varchar;
  ALTER TABLE "quota_reports" ADD COLUMN "issues" varchar;
  ALTER TABLE "quota_reports" ADD COLUMN "directions" varchar;
  ALTER TABLE "quota_reports" ADD COLUMN "signer_id" integer;
  ALTER TABLE "quota_reports" ADD COLUMN "sent" boolean DEFAULT false;
  ALTER TABLE "quota_reports" ADD COLUMN "sent_at" timestamp(3) with time zone;
  ALTER TABLE "quota_reports" ADD COLUMN "evidence" jsonb;
  ALTER TABLE "plans" ADD CONSTRAINT "plans_report_document_issuing_unit_id_units_id_fk" FOREIGN KEY ("report_document_issuing_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "quota_reports" ADD CONSTRAINT "quota_reports_signer_id_users_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "plans_report_document_report_document_issuing_unit_idx" ON "plans" USING btree ("report_document_issuing_unit_id");
  CREATE INDEX "quota_reports_signer_idx" ON "quota_reports" USING btree ("signer_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "plans" DROP CONSTRAINT "plans_report_document_issuing_unit_id_units_id_fk";
  
  ALTER TABLE "quota_reports" DROP CONSTRAINT "quota_reports_signer_id_users_id_fk";
  
  DROP INDEX "plans_report_document_report_document_issuing_unit_idx";
  DROP INDEX "quota_reports_signer_idx";
  ALTER TABLE "units" DROP COLUMN "letterhead_parent_body";
  ALTER TABLE "units" DROP COLUMN "letterhead_code";
  ALTER TABLE "units" DROP COLUMN "letterhead_place";
  ALTER TABLE "plans" DROP COLUMN "report_document_issuing_unit_id";
  ALTER TABLE "plans" DROP COLUMN "report_document_signer_authority";
  ALTER TABLE "plans" DROP COLUMN "report_document_signer_title";
  ALTER TABLE "plans" DROP COLUMN "report_document_signer_name";
  ALTER TABLE "plans" DROP COLUMN "report_document_recipients";
  ALTER TABLE "quota_reports" DROP COLUMN "issues";
  ALTER TABLE "quota_reports" DROP COLUMN "directions";
  ALTER TABLE "quota_reports" DROP COLUMN "signer_id";
  ALTER TABLE "quota_reports" DROP COLUMN "sent";
  ALTER TABLE "quota_reports" DROP COLUMN "sent_at";
  ALTER TABLE "quota_reports" DROP COLUMN "evidence";`)
}
