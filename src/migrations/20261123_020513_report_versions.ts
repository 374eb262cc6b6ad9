import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "quota_versions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"scope" varchar NOT NULL,
  	"version" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "quota_versions_id" integer;
  CREATE UNIQUE INDEX "quota_versions_scope_idx" ON "quota_versions" USING btree ("scope");
  CREATE INDEX "quota_versions_updated_at_idx" ON "quota_versions" USING btree ("updated_at");
  CREATE INDEX "quota_versions_created_at_idx" ON "quota_versions" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_quota_versions_fk" FOREIGN KEY ("quota_versions_id") REFERENCES "public"."quota_versions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_quota_versions_id_idx" ON "payload_locked_documents_rels" USING btree ("quota_versions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "quota_versions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "quota_versions" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_quota_versions_fk";
  
  DROP INDEX "payload_locked_documents_rels_quota_versions_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "quota_versions_id";`)
}
