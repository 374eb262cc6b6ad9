import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_notifications_kind" ADD VALUE 'planned';
  CREATE TABLE "calendar_feeds" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"plan_id" integer,
  	"owner_id" integer,
  	"revoked" boolean DEFAULT false,
  	"revoked_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "articles" ADD COLUMN "planned_date" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "assignee_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_planned_date" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_assignee_id" integer;
  ALTER TABLE "infographics" ADD COLUMN "planned_date" timestamp(3) with time zone;
  ALTER TABLE "infographics" ADD COLUMN "assignee_id" integer;
  ALTER TABLE "_infographics_v" ADD COLUMN "version_planned_date" timestamp(3) with time zone;
  ALTER TABLE "_infographics_v" ADD COLUMN "version_assignee_id" integer;
  ALTER TABLE "videos" ADD COLUMN "planned_date" timestamp(3) with time zone;
  ALTER TABLE "videos" ADD COLUMN "assignee_id" integer;
  ALTER TABLE "_videos_v" ADD COLUMN "version_planned_date" timestamp(3) with time zone;
  ALTER TABLE "_videos_v" ADD COLUMN "version_assignee_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "calendar_feeds_id" integer;
  ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "calendar_feeds_plan_idx" ON "calendar_feeds" USING btree ("plan_id");
  CREATE INDEX "calendar_feeds_owner_idx" ON "calendar_feeds" USING btree ("owner_id");
  CREATE INDEX "calendar_feeds_updated_at_idx" ON "calendar_feeds" USING btree ("updated_at");
  CREATE INDEX "calendar_feeds_created_at_idx" ON "calendar_feeds" USING btree ("created_at");
  ALTER TABLE "articles" ADD CONSTRAINT "articles_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_assignee_id_users_id_fk" FOREIGN KEY ("version_assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "infographics" ADD CONSTRAINT "infographics_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_infographics_v" ADD CONSTRAINT "_infographics_v_version_assignee_id_users_id_fk" FOREIGN KEY ("version_assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "videos" ADD CONSTRAINT "videos_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_videos_v" ADD CONSTRAINT "_videos_v_version_assignee_id_users_id_fk" FOREIGN KEY ("version_assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_calendar_feeds_fk" FOREIGN KEY ("calendar_feeds_id") REFERENCES "public"."calendar_feeds"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_planned_date_idx" ON "articles" USING btree ("planned_date");
  CREATE INDEX "articles_assignee_idx" ON "articles" USING btree ("assignee_id");
  CREATE INDEX "_articles_v_version_version_planned_date_idx" ON "_articles_v" USING btree ("version_planned_date");
  CREATE INDEX "_articles_v_version_version_assignee_idx" ON "_articles_v" USING btree ("version_assignee_id");
  CREATE INDEX "infographics_planned_date_idx" ON "infographics" USING btree ("planned_date");
  CREATE INDEX "infographics_assignee_idx" ON "infographics" USING btree ("assignee_id");
  CREATE INDEX "_infographics_v_version_version_planned_date_idx" ON "_infographics_v" USING btree ("version_planned_date");
  CREATE INDEX "_infographics_v_version_version_assignee_idx" ON "_infographics_v" USING btree ("version_assignee_id");
  CREATE INDEX "videos_planned_date_idx" ON "videos" USING btree ("planned_date");
  CREATE INDEX "videos_assignee_idx" ON "videos" USING btree ("assignee_id");
  CREATE INDEX "_videos_v_version_version_planned_date_idx" ON "_videos_v" USING btree ("version_planned_date");
  CREATE INDEX "_videos_v_version_version_assignee_idx" ON "_videos_v" USING btree ("version_assignee_id");
  CREATE INDEX "payload_locked_documents_rels_calendar_feeds_id_idx" ON "payload_locked_documents_rels" USING btree ("calendar_feeds_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "calendar_feeds" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "calendar_feeds" CASCADE;
  ALTER TABLE "articles" DROP CONSTRAINT "articles_assignee_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_assignee_id_users_id_fk";
  
  ALTER TABLE "infographics" DROP CONSTRAINT "infographics_assignee_id_users_id_fk";
  
  ALTER TABLE "_infographics_v" DROP CONSTRAINT "_infographics_v_version_assignee_id_users_id_fk";
  
  ALTER TABLE "videos" DROP CONSTRAINT "videos_assignee_id_users_id_fk";
  
  ALTER TABLE "_videos_v" DROP CONSTRAINT "_videos_v_version_assignee_id_users_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_calendar_feeds_fk";
  
  ALTER TABLE "notifications" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_notifications_kind";
  CREATE TYPE "public"."enum_notifications_kind" AS ENUM('deadline', 'report', 'reconcile', 'review');
  ALTER TABLE "notifications" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_notifications_kind" USING "kind"::"public"."enum_notifications_kind";
  DROP INDEX "articles_planned_date_idx";
  DROP INDEX "articles_assignee_idx";
  DROP INDEX "_articles_v_version_version_planned_date_idx";
  DROP INDEX "_articles_v_version_version_assignee_idx";
  DROP INDEX "infographics_planned_date_idx";
  DROP INDEX "infographics_assignee_idx";
  DROP INDEX "_infographics_v_version_version_planned_date_idx";
  DROP INDEX "_infographics_v_version_version_assignee_idx";
  DROP INDEX "videos_planned_date_idx";
  DROP INDEX "videos_assignee_idx";
  DROP INDEX "_videos_v_version_version_planned_date_idx";
  DROP INDEX "_videos_v_version_version_assignee_idx";
  DROP INDEX "payload_locked_documents_rels_calendar_feeds_id_idx";
  ALTER TABLE "articles" DROP COLUMN "planned_date";
  ALTER TABLE "articles" DROP COLUMN "assignee_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_planned_date";
  ALTER TABLE "_articles_v" DROP COLUMN "version_assignee_id";
  ALTER TABLE "infographics" DROP COLUMN "planned_date";
  ALTER TABLE "infographics" DROP COLUMN "assignee_id";
  ALTER TABLE "_infographics_v" DROP COLUMN "version_planned_date";
  ALTER TABLE "_infographics_v" DROP COLUMN "version_assignee_id";
  ALTER TABLE "videos" DROP COLUMN "planned_date";
  ALTER TABLE "videos" DROP COLUMN "assignee_id";
  ALTER TABLE "_videos_v" DROP COLUMN "version_planned_date";
  ALTER TABLE "_videos_v" DROP COLUMN "version_assignee_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "calendar_feeds_id";`)
}
