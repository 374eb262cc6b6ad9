import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_plan_imports_status" AS ENUM('queued', 'running', 'done', 'failed');
  CREATE TABLE "plan_imports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer,
  	"file_name" varchar NOT NULL,
  	"status" "enum_plan_imports_status" DEFAULT 'queued' NOT NULL,
  	"pages_total" numeric NOT NULL,
  	"pages_done" numeric DEFAULT 0,
  	"code" varchar,
  	"recurrence" varchar,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"text" varchar,
  	"boxes" jsonb,
  	"page_images" jsonb,
  	"error" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "plan_imports_id" integer;
  ALTER TABLE "plan_imports" ADD CONSTRAINT "plan_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "plan_imports_user_idx" ON "plan_imports" USING btree ("user_id");
  CREATE INDEX "plan_imports_status_idx" ON "plan_imports" USING btree ("status");
  CREATE INDEX "plan_imports_updated_at_idx" ON "plan_imports" USING btree ("updated_at");
  CREATE INDEX "plan_imports_created_at_idx" ON "plan_imports" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_plan_imports_fk" FOREIGN KEY ("plan_imports_id") REFERENCES "public"."plan_imports"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_plan_imports_id_idx" ON "payload_locked_documents_rels" USING btree ("plan_imports_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "plan_imports" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "plan_imports" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_plan_imports_fk";
  
  DROP INDEX "payload_locked_documents_rels_plan_imports_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "plan_imports_id";
  DROP TYPE "public"."enum_plan_imports_status";`)
}
