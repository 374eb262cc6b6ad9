import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "quota_contributions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"content_type" varchar NOT NULL,
  	"item" numeric NOT NULL,
  	"task" numeric NOT NULL,
  	"channel" numeric NOT NULL,
  	"day" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "quota_tallies" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"task" numeric NOT NULL,
  	"channel" numeric NOT NULL,
  	"content_type" varchar NOT NULL,
  	"day" varchar NOT NULL,
  	"count" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "articles" ADD COLUMN "deleted_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_deleted_at" timestamp(3) with time zone;
  ALTER TABLE "infographics" ADD COLUMN "deleted_at" timestamp(3) with time zone;
  ALTER TABLE "_infographics_v" ADD COLUMN "version_deleted_at" timestamp(3) with time zone;
  ALTER TABLE "videos" ADD COLUMN "deleted_at" timestamp(3) with time zone;
  ALTER TABLE "_videos_v" ADD COLUMN "version_deleted_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "quota_contributions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "quota_tallies_id" integer;
  CREATE INDEX "quota_contributions_updated_at_idx" ON "quota_contributions" USING btree ("updated_at");
  CREATE INDEX "quota_contributions_created_at_idx" ON "quota_contributions" USING btree ("created_at");
  CREATE UNIQUE INDEX "contentType_item_task_channel_day_idx" ON "quota_contributions" USING btree ("content_type","item","task","channel","day");
  CREATE INDEX "task_channel_day_idx" ON "quota_contributions" USING btree ("task","channel","day");
  CREATE INDEX "quota_tallies_updated_at_idx" ON "quota_tallies" USING btree ("updated_at");
  CREATE INDEX "quota_tallies_created_at_idx" ON "quota_tallies" USING btree ("created_at");
  CREATE UNIQUE INDEX "task_channel_contentType_day_idx" ON "quota_tallies" USING btree ("task","channel","content_type","day");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_quota_contributions_fk" FOREIGN KEY ("quota_contributions_id") REFERENCES "public"."quota_contributions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_quota_tallies_fk" FOREIGN KEY ("quota_tallies_id") REFERENCES "public"."quota_tallies"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_deleted_at_idx" ON "articles" USING btree ("deleted_at");
  CREATE INDEX "_articles_v_version_version_deleted_at_idx" ON "_articles_v" USING btree ("version_deleted_at");
  CREATE INDEX "infographics_deleted_at_idx" ON "infographics" USING btree ("deleted_at");
  CREATE INDEX "_infographics_v_version_version_deleted_at_idx" ON "_infographics_v" USING btree ("version_deleted_at");
  CREATE INDEX "videos_deleted_at_idx" ON "videos" USING btree ("deleted_at");
  CREATE INDEX "_videos_v_version_version_deleted_at_idx" ON "_videos_v" USING btree ("version_deleted_at");
  CREATE INDEX "payload_locked_documents_rels_quota_contributions_id_idx" ON "payload_locked_documents_rels" USING btree ("quota_contributions_id");
  CREATE INDEX "payload_locked_documents_rels_quota_tallies_id_idx" ON "payload_locked_documents_rels" USING btree ("quota_tallies_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "quota_contributions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "quota_tallies" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "quota_contributions" CASCADE;
  DROP TABLE "quota_tallies" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_quota_contributions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_quota_tallies_fk";
  
  DROP INDEX "articles_deleted_at_idx";
  DROP INDEX "_articles_v_version_version_deleted_at_idx";
  DROP INDEX "infographics_deleted_at_idx";
  DROP INDEX "_infographics_v_version_version_deleted_at_idx";
  DROP INDEX "videos_deleted_at_idx";
  DROP INDEX "_videos_v_version_version_deleted_at_idx";
  DROP INDEX "payload_locked_documents_rels_quota_contributions_id_idx";
  DROP INDEX "payload_locked_documents_rels_quota_tallies_id_idx";
  ALTER TABLE "articles" DROP COLUMN "deleted_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_deleted_at";
  ALTER TABLE "infographics" DROP COLUMN "deleted_at";
  ALTER TABLE "_infographics_v" DROP COLUMN "version_deleted_at";
  ALTER TABLE "videos" DROP COLUMN "deleted_at";
  ALTER TABLE "_videos_v" DROP COLUMN "version_deleted_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "quota_contributions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "quota_tallies_id";`)
}
