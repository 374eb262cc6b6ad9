import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_job_slots_status" AS ENUM('running', 'done', 'failed');
  CREATE TYPE "public"."enum_email_log_status" AS ENUM('sending', 'sent');
  CREATE TYPE "public"."enum_notifications_kind" AS ENUM('deadline', 'report', 'reconcile');
  CREATE TABLE "job_slots" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slot" varchar NOT NULL,
  	"job" varchar NOT NULL,
  	"status" "enum_job_slots_status" NOT NULL,
  	"attempts" numeric DEFAULT 0 NOT NULL,
  	"instance" varchar,
  	"claimed_at" timestamp(3) with time zone,
  	"lease_expires_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"last_error" varchar,
  	"result" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "quota_reports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"slot" varchar NOT NULL,
  	"plan_id" integer NOT NULL,
  	"as_of" timestamp(3) with time zone NOT NULL,
  	"totals_target" numeric,
  	"totals_achieved" numeric,
  	"totals_percent" numeric,
  	"report" jsonb NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "quota_reconcile_runs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slot" varchar NOT NULL,
  	"checked_at" timestamp(3) with time zone NOT NULL,
  	"drift" numeric NOT NULL,
  	"tallies" numeric NOT NULL,
  	"ledger_missing" numeric NOT NULL,
  	"ledger_extra" numeric NOT NULL,
  	"repaired" boolean DEFAULT false,
  	"details" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "email_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"recipients" varchar NOT NULL,
  	"subject" varchar NOT NULL,
  	"status" "enum_email_log_status" NOT NULL,
  	"attempts" numeric DEFAULT 0 NOT NULL,
  	"message_id" varchar,
  	"sent_at" timestamp(3) with time zone,
  	"last_error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"kind" "enum_notifications_kind" NOT NULL,
  	"title" varchar NOT NULL,
  	"body" varchar,
  	"link" varchar,
  	"read" boolean DEFAULT false,
  	"key" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "job_slots_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "quota_reports_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "quota_reconcile_runs_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "email_log_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notifications_id" integer;
  ALTER TABLE "quota_reports" ADD CONSTRAINT "quota_reports_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "job_slots_slot_idx" ON "job_slots" USING btree ("slot");
  CREATE INDEX "job_slots_job_idx" ON "job_slots" USING btree ("job");
  CREATE INDEX "job_slots_updated_at_idx" ON "job_slots" USING btree ("updated_at");
  CREATE INDEX "job_slots_created_at_idx" ON "job_slots" USING btree ("created_at");
  CREATE UNIQUE INDEX "quota_reports_slot_idx" ON "quota_reports" USING btree ("slot");
  CREATE INDEX "quota_reports_plan_idx" ON "quota_reports" USING btree ("plan_id");
  CREATE INDEX "quota_reports_updated_at_idx" ON "quota_reports" USING btree ("updated_at");
  CREATE INDEX "quota_reports_created_at_idx" ON "quota_reports" USING btree ("created_at");
  CREATE UNIQUE INDEX "quota_reports_filename_idx" ON "quota_reports" USING btree ("filename");
  CREATE UNIQUE INDEX "quota_reconcile_runs_slot_idx" ON "quota_reconcile_runs" USING btree ("slot");
  CREATE INDEX "quota_reconcile_runs_updated_at_idx" ON "quota_reconcile_runs" USING btree ("updated_at");
  CREATE INDEX "quota_reconcile_runs_created_at_idx" ON "quota_reconcile_runs" USING btree ("created_at");
  CREATE UNIQUE INDEX "email_log_key_idx" ON "email_log" USING btree ("key");
  CREATE INDEX "email_log_updated_at_idx" ON "email_log" USING btree ("updated_at");
  CREATE INDEX "email_log_created_at_idx" ON "email_log" USING btree ("created_at");
  CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id");
  CREATE INDEX "notifications_read_idx" ON "notifications" USING btree ("read");
  CREATE UNIQUE INDEX "notifications_key_idx" ON "notifications" USING btree ("key");
  CREATE INDEX "notifications_updated_at_idx" ON "notifications" USING btree ("updated_at");
  CREATE INDEX "notifications_created_at_idx" ON "notifications" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_job_slots_fk" FOREIGN KEY ("job_slots_id") REFERENCES "public"."job_slots"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_quota_reports_fk" FOREIGN KEY ("quota_reports_id") REFERENCES "public"."quota_reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_quota_reconcile_runs_fk" FOREIGN KEY ("quota_reconcile_runs_id") REFERENCES "public"."quota_reconcile_runs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_email_log_fk" FOREIGN KEY ("email_log_id") REFERENCES "public"."email_log"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notifications_fk" FOREIGN KEY ("notifications_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_job_slots_id_idx" ON "payload_locked_documents_rels" USING btree ("job_slots_id");
  CREATE INDEX "payload_locked_documents_rels_quota_reports_id_idx" ON "payload_locked_documents_rels" USING btree ("quota_reports_id");
  CREATE INDEX "payload_locked_documents_rels_quota_reconcile_runs_id_idx" ON "payload_locked_documents_rels" USING btree ("quota_reconcile_runs_id");
  CREATE INDEX "payload_locked_documents_rels_email_log_id_idx" ON "payload_locked_documents_rels" USING btree ("email_log_id");
  CREATE INDEX "payload_locked_documents_rels_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("notifications_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "job_slots" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "quota_reports" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "quota_reconcile_runs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "email_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notifications" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "job_slots" CASCADE;
  DROP TABLE "quota_reports" CASCADE;
  DROP TABLE "quota_reconcile_runs" CASCADE;
  DROP TABLE "email_log" CASCADE;
  DROP TABLE "notifications" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_job_slots_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_quota_reports_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_quota_reconcile_runs_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_email_log_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_notifications_fk";
  
  DROP INDEX "payload_locked_documents_rels_job_slots_id_idx";
  DROP INDEX "payload_locked_documents_rels_quota_reports_id_idx";
  DROP INDEX "payload_locked_documents_rels_quota_reconcile_runs_id_idx";
  DROP INDEX "payload_locked_documents_rels_email_log_id_idx";
  DROP INDEX "payload_locked_documents_rels_notifications_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "job_slots_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "quota_reports_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "quota_reconcile_runs_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "email_log_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notifications_id";
  DROP TYPE "public"."enum_job_slots_status";
  DROP TYPE "public"."enum_email_log_status";
  DROP TYPE "public"."enum_notifications_kind";`)
}
