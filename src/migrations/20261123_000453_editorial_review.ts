import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_review_history_action" AS ENUM('submit', 'withdraw', 'approve', 'return');
  CREATE TYPE "public"."enum_articles_review_history_from" AS ENUM('draft', 'submitted', 'approved', 'returned');
  CREATE TYPE "public"."enum_articles_review_history_to" AS ENUM('draft', 'submitted', 'approved', 'returned');
  CREATE TYPE "public"."enum_articles_review_state" AS ENUM('draft', 'submitted', 'approved', 'returned');
  CREATE TYPE "public"."enum__articles_v_version_review_history_action" AS ENUM('submit', 'withdraw', 'approve', 'return');
  CREATE TYPE "public"."enum__articles_v_version_review_history_from" AS ENUM('draft', 'submitted', 'approved', 'returned');
  CREATE TYPE "public"."enum__articles_v_version_review_history_to" AS ENUM('draft', 'submitted', 'approved', 'returned');
  CREATE TYPE "public"."enum__articles_v_version_review_state" AS ENUM('draft', 'submitted', 'approved', 'returned');
  CREATE TYPE "public"."enum_infographics_review_history_action" AS ENUM('submit', 'withdraw', 'approve', 'return');
  CREATE TYPE "public"."enum_infographics_review_history_from" AS ENUM('draft', 'submitted', 'approved', 'returned');
  CREATE TYPE "public"."enum_infographics_review_history_to" AS ENUM('draft', 'submitted', 'approved', 'returned');
  CREATE TYPE "public"."enum_infographics_review_state" AS ENUM('draft', 'submitted', 'approved', 'returned');
  CREATE TYPE "public"."enum__infographics_v_version_review_history_action" AS ENUM('submit', 'withdraw', 'approve', 'return');
  CREATE TYPE "public"."enum__infographics_v_version_review_history_from" AS ENUM('draft', 'submitted', 'approved', 'returned');
  CREATE TYPE "public"."enum__infographics_v_version_review_history_to" AS ENUM('draft', 'submitted', 'approved', 'returned');
  CREATE TYPE "public"."enum__infographics_v_version_review_state" AS ENUM('draft', 'submitted', 'approved', 'returned');
  CREATE TYPE "public"."enum_videos_review_history_action" AS ENUM('submit', 'withdraw', 'approve', 'return');
  CREATE TYPE "public"."enum_videos_review_history_from" AS ENUM('draft', 'submitted', 'approved', 'returned');
  CREATE TYPE "public"."enum_videos_review_history_to" AS ENUM('draft', 'submitted', 'approved', 'returned');
  CREATE TYPE "public"."enum_videos_review_state" AS ENUM('draft', 'submitted', 'approved', 'returned');
  CREATE TYPE "public"."enum__videos_v_version_review_history_action" AS ENUM('submit', 'withdraw', 'approve', 'return');
  CREATE TYPE "public"."enum__videos_v_version_review_history_from" AS ENUM('draft', 'submitted', 'approved', 'returned');
  CREATE TYPE "public"."enum__videos_v_version_review_history_to" AS ENUM('draft', 'submitted', 'approved', 'returned');
  CREATE TYPE "public"."enum__videos_v_version_review_state" AS ENUM('draft', 'submitted', 'approved', 'returned');
  ALTER TYPE "public"."enum_notifications_kind" ADD VALUE 'review';
  CREATE TABLE "users_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"units_id" integer
  );
  
  CREATE TABLE "articles_review_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"action" "enum_articles_review_history_action",
  	"by_id" integer,
  	"at" timestamp(3) with time zone,
  	"from" "enum_articles_review_history_from",
  	"to" "enum_articles_review_history_to",
  	"publish_at" timestamp(3) with time zone,
  	"reason" varchar
  );
  
  CREATE TABLE "_articles_v_version_review_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum__articles_v_version_review_history_action",
  	"by_id" integer,
  	"at" timestamp(3) with time zone,
  	"from" "enum__articles_v_version_review_history_from",
  	"to" "enum__articles_v_version_review_history_to",
  	"publish_at" timestamp(3) with time zone,
  	"reason" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "infographics_review_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"action" "enum_infographics_review_history_action",
  	"by_id" integer,
  	"at" timestamp(3) with time zone,
  	"from" "enum_infographics_review_history_from",
  	"to" "enum_infographics_review_history_to",
  	"publish_at" timestamp(3) with time zone,
  	"reason" varchar
  );
  
  CREATE TABLE "_infographics_v_version_review_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum__infographics_v_version_review_history_action",
  	"by_id" integer,
  	"at" timestamp(3) with time zone,
  	"from" "enum__infographics_v_version_review_history_from",
  	"to" "enum__infographics_v_version_review_history_to",
  	"publish_at" timestamp(3) with time zone,
  	"reason" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "videos_review_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"action" "enum_videos_review_history_action",
  	"by_id" integer,
  	"at" timestamp(3) with time zone,
  	"from" "enum_videos_review_history_from",
  	"to" "enum_videos_review_history_to",
  	"publish_at" timestamp(3) with time zone,
  	"reason" varchar
  );
  
  CREATE TABLE "_videos_v_version_review_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum__videos_v_version_review_history_action",
  	"by_id" integer,
  	"at" timestamp(3) with time zone,
  	"from" "enum__videos_v_version_review_history_from",
  	"to" "enum__videos_v_version_review_history_to",
  	"publish_at" timestamp(3) with time zone,
  	"reason" varchar,
  	"_uuid" varchar
  );
  
  ALTER TABLE "articles" ADD COLUMN "review_state" "enum_articles_review_state" DEFAULT 'draft';
  ALTER TABLE "articles" ADD COLUMN "review_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "review_submitted_by_id" integer;
  ALTER TABLE "articles" ADD COLUMN "review_reviewed_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "review_reviewed_by_id" integer;
  ALTER TABLE "articles" ADD COLUMN "review_reason" varchar;
  ALTER TABLE "articles" ADD COLUMN "review_publish_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_state" "enum__articles_v_version_review_state" DEFAULT 'draft';
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_submitted_by_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_reviewed_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_reviewed_by_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_reason" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_review_publish_at" timestamp(3) with time zone;
  ALTER TABLE "infographics" ADD COLUMN "review_state" "enum_infographics_review_state" DEFAULT 'draft';
  ALTER TABLE "infographics" ADD COLUMN "review_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "infographics" ADD COLUMN "review_submitted_by_id" integer;
  ALTER TABLE "infographics" ADD COLUMN "review_reviewed_at" timestamp(3) with time zone;
  ALTER TABLE "infographics" ADD COLUMN "review_reviewed_by_id" integer;
  ALTER TABLE "infographics" ADD COLUMN "review_reason" varchar;
  ALTER TABLE "infographics" ADD COLUMN "review_publish_at" timestamp(3) with time zone;
  ALTER TABLE "_infographics_v" ADD COLUMN "version_review_state" "enum__infographics_v_version_review_state" DEFAULT 'draft';
  ALTER TABLE "_infographics_v" ADD COLUMN "version_review_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "_infographics_v" ADD COLUMN "version_review_submitted_by_id" integer;
  ALTER TABLE "_infographics_v" ADD COLUMN "version_review_reviewed_at" timestamp(3) with time zone;
  ALTER TABLE "_infographics_v" ADD COLUMN "version_review_reviewed_by_id" integer;
  ALTER TABLE "_infographics_v" ADD COLUMN "version_review_reason" varchar;
  ALTER TABLE "_infographics_v" ADD COLUMN "version_review_publish_at" timestamp(3) with time zone;
  ALTER TABLE "videos" ADD COLUMN "review_state" "enum_videos_review_state" DEFAULT 'draft';
  ALTER TABLE "videos" ADD COLUMN "review_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "videos" ADD COLUMN "review_submitted_by_id" integer;
  ALTER TABLE "videos" ADD COLUMN "review_reviewed_at" timestamp(3) with time zone;
  ALTER TABLE "videos" ADD COLUMN "review_reviewed_by_id" integer;
  ALTER TABLE "videos" ADD COLUMN "review_reason" varchar;
  ALTER TABLE "videos" ADD COLUMN "review_publish_at" timestamp(3) with time zone;
  ALTER TABLE "_videos_v" ADD COLUMN "version_review_state" "enum__videos_v_version_review_state" DEFAULT 'draft';
  ALTER TABLE "_videos_v" ADD COLUMN "version_review_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "_videos_v" ADD COLUMN "version_review_submitted_by_id" integer;
  ALTER TABLE "_videos_v" ADD COLUMN "version_review_reviewed_at" timestamp(3) with time zone;
  ALTER TABLE "_videos_v" ADD COLUMN "version_review_reviewed_by_id" integer;
  ALTER TABLE "_videos_v" ADD COLUMN "version_review_reason" varchar;
  ALTER TABLE "_videos_v" ADD COLUMN "version_review_publish_at" timestamp(3) with time zone;
  ALTER TABLE "units" ADD COLUMN "requires_review" boolean DEFAULT true;
  ALTER TABLE "users_rels" ADD CONSTRAINT "users_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_rels" ADD CONSTRAINT "users_rels_units_fk" FOREIGN KEY ("units_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_review_history" ADD CONSTRAINT "articles_review_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_review_history" ADD CONSTRAINT "articles_review_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_version_review_history" ADD CONSTRAINT "_articles_v_version_review_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_version_review_history" ADD CONSTRAINT "_articles_v_version_review_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "infographics_review_history" ADD CONSTRAINT "infographics_review_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "infographics_review_history" ADD CONSTRAINT "infographics_review_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."infographics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_infographics_v_version_review_history" ADD CONSTRAINT "_infographics_v_version_review_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_infographics_v_version_review_history" ADD CONSTRAINT "_infographics_v_version_review_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_infographics_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "videos_review_history" ADD CONSTRAINT "videos_review_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "videos_review_history" ADD CONSTRAINT "videos_review_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_videos_v_version_review_history" ADD CONSTRAINT "_videos_v_version_review_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_videos_v_version_review_history" ADD CONSTRAINT "_videos_v_version_review_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_videos_v"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_rels_order_idx" ON "users_rels" USING btree ("order");
  CREATE INDEX "users_rels_parent_idx" ON "users_rels" USING btree ("parent_id");
  CREATE INDEX "users_rels_path_idx" ON "users_rels" USING btree ("path");
  CREATE INDEX "users_rels_units_id_idx" ON "users_rels" USING btree ("units_id");
  CREATE INDEX "articles_review_history_order_idx" ON "articles_review_history" USING btree ("_order");
  CREATE INDEX "articles_review_history_parent_id_idx" ON "articles_review_history" USING btree ("_parent_id");
  CREATE INDEX "articles_review_history_by_idx" ON "articles_review_history" USING btree ("by_id");
  CREATE INDEX "_articles_v_version_review_history_order_idx" ON "_articles_v_version_review_history" USING btree ("_order");
  CREATE INDEX "_articles_v_version_review_history_parent_id_idx" ON "_articles_v_version_review_history" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_version_review_history_by_idx" ON "_articles_v_version_review_history" USING btree ("by_id");
  CREATE INDEX "infographics_review_history_order_idx" ON "infographics_review_history" USING btree ("_order");
  CREATE INDEX "infographics_review_history_parent_id_idx" ON "infographics_review_history" USING btree ("_parent_id");
  CREATE INDEX "infographics_review_history_by_idx" ON "infographics_review_history" USING btree ("by_id");
  CREATE INDEX "_infographics_v_version_review_history_order_idx" ON "_infographics_v_version_review_history" USING btree ("_order");
  CREATE INDEX "_infographics_v_version_review_history_parent_id_idx" ON "_infographics_v_version_review_history" USING btree ("_parent_id");
  CREATE INDEX "_infographics_v_version_review_history_by_idx" ON "_infographics_v_version_review_history" USING btree ("by_id");
  CREATE INDEX "videos_review_history_order_idx" ON "videos_review_history" USING btree ("_order");
  CREATE INDEX "videos_review_history_parent_id_idx" ON "videos_review_history" USING btree ("_parent_id");
  CREATE INDEX "videos_review_history_by_idx" ON "videos_review_history" USING btree ("by_id");
  CREATE INDEX "_videos_v_version_review_history_order_idx" ON "_videos_v_version_review_history" USING btree ("_order");
  CREATE INDEX "_videos_v_version_review_history_parent_id_idx" ON "_videos_v_version_review_history" USING btree ("_parent_id");
  CREATE INDEX "_videos_v_version_review_history_by_idx" ON "_videos_v_version_review_history" USING btree ("by_id");
  ALTER TABLE "articles" ADD CONSTRAINT "articles_review_submitted_by_id_users_id_fk" FOREIGN KEY ("review_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_review_reviewed_by_id_users_id_fk" FOREIGN KEY ("review_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_review_submitted_by_id_users_id_fk" FOREIGN KEY ("version_review_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_review_reviewed_by_id_users_id_fk" FOREIGN KEY ("version_review_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "infographics" ADD CONSTRAINT "infographics_review_submitted_by_id_users_id_fk" FOREIGN KEY ("review_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "infographics" ADD CONSTRAINT "infographics_review_reviewed_by_id_users_id_fk" FOREIGN KEY ("review_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_infographics_v" ADD CONSTRAINT "_infographics_v_version_review_submitted_by_id_users_id_fk" FOREIGN KEY ("version_review_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_infographics_v" ADD CONSTRAINT "_infographics_v_version_review_reviewed_by_id_users_id_fk" FOREIGN KEY ("version_review_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "videos" ADD CONSTRAINT "videos_review_submitted_by_id_users_id_fk" FOREIGN KEY ("review_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "videos" ADD CONSTRAINT "videos_review_reviewed_by_id_users_id_fk" FOREIGN KEY ("review_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_videos_v" ADD CONSTRAINT "_videos_v_version_review_submitted_by_id_users_id_fk" FOREIGN KEY ("version_review_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_videos_v" ADD CONSTRAINT "_videos_v_version_review_reviewed_by_id_users_id_fk" FOREIGN KEY ("version_review_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "articles_review_review_state_idx" ON "articles" USING btree ("review_state");
  CREATE INDEX "articles_review_review_submitted_by_idx" ON "articles" USING btree ("review_submitted_by_id");
  CREATE INDEX "articles_review_review_reviewed_by_idx" ON "articles" USING btree ("review_reviewed_by_id");
  CREATE INDEX "_articles_v_version_review_version_review_state_idx" ON "_articles_v" USING btree ("version_review_state");
  CREATE INDEX "_articles_v_version_review_version_review_submitted_by_idx" ON "_articles_v" USING btree ("version_review_submitted_by_id");
  CREATE INDEX "_articles_v_version_review_version_review_reviewed_by_idx" ON "_articles_v" USING btree ("version_review_reviewed_by_id");
  CREATE INDEX "infographics_review_review_state_idx" ON "infographics" USING btree ("review_state");
  CREATE INDEX "infographics_review_review_submitted_by_idx" ON "infographics" USING btree ("review_submitted_by_id");
  CREATE INDEX "infographics_review_review_reviewed_by_idx" ON "infographics" USING btree ("review_reviewed_by_id");
  CREATE INDEX "_infographics_v_version_review_version_review_state_idx" ON "_infographics_v" USING btree ("version_review_state");
  CREATE INDEX "_infographics_v_version_review_version_review_submitted__idx" ON "_infographics_v" USING btree ("version_review_submitted_by_id");
  CREATE INDEX "_infographics_v_version_review_version_review_reviewed_b_idx" ON "_infographics_v" USING btree ("version_review_reviewed_by_id");
  CREATE INDEX "videos_review_review_state_idx" ON "videos" USING btree ("review_state");
  CREATE INDEX "videos_review_review_submitted_by_idx" ON "videos" USING btree ("review_submitted_by_id");
  CREATE INDEX "videos_review_review_reviewed_by_idx" ON "videos" USING btree ("review_reviewed_by_id");
  CREATE INDEX "_videos_v_version_review_version_review_state_idx" ON "_videos_v" USING btree ("version_review_state");
  CREATE INDEX "_videos_v_version_review_version_review_submitted_by_idx" ON "_videos_v" USING btree ("version_review_submitted_by_id");
  CREATE INDEX "_videos_v_version_review_version_review_reviewed_by_idx" ON "_videos_v" USING btree ("version_review_reviewed_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "articles_review_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_articles_v_version_review_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "infographics_review_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_infographics_v_version_review_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "videos_review_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_videos_v_version_review_history" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "users_rels" CASCADE;
  DROP TABLE "articles_review_history" CASCADE;
  DROP TABLE "_articles_v_version_review_history" CASCADE;
  DROP TABLE "infographics_review_history" CASCADE;
  DROP TABLE "_infographics_v_version_review_history" CASCADE;
  DROP TABLE "videos_review_history" CASCADE;
  DROP TABLE "_videos_v_version_review_history" CASCADE;
  ALTER TABLE "articles" DROP CONSTRAINT "articles_review_submitted_by_id_users_id_fk";
  
  ALTER TABLE "articles" DROP CONSTRAINT "articles_review_reviewed_by_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_review_submitted_by_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_review_reviewed_by_id_users_id_fk";
  
  ALTER TABLE "infographics" DROP CONSTRAINT "infographics_review_submitted_by_id_users_id_fk";
  
  ALTER TABLE "infographics" DROP CONSTRAINT "infographics_review_reviewed_by_id_users_id_fk";
  
  ALTER TABLE "_infographics_v" DROP CONSTRAINT "_infographics_v_version_review_submitted_by_id_users_id_fk";
  
  ALTER TABLE "_infographics_v" DROP CONSTRAINT "_infographics_v_version_review_reviewed_by_id_users_id_fk";
  
  ALTER TABLE "videos" DROP CONSTRAINT "videos_review_submitted_by_id_users_id_fk";
  
  ALTER TABLE "videos" DROP CONSTRAINT "videos_review_reviewed_by_id_users_id_fk";
  
  ALTER TABLE "_videos_v" DROP CONSTRAINT "_videos_v_version_review_submitted_by_id_users_id_fk";
  
  ALTER TABLE "_videos_v" DROP CONSTRAINT "_videos_v_version_review_reviewed_by_id_users_id_fk";
  
  ALTER TABLE "notifications" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_notifications_kind";
  CREATE TYPE "public"."enum_notifications_kind" AS ENUM('deadline', 'report', 'reconcile');
  ALTER TABLE "notifications" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_notifications_kind" USING "kind"::"public"."enum_notifications_kind";
  DROP INDEX "articles_review_review_state_idx";
  DROP INDEX "articles_review_review_submitted_by_idx";
  DROP INDEX "articles_review_review_reviewed_by_idx";
  DROP INDEX "_articles_v_version_review_version_review_state_idx";
  DROP INDEX "_articles_v_version_review_version_review_submitted_by_idx";
  DROP INDEX "_articles_v_version_review_version_review_reviewed_by_idx";
  DROP INDEX "infographics_review_review_state_idx";
  DROP INDEX "infographics_review_review_submitted_by_idx";
  DROP INDEX "infographics_review_review_reviewed_by_idx";
  DROP INDEX "_infographics_v_version_review_version_review_state_idx";
  DROP INDEX "_infographics_v_version_review_version_review_submitted__idx";
  DROP INDEX "_infographics_v_version_review_version_review_reviewed_b_idx";
  DROP INDEX "videos_review_review_state_idx";
  DROP INDEX "videos_review_review_submitted_by_idx";
  DROP INDEX "videos_review_review_reviewed_by_idx";
  DROP INDEX "_videos_v_version_review_version_review_state_idx";
  DROP INDEX "_videos_v_version_review_version_review_submitted_by_idx";
  DROP INDEX "_videos_v_version_review_version_review_reviewed_by_idx";
  ALTER TABLE "articles" DROP COLUMN "review_state";
  ALTER TABLE "articles" DROP COLUMN "review_submitted_at";
  ALTER TABLE "articles" DROP COLUMN "review_submitted_by_id";
  ALTER TABLE "articles" DROP COLUMN "review_reviewed_at";
  ALTER TABLE "articles" DROP COLUMN "review_reviewed_by_id";
  ALTER TABLE "articles" DROP COLUMN "review_reason";
  ALTER TABLE "articles" DROP COLUMN "review_publish_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_state";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_submitted_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_submitted_by_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_reviewed_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_reviewed_by_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_reason";
  ALTER TABLE "_articles_v" DROP COLUMN "version_review_publish_at";
  ALTER TABLE "infographics" DROP COLUMN "review_state";
  ALTER TABLE "infographics" DROP COLUMN "review_submitted_at";
  ALTER TABLE "infographics" DROP COLUMN "review_submitted_by_id";
  ALTER TABLE "infographics" DROP COLUMN "review_reviewed_at";
  ALTER TABLE "infographics" DROP COLUMN "review_reviewed_by_id";
  ALTER TABLE "infographics" DROP COLUMN "review_reason";
  ALTER TABLE "infographics" DROP COLUMN "review_publish_at";
  ALTER TABLE "_infographics_v" DROP COLUMN "version_review_state";
  ALTER TABLE "_infographics_v" DROP COLUMN "version_review_submitted_at";
  ALTER TABLE "_infographics_v" DROP COLUMN "version_review_submitted_by_id";
  ALTER TABLE "_infographics_v" DROP COLUMN "version_review_reviewed_at";
  ALTER TABLE "_infographics_v" DROP COLUMN "version_review_reviewed_by_id";
  ALTER TABLE "_infographics_v" DROP COLUMN "version_review_reason";
  ALTER TABLE "_infographics_v" DROP COLUMN "version_review_publish_at";
  ALTER TABLE "videos" DROP COLUMN "review_state";
  ALTER TABLE "videos" DROP COLUMN "review_submitted_at";
  ALTER TABLE "videos" DROP COLUMN "review_submitted_by_id";
  ALTER TABLE "videos" DROP COLUMN "review_reviewed_at";
  ALTER TABLE "videos" DROP COLUMN "review_reviewed_by_id";
  ALTER TABLE "videos" DROP COLUMN "review_reason";
  ALTER TABLE "videos" DROP COLUMN "review_publish_at";
  ALTER TABLE "_videos_v" DROP COLUMN "version_review_state";
  ALTER TABLE "_videos_v" DROP COLUMN "version_review_submitted_at";
  ALTER TABLE "_videos_v" DROP COLUMN "version_review_submitted_by_id";
  ALTER TABLE "_videos_v" DROP COLUMN "version_review_reviewed_at";
  ALTER TABLE "_videos_v" DROP COLUMN "version_review_reviewed_by_id";
  ALTER TABLE "_videos_v" DROP COLUMN "version_review_reason";
  ALTER TABLE "_videos_v" DROP COLUMN "version_review_publish_at";
  ALTER TABLE "units" DROP COLUMN "requires_review";
  DROP TYPE "public"."enum_articles_review_history_action";
  DROP TYPE "public"."enum_articles_review_history_from";
  DROP TYPE "public"."enum_articles_review_history_to";
  DROP TYPE "public"."enum_articles_review_state";
  DROP TYPE "public"."enum__articles_v_version_review_history_action";
  DROP TYPE "public"."enum__articles_v_version_review_history_from";
  DROP TYPE "public"."enum__articles_v_version_review_history_to";
  DROP TYPE "public"."enum__articles_v_version_review_state";
  DROP TYPE "public"."enum_infographics_review_history_action";
  DROP TYPE "public"."enum_infographics_review_history_from";
  DROP TYPE "public"."enum_infographics_review_history_to";
  DROP TYPE "public"."enum_infographics_review_state";
  DROP TYPE "public"."enum__infographics_v_version_review_history_action";
  DROP TYPE "public"."enum__infographics_v_version_review_history_from";
  DROP TYPE "public"."enum__infographics_v_version_review_history_to";
  DROP TYPE "public"."enum__infographics_v_version_review_state";
  DROP TYPE "public"."enum_videos_review_history_action";
  DROP TYPE "public"."enum_videos_review_history_from";
  DROP TYPE "public"."enum_videos_review_history_to";
  DROP TYPE "public"."enum_videos_review_state";
  DROP TYPE "public"."enum__videos_v_version_review_history_action";
  DROP TYPE "public"."enum__videos_v_version_review_history_from";
  DROP TYPE "public"."enum__videos_v_version_review_history_to";
  DROP TYPE "public"."enum__videos_v_version_review_state";`)
}
