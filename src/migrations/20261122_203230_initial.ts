import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_role" AS ENUM('admin', 'manager', 'editor', 'multimedia');
  CREATE TYPE "public"."enum_units_kind" AS ENUM('ministry', 'department', 'center', 'press', 'province', 'other');
  CREATE TYPE "public"."enum_channels_kind" AS ENUM('portal', 'enewspaper', 'magazine', 'print', 'tv', 'radio', 'social', 'other');
  CREATE TYPE "public"."enum_channels_platform" AS ENUM('facebook', 'youtube', 'tiktok', 'zalo', 'other');
  CREATE TYPE "public"."enum_channels_group" AS ENUM('central-press', 'epress-magazines', 'local-press', 'digital-social');
  CREATE TYPE "public"."enum_plans_status" AS ENUM('draft', 'active', 'closed');
  CREATE TYPE "public"."enum_tasks_targets_content_types" AS ENUM('articles', 'infographics', 'videos');
  CREATE TYPE "public"."enum_tasks_targets_kind" AS ENUM('content', 'deliverable', 'indicator');
  CREATE TYPE "public"."enum_tasks_targets_mode" AS ENUM('pooled', 'perChannel');
  CREATE TYPE "public"."enum_tasks_targets_indicator_unit" AS ENUM('percent', 'number');
  CREATE TYPE "public"."enum_tasks_timeframe_kind" AS ENUM('deadline', 'recurring', 'byYear');
  CREATE TYPE "public"."enum_tasks_timeframe_recurrence" AS ENUM('month', 'quarter', 'year');
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"role" "enum_users_role" DEFAULT 'editor' NOT NULL,
  	"unit_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "units" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"short_name" varchar,
  	"kind" "enum_units_kind" DEFAULT 'department',
  	"parent_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "channels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"kind" "enum_channels_kind" DEFAULT 'portal' NOT NULL,
  	"platform" "enum_channels_platform",
  	"group" "enum_channels_group",
  	"url" varchar,
  	"unit_id" integer,
  	"is_home" boolean DEFAULT false,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "plans_basis_documents" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"code" varchar,
  	"date" timestamp(3) with time zone,
  	"title" varchar
  );
  
  CREATE TABLE "plans_reporting_fixed_dates" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"day" numeric NOT NULL,
  	"month" numeric NOT NULL,
  	"label" varchar
  );
  
  CREATE TABLE "plans_key_days" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"day" numeric NOT NULL,
  	"month" numeric NOT NULL,
  	"label" varchar
  );
  
  CREATE TABLE "plans" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"issue_date" timestamp(3) with time zone,
  	"status" "enum_plans_status" DEFAULT 'active',
  	"title" varchar NOT NULL,
  	"issuer" varchar,
  	"period_from" timestamp(3) with time zone,
  	"period_to" timestamp(3) with time zone,
  	"reporting_monthly_day" numeric DEFAULT 20,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "plans_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"plans_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "tasks_targets_content_types" (
  	"order" integer NOT NULL,
  	"parent_id" varchar NOT NULL,
  	"value" "enum_tasks_targets_content_types",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "tasks_targets_progress" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"value" numeric,
  	"evidence" varchar,
  	"evidence_file_id" integer
  );
  
  CREATE TABLE "tasks_targets" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_tasks_targets_kind" DEFAULT 'content' NOT NULL,
  	"label" varchar,
  	"quantity" numeric,
  	"mode" "enum_tasks_targets_mode" DEFAULT 'pooled',
  	"window_start" timestamp(3) with time zone,
  	"document_id" integer,
  	"submitted" boolean DEFAULT false,
  	"submitted_at" timestamp(3) with time zone,
  	"indicator_unit" "enum_tasks_targets_indicator_unit" DEFAULT 'percent',
  	"target_value" numeric
  );
  
  CREATE TABLE "tasks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"plan_id" integer NOT NULL,
  	"code" varchar NOT NULL,
  	"sort_order" numeric,
  	"title" varchar NOT NULL,
  	"content" varchar,
  	"timeframe_kind" "enum_tasks_timeframe_kind" DEFAULT 'deadline' NOT NULL,
  	"timeframe_deadline" timestamp(3) with time zone,
  	"timeframe_recurrence" "enum_tasks_timeframe_recurrence",
  	"timeframe_year" numeric,
  	"expected_result" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "tasks_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"units_id" integer,
  	"channels_id" integer
  );
  
  CREATE TABLE "plan_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
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
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"units_id" integer,
  	"channels_id" integer,
  	"plans_id" integer,
  	"tasks_id" integer,
  	"plan_documents_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "channels" ADD CONSTRAINT "channels_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "plans_basis_documents" ADD CONSTRAINT "plans_basis_documents_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plans_reporting_fixed_dates" ADD CONSTRAINT "plans_reporting_fixed_dates_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plans_key_days" ADD CONSTRAINT "plans_key_days_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plans_rels" ADD CONSTRAINT "plans_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plans_rels" ADD CONSTRAINT "plans_rels_plans_fk" FOREIGN KEY ("plans_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plans_rels" ADD CONSTRAINT "plans_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tasks_targets_content_types" ADD CONSTRAINT "tasks_targets_content_types_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tasks_targets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tasks_targets_progress" ADD CONSTRAINT "tasks_targets_progress_evidence_file_id_plan_documents_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."plan_documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tasks_targets_progress" ADD CONSTRAINT "tasks_targets_progress_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."tasks_targets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tasks_targets" ADD CONSTRAINT "tasks_targets_document_id_plan_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."plan_documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tasks_targets" ADD CONSTRAINT "tasks_targets_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tasks_rels" ADD CONSTRAINT "tasks_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tasks_rels" ADD CONSTRAINT "tasks_rels_units_fk" FOREIGN KEY ("units_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tasks_rels" ADD CONSTRAINT "tasks_rels_channels_fk" FOREIGN KEY ("channels_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_units_fk" FOREIGN KEY ("units_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_channels_fk" FOREIGN KEY ("channels_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_plans_fk" FOREIGN KEY ("plans_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tasks_fk" FOREIGN KEY ("tasks_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_plan_documents_fk" FOREIGN KEY ("plan_documents_id") REFERENCES "public"."plan_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_unit_idx" ON "users" USING btree ("unit_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE UNIQUE INDEX "units_name_idx" ON "units" USING btree ("name");
  CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent_id");
  CREATE INDEX "units_updated_at_idx" ON "units" USING btree ("updated_at");
  CREATE INDEX "units_created_at_idx" ON "units" USING btree ("created_at");
  CREATE UNIQUE INDEX "channels_name_idx" ON "channels" USING btree ("name");
  CREATE INDEX "channels_unit_idx" ON "channels" USING btree ("unit_id");
  CREATE INDEX "channels_is_home_idx" ON "channels" USING btree ("is_home");
  CREATE INDEX "channels_updated_at_idx" ON "channels" USING btree ("updated_at");
  CREATE INDEX "channels_created_at_idx" ON "channels" USING btree ("created_at");
  CREATE INDEX "plans_basis_documents_order_idx" ON "plans_basis_documents" USING btree ("_order");
  CREATE INDEX "plans_basis_documents_parent_id_idx" ON "plans_basis_documents" USING btree ("_parent_id");
  CREATE INDEX "plans_reporting_fixed_dates_order_idx" ON "plans_reporting_fixed_dates" USING btree ("_order");
  CREATE INDEX "plans_reporting_fixed_dates_parent_id_idx" ON "plans_reporting_fixed_dates" USING btree ("_parent_id");
  CREATE INDEX "plans_key_days_order_idx" ON "plans_key_days" USING btree ("_order");
  CREATE INDEX "plans_key_days_parent_id_idx" ON "plans_key_days" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "plans_code_idx" ON "plans" USING btree ("code");
  CREATE INDEX "plans_updated_at_idx" ON "plans" USING btree ("updated_at");
  CREATE INDEX "plans_created_at_idx" ON "plans" USING btree ("created_at");
  CREATE INDEX "plans_rels_order_idx" ON "plans_rels" USING btree ("order");
  CREATE INDEX "plans_rels_parent_idx" ON "plans_rels" USING btree ("parent_id");
  CREATE INDEX "plans_rels_path_idx" ON "plans_rels" USING btree ("path");
  CREATE INDEX "plans_rels_plans_id_idx" ON "plans_rels" USING btree ("plans_id");
  CREATE INDEX "plans_rels_users_id_idx" ON "plans_rels" USING btree ("users_id");
  CREATE INDEX "tasks_targets_content_types_order_idx" ON "tasks_targets_content_types" USING btree ("order");
  CREATE INDEX "tasks_targets_content_types_parent_idx" ON "tasks_targets_content_types" USING btree ("parent_id");
  CREATE INDEX "tasks_targets_progress_order_idx" ON "tasks_targets_progress" USING btree ("_order");
  CREATE INDEX "tasks_targets_progress_parent_id_idx" ON "tasks_targets_progress" USING btree ("_parent_id");
  CREATE INDEX "tasks_targets_progress_evidence_file_idx" ON "tasks_targets_progress" USING btree ("evidence_file_id");
  CREATE INDEX "tasks_targets_order_idx" ON "tasks_targets" USING btree ("_order");
  CREATE INDEX "tasks_targets_parent_id_idx" ON "tasks_targets" USING btree ("_parent_id");
  CREATE INDEX "tasks_targets_document_idx" ON "tasks_targets" USING btree ("document_id");
  CREATE INDEX "tasks_plan_idx" ON "tasks" USING btree ("plan_id");
  CREATE INDEX "tasks_sort_order_idx" ON "tasks" USING btree ("sort_order");
  CREATE INDEX "tasks_updated_at_idx" ON "tasks" USING btree ("updated_at");
  CREATE INDEX "tasks_created_at_idx" ON "tasks" USING btree ("created_at");
  CREATE INDEX "tasks_rels_order_idx" ON "tasks_rels" USING btree ("order");
  CREATE INDEX "tasks_rels_parent_idx" ON "tasks_rels" USING btree ("parent_id");
  CREATE INDEX "tasks_rels_path_idx" ON "tasks_rels" USING btree ("path");
  CREATE INDEX "tasks_rels_units_id_idx" ON "tasks_rels" USING btree ("units_id");
  CREATE INDEX "tasks_rels_channels_id_idx" ON "tasks_rels" USING btree ("channels_id");
  CREATE INDEX "plan_documents_updated_at_idx" ON "plan_documents" USING btree ("updated_at");
  CREATE INDEX "plan_documents_created_at_idx" ON "plan_documents" USING btree ("created_at");
  CREATE UNIQUE INDEX "plan_documents_filename_idx" ON "plan_documents" USING btree ("filename");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_units_id_idx" ON "payload_locked_documents_rels" USING btree ("units_id");
  CREATE INDEX "payload_locked_documents_rels_channels_id_idx" ON "payload_locked_documents_rels" USING btree ("channels_id");
  CREATE INDEX "payload_locked_documents_rels_plans_id_idx" ON "payload_locked_documents_rels" USING btree ("plans_id");
  CREATE INDEX "payload_locked_documents_rels_tasks_id_idx" ON "payload_locked_documents_rels" USING btree ("tasks_id");
  CREATE INDEX "payload_locked_documents_rels_plan_documents_id_idx" ON "payload_locked_documents_rels" USING btree ("plan_documents_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "units" CASCADE;
  DROP TABLE "channels" CASCADE;
  DROP TABLE "plans_basis_documents" CASCADE;
  DROP TABLE "plans_reporting_fixed_dates" CASCADE;
  DROP TABLE "plans_key_days" CASCADE;
  DROP TABLE "plans" CASCADE;
  DROP TABLE "plans_rels" CASCADE;
  DROP TABLE "tasks_targets_content_types" CASCADE;
  DROP TABLE "tasks_targets_progress" CASCADE;
  DROP TABLE "tasks_targets" CASCADE;
  DROP TABLE "tasks" CASCADE;
  DROP TABLE "tasks_rels" CASCADE;
  DROP TABLE "plan_documents" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."enum_users_role";
  DROP TYPE "public"."enum_units_kind";
  DROP TYPE "public"."enum_channels_kind";
  DROP TYPE "public"."enum_channels_platform";
  DROP TYPE "public"."enum_channels_group";
  DROP TYPE "public"."enum_plans_status";
  DROP TYPE "public"."enum_tasks_targets_content_types";
  DROP TYPE "public"."enum_tasks_targets_kind";
  DROP TYPE "public"."enum_tasks_targets_mode";
  DROP TYPE "public"."enum_tasks_targets_indicator_unit";
  DROP TYPE "public"."enum_tasks_timeframe_kind";
  DROP TYPE "public"."enum_tasks_timeframe_recurrence";`)
}
