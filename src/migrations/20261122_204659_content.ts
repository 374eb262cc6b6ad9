import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_language" AS ENUM('vi', 'en');
  CREATE TYPE "public"."enum_articles_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__articles_v_version_language" AS ENUM('vi', 'en');
  CREATE TYPE "public"."enum__articles_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_infographics_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__infographics_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_videos_source" AS ENUM('external', 'upload');
  CREATE TYPE "public"."enum_videos_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__videos_v_version_source" AS ENUM('external', 'upload');
  CREATE TYPE "public"."enum__videos_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"alt" varchar NOT NULL,
  	"caption" varchar,
  	"unit_id" integer,
  	"credit" varchar,
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
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar,
  	"sizes_card_webp_url" varchar,
  	"sizes_card_webp_width" numeric,
  	"sizes_card_webp_height" numeric,
  	"sizes_card_webp_mime_type" varchar,
  	"sizes_card_webp_filesize" numeric,
  	"sizes_card_webp_filename" varchar,
  	"sizes_web_url" varchar,
  	"sizes_web_width" numeric,
  	"sizes_web_height" numeric,
  	"sizes_web_mime_type" varchar,
  	"sizes_web_filesize" numeric,
  	"sizes_web_filename" varchar,
  	"sizes_web_webp_url" varchar,
  	"sizes_web_webp_width" numeric,
  	"sizes_web_webp_height" numeric,
  	"sizes_web_webp_mime_type" varchar,
  	"sizes_web_webp_filesize" numeric,
  	"sizes_web_webp_filename" varchar,
  	"sizes_og_url" varchar,
  	"sizes_og_width" numeric,
  	"sizes_og_height" numeric,
  	"sizes_og_mime_type" varchar,
  	"sizes_og_filesize" numeric,
  	"sizes_og_filename" varchar,
  	"sizes_square_url" varchar,
  	"sizes_square_width" numeric,
  	"sizes_square_height" numeric,
  	"sizes_square_mime_type" varchar,
  	"sizes_square_filesize" numeric,
  	"sizes_square_filename" varchar
  );
  
  CREATE TABLE "articles_publications" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"channel_id" integer,
  	"published_at" timestamp(3) with time zone,
  	"url" varchar,
  	"note" varchar
  );
  
  CREATE TABLE "articles" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"summary" varchar,
  	"cover_image_id" integer,
  	"body" jsonb,
  	"language" "enum_articles_language" DEFAULT 'vi',
  	"unit_id" integer,
  	"first_published_at" timestamp(3) with time zone,
  	"last_published_at" timestamp(3) with time zone,
  	"last_published_by_id" integer,
  	"search_text" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_articles_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "articles_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"tasks_id" integer
  );
  
  CREATE TABLE "_articles_v_version_publications" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"channel_id" integer,
  	"published_at" timestamp(3) with time zone,
  	"url" varchar,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_articles_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_summary" varchar,
  	"version_cover_image_id" integer,
  	"version_body" jsonb,
  	"version_language" "enum__articles_v_version_language" DEFAULT 'vi',
  	"version_unit_id" integer,
  	"version_first_published_at" timestamp(3) with time zone,
  	"version_last_published_at" timestamp(3) with time zone,
  	"version_last_published_by_id" integer,
  	"version_search_text" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__articles_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_articles_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"tasks_id" integer
  );
  
  CREATE TABLE "infographics_publications" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"channel_id" integer,
  	"published_at" timestamp(3) with time zone,
  	"url" varchar,
  	"note" varchar
  );
  
  CREATE TABLE "infographics" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"alt" varchar,
  	"caption" varchar,
  	"data_source" varchar,
  	"unit_id" integer,
  	"first_published_at" timestamp(3) with time zone,
  	"last_published_at" timestamp(3) with time zone,
  	"last_published_by_id" integer,
  	"search_text" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_infographics_status" DEFAULT 'draft',
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar,
  	"sizes_card_webp_url" varchar,
  	"sizes_card_webp_width" numeric,
  	"sizes_card_webp_height" numeric,
  	"sizes_card_webp_mime_type" varchar,
  	"sizes_card_webp_filesize" numeric,
  	"sizes_card_webp_filename" varchar,
  	"sizes_web_url" varchar,
  	"sizes_web_width" numeric,
  	"sizes_web_height" numeric,
  	"sizes_web_mime_type" varchar,
  	"sizes_web_filesize" numeric,
  	"sizes_web_filename" varchar,
  	"sizes_web_webp_url" varchar,
  	"sizes_web_webp_width" numeric,
  	"sizes_web_webp_height" numeric,
  	"sizes_web_webp_mime_type" varchar,
  	"sizes_web_webp_filesize" numeric,
  	"sizes_web_webp_filename" varchar,
  	"sizes_og_url" varchar,
  	"sizes_og_width" numeric,
  	"sizes_og_height" numeric,
  	"sizes_og_mime_type" varchar,
  	"sizes_og_filesize" numeric,
  	"sizes_og_filename" varchar,
  	"sizes_square_url" varchar,
  	"sizes_square_width" numeric,
  	"sizes_square_height" numeric,
  	"sizes_square_mime_type" varchar,
  	"sizes_square_filesize" numeric,
  	"sizes_square_filename" varchar
  );
  
  CREATE TABLE "infographics_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"tasks_id" integer
  );
  
  CREATE TABLE "_infographics_v_version_publications" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"channel_id" integer,
  	"published_at" timestamp(3) with time zone,
  	"url" varchar,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_infographics_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_alt" varchar,
  	"version_caption" varchar,
  	"version_data_source" varchar,
  	"version_unit_id" integer,
  	"version_first_published_at" timestamp(3) with time zone,
  	"version_last_published_at" timestamp(3) with time zone,
  	"version_last_published_by_id" integer,
  	"version_search_text" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__infographics_v_version_status" DEFAULT 'draft',
  	"version_url" varchar,
  	"version_thumbnail_u_r_l" varchar,
  	"version_filename" varchar,
  	"version_mime_type" varchar,
  	"version_filesize" numeric,
  	"version_width" numeric,
  	"version_height" numeric,
  	"version_focal_x" numeric,
  	"version_focal_y" numeric,
  	"version_sizes_thumbnail_url" varchar,
  	"version_sizes_thumbnail_width" numeric,
  	"version_sizes_thumbnail_height" numeric,
  	"version_sizes_thumbnail_mime_type" varchar,
  	"version_sizes_thumbnail_filesize" numeric,
  	"version_sizes_thumbnail_filename" varchar,
  	"version_sizes_card_url" varchar,
  	"version_sizes_card_width" numeric,
  	"version_sizes_card_height" numeric,
  	"version_sizes_card_mime_type" varchar,
  	"version_sizes_card_filesize" numeric,
  	"version_sizes_card_filename" varchar,
  	"version_sizes_card_webp_url" varchar,
  	"version_sizes_card_webp_width" numeric,
  	"version_sizes_card_webp_height" numeric,
  	"version_sizes_card_webp_mime_type" varchar,
  	"version_sizes_card_webp_filesize" numeric,
  	"version_sizes_card_webp_filename" varchar,
  	"version_sizes_web_url" varchar,
  	"version_sizes_web_width" numeric,
  	"version_sizes_web_height" numeric,
  	"version_sizes_web_mime_type" varchar,
  	"version_sizes_web_filesize" numeric,
  	"version_sizes_web_filename" varchar,
  	"version_sizes_web_webp_url" varchar,
  	"version_sizes_web_webp_width" numeric,
  	"version_sizes_web_webp_height" numeric,
  	"version_sizes_web_webp_mime_type" varchar,
  	"version_sizes_web_webp_filesize" numeric,
  	"version_sizes_web_webp_filename" varchar,
  	"version_sizes_og_url" varchar,
  	"version_sizes_og_width" numeric,
  	"version_sizes_og_height" numeric,
  	"version_sizes_og_mime_type" varchar,
  	"version_sizes_og_filesize" numeric,
  	"version_sizes_og_filename" varchar,
  	"version_sizes_square_url" varchar,
  	"version_sizes_square_width" numeric,
  	"version_sizes_square_height" numeric,
  	"version_sizes_square_mime_type" varchar,
  	"version_sizes_square_filesize" numeric,
  	"version_sizes_square_filename" varchar,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_infographics_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"tasks_id" integer
  );
  
  CREATE TABLE "videos_publications" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"channel_id" integer,
  	"published_at" timestamp(3) with time zone,
  	"url" varchar,
  	"note" varchar
  );
  
  CREATE TABLE "videos" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"summary" varchar,
  	"source" "enum_videos_source" DEFAULT 'external',
  	"external_url" varchar,
  	"provider" varchar,
  	"video_id" varchar,
  	"poster_id" integer,
  	"duration" numeric,
  	"transcript" varchar,
  	"unit_id" integer,
  	"first_published_at" timestamp(3) with time zone,
  	"last_published_at" timestamp(3) with time zone,
  	"last_published_by_id" integer,
  	"search_text" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_videos_status" DEFAULT 'draft',
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric
  );
  
  CREATE TABLE "videos_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"tasks_id" integer
  );
  
  CREATE TABLE "_videos_v_version_publications" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"channel_id" integer,
  	"published_at" timestamp(3) with time zone,
  	"url" varchar,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_videos_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_summary" varchar,
  	"version_source" "enum__videos_v_version_source" DEFAULT 'external',
  	"version_external_url" varchar,
  	"version_provider" varchar,
  	"version_video_id" varchar,
  	"version_poster_id" integer,
  	"version_duration" numeric,
  	"version_transcript" varchar,
  	"version_unit_id" integer,
  	"version_first_published_at" timestamp(3) with time zone,
  	"version_last_published_at" timestamp(3) with time zone,
  	"version_last_published_by_id" integer,
  	"version_search_text" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__videos_v_version_status" DEFAULT 'draft',
  	"version_url" varchar,
  	"version_thumbnail_u_r_l" varchar,
  	"version_filename" varchar,
  	"version_mime_type" varchar,
  	"version_filesize" numeric,
  	"version_width" numeric,
  	"version_height" numeric,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_videos_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"tasks_id" integer
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "media_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "articles_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "infographics_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "videos_id" integer;
  ALTER TABLE "media" ADD CONSTRAINT "media_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_publications" ADD CONSTRAINT "articles_publications_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_publications" ADD CONSTRAINT "articles_publications_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_cover_image_id_media_id_fk" FOREIGN KEY ("cover_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_last_published_by_id_users_id_fk" FOREIGN KEY ("last_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_tasks_fk" FOREIGN KEY ("tasks_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_version_publications" ADD CONSTRAINT "_articles_v_version_publications_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_version_publications" ADD CONSTRAINT "_articles_v_version_publications_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_parent_id_articles_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_cover_image_id_media_id_fk" FOREIGN KEY ("version_cover_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_unit_id_units_id_fk" FOREIGN KEY ("version_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_last_published_by_id_users_id_fk" FOREIGN KEY ("version_last_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_tasks_fk" FOREIGN KEY ("tasks_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "infographics_publications" ADD CONSTRAINT "infographics_publications_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "infographics_publications" ADD CONSTRAINT "infographics_publications_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."infographics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "infographics" ADD CONSTRAINT "infographics_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "infographics" ADD CONSTRAINT "infographics_last_published_by_id_users_id_fk" FOREIGN KEY ("last_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "infographics_rels" ADD CONSTRAINT "infographics_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."infographics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "infographics_rels" ADD CONSTRAINT "infographics_rels_tasks_fk" FOREIGN KEY ("tasks_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_infographics_v_version_publications" ADD CONSTRAINT "_infographics_v_version_publications_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_infographics_v_version_publications" ADD CONSTRAINT "_infographics_v_version_publications_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_infographics_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_infographics_v" ADD CONSTRAINT "_infographics_v_parent_id_infographics_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."infographics"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_infographics_v" ADD CONSTRAINT "_infographics_v_version_unit_id_units_id_fk" FOREIGN KEY ("version_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_infographics_v" ADD CONSTRAINT "_infographics_v_version_last_published_by_id_users_id_fk" FOREIGN KEY ("version_last_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_infographics_v_rels" ADD CONSTRAINT "_infographics_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_infographics_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_infographics_v_rels" ADD CONSTRAINT "_infographics_v_rels_tasks_fk" FOREIGN KEY ("tasks_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "videos_publications" ADD CONSTRAINT "videos_publications_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "videos_publications" ADD CONSTRAINT "videos_publications_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "videos" ADD CONSTRAINT "videos_poster_id_media_id_fk" FOREIGN KEY ("poster_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "videos" ADD CONSTRAINT "videos_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "videos" ADD CONSTRAINT "videos_last_published_by_id_users_id_fk" FOREIGN KEY ("last_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "videos_rels" ADD CONSTRAINT "videos_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "videos_rels" ADD CONSTRAINT "videos_rels_tasks_fk" FOREIGN KEY ("tasks_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_videos_v_version_publications" ADD CONSTRAINT "_videos_v_version_publications_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_videos_v_version_publications" ADD CONSTRAINT "_videos_v_version_publications_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_videos_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_videos_v" ADD CONSTRAINT "_videos_v_parent_id_videos_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."videos"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_videos_v" ADD CONSTRAINT "_videos_v_version_poster_id_media_id_fk" FOREIGN KEY ("version_poster_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_videos_v" ADD CONSTRAINT "_videos_v_version_unit_id_units_id_fk" FOREIGN KEY ("version_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_videos_v" ADD CONSTRAINT "_videos_v_version_last_published_by_id_users_id_fk" FOREIGN KEY ("version_last_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_videos_v_rels" ADD CONSTRAINT "_videos_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_videos_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_videos_v_rels" ADD CONSTRAINT "_videos_v_rels_tasks_fk" FOREIGN KEY ("tasks_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "media_unit_idx" ON "media" USING btree ("unit_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "media" USING btree ("sizes_card_filename");
  CREATE INDEX "media_sizes_card_webp_sizes_card_webp_filename_idx" ON "media" USING btree ("sizes_card_webp_filename");
  CREATE INDEX "media_sizes_web_sizes_web_filename_idx" ON "media" USING btree ("sizes_web_filename");
  CREATE INDEX "media_sizes_web_webp_sizes_web_webp_filename_idx" ON "media" USING btree ("sizes_web_webp_filename");
  CREATE INDEX "media_sizes_og_sizes_og_filename_idx" ON "media" USING btree ("sizes_og_filename");
  CREATE INDEX "media_sizes_square_sizes_square_filename_idx" ON "media" USING btree ("sizes_square_filename");
  CREATE INDEX "articles_publications_order_idx" ON "articles_publications" USING btree ("_order");
  CREATE INDEX "articles_publications_parent_id_idx" ON "articles_publications" USING btree ("_parent_id");
  CREATE INDEX "articles_publications_channel_idx" ON "articles_publications" USING btree ("channel_id");
  CREATE UNIQUE INDEX "articles_slug_idx" ON "articles" USING btree ("slug");
  CREATE INDEX "articles_cover_image_idx" ON "articles" USING btree ("cover_image_id");
  CREATE INDEX "articles_unit_idx" ON "articles" USING btree ("unit_id");
  CREATE INDEX "articles_last_published_by_idx" ON "articles" USING btree ("last_published_by_id");
  CREATE INDEX "articles_updated_at_idx" ON "articles" USING btree ("updated_at");
  CREATE INDEX "articles_created_at_idx" ON "articles" USING btree ("created_at");
  CREATE INDEX "articles__status_idx" ON "articles" USING btree ("_status");
  CREATE INDEX "articles_rels_order_idx" ON "articles_rels" USING btree ("order");
  CREATE INDEX "articles_rels_parent_idx" ON "articles_rels" USING btree ("parent_id");
  CREATE INDEX "articles_rels_path_idx" ON "articles_rels" USING btree ("path");
  CREATE INDEX "articles_rels_users_id_idx" ON "articles_rels" USING btree ("users_id");
  CREATE INDEX "articles_rels_tasks_id_idx" ON "articles_rels" USING btree ("tasks_id");
  CREATE INDEX "_articles_v_version_publications_order_idx" ON "_articles_v_version_publications" USING btree ("_order");
  CREATE INDEX "_articles_v_version_publications_parent_id_idx" ON "_articles_v_version_publications" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_version_publications_channel_idx" ON "_articles_v_version_publications" USING btree ("channel_id");
  CREATE INDEX "_articles_v_parent_idx" ON "_articles_v" USING btree ("parent_id");
  CREATE INDEX "_articles_v_version_version_slug_idx" ON "_articles_v" USING btree ("version_slug");
  CREATE INDEX "_articles_v_version_version_cover_image_idx" ON "_articles_v" USING btree ("version_cover_image_id");
  CREATE INDEX "_articles_v_version_version_unit_idx" ON "_articles_v" USING btree ("version_unit_id");
  CREATE INDEX "_articles_v_version_version_last_published_by_idx" ON "_articles_v" USING btree ("version_last_published_by_id");
  CREATE INDEX "_articles_v_version_version_updated_at_idx" ON "_articles_v" USING btree ("version_updated_at");
  CREATE INDEX "_articles_v_version_version_created_at_idx" ON "_articles_v" USING btree ("version_created_at");
  CREATE INDEX "_articles_v_version_version__status_idx" ON "_articles_v" USING btree ("version__status");
  CREATE INDEX "_articles_v_created_at_idx" ON "_articles_v" USING btree ("created_at");
  CREATE INDEX "_articles_v_updated_at_idx" ON "_articles_v" USING btree ("updated_at");
  CREATE INDEX "_articles_v_latest_idx" ON "_articles_v" USING btree ("latest");
  CREATE INDEX "_articles_v_autosave_idx" ON "_articles_v" USING btree ("autosave");
  CREATE INDEX "_articles_v_rels_order_idx" ON "_articles_v_rels" USING btree ("order");
  CREATE INDEX "_articles_v_rels_parent_idx" ON "_articles_v_rels" USING btree ("parent_id");
  CREATE INDEX "_articles_v_rels_path_idx" ON "_articles_v_rels" USING btree ("path");
  CREATE INDEX "_articles_v_rels_users_id_idx" ON "_articles_v_rels" USING btree ("users_id");
  CREATE INDEX "_articles_v_rels_tasks_id_idx" ON "_articles_v_rels" USING btree ("tasks_id");
  CREATE INDEX "infographics_publications_order_idx" ON "infographics_publications" USING btree ("_order");
  CREATE INDEX "infographics_publications_parent_id_idx" ON "infographics_publications" USING btree ("_parent_id");
  CREATE INDEX "infographics_publications_channel_idx" ON "infographics_publications" USING btree ("channel_id");
  CREATE UNIQUE INDEX "infographics_slug_idx" ON "infographics" USING btree ("slug");
  CREATE INDEX "infographics_unit_idx" ON "infographics" USING btree ("unit_id");
  CREATE INDEX "infographics_last_published_by_idx" ON "infographics" USING btree ("last_published_by_id");
  CREATE INDEX "infographics_updated_at_idx" ON "infographics" USING btree ("updated_at");
  CREATE INDEX "infographics_created_at_idx" ON "infographics" USING btree ("created_at");
  CREATE INDEX "infographics__status_idx" ON "infographics" USING btree ("_status");
  CREATE UNIQUE INDEX "infographics_filename_idx" ON "infographics" USING btree ("filename");
  CREATE INDEX "infographics_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "infographics" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "infographics_sizes_card_sizes_card_filename_idx" ON "infographics" USING btree ("sizes_card_filename");
  CREATE INDEX "infographics_sizes_card_webp_sizes_card_webp_filename_idx" ON "infographics" USING btree ("sizes_card_webp_filename");
  CREATE INDEX "infographics_sizes_web_sizes_web_filename_idx" ON "infographics" USING btree ("sizes_web_filename");
  CREATE INDEX "infographics_sizes_web_webp_sizes_web_webp_filename_idx" ON "infographics" USING btree ("sizes_web_webp_filename");
  CREATE INDEX "infographics_sizes_og_sizes_og_filename_idx" ON "infographics" USING btree ("sizes_og_filename");
  CREATE INDEX "infographics_sizes_square_sizes_square_filename_idx" ON "infographics" USING btree ("sizes_square_filename");
  CREATE INDEX "infographics_rels_order_idx" ON "infographics_rels" USING btree ("order");
  CREATE INDEX "infographics_rels_parent_idx" ON "infographics_rels" USING btree ("parent_id");
  CREATE INDEX "infographics_rels_path_idx" ON "infographics_rels" USING btree ("path");
  CREATE INDEX "infographics_rels_tasks_id_idx" ON "infographics_rels" USING btree ("tasks_id");
  CREATE INDEX "_infographics_v_version_publications_order_idx" ON "_infographics_v_version_publications" USING btree ("_order");
  CREATE INDEX "_infographics_v_version_publications_parent_id_idx" ON "_infographics_v_version_publications" USING btree ("_parent_id");
  CREATE INDEX "_infographics_v_version_publications_channel_idx" ON "_infographics_v_version_publications" USING btree ("channel_id");
  CREATE INDEX "_infographics_v_parent_idx" ON "_infographics_v" USING btree ("parent_id");
  CREATE INDEX "_infographics_v_version_version_slug_idx" ON "_infographics_v" USING btree ("version_slug");
  CREATE INDEX "_infographics_v_version_version_unit_idx" ON "_infographics_v" USING btree ("version_unit_id");
  CREATE INDEX "_infographics_v_version_version_last_published_by_idx" ON "_infographics_v" USING btree ("version_last_published_by_id");
  CREATE INDEX "_infographics_v_version_version_updated_at_idx" ON "_infographics_v" USING btree ("version_updated_at");
  CREATE INDEX "_infographics_v_version_version_created_at_idx" ON "_infographics_v" USING btree ("version_created_at");
  CREATE INDEX "_infographics_v_version_version__status_idx" ON "_infographics_v" USING btree ("version__status");
  CREATE INDEX "_infographics_v_version_version_filename_idx" ON "_infographics_v" USING btree ("version_filename");
  CREATE INDEX "_infographics_v_version_sizes_thumbnail_version_sizes_th_idx" ON "_infographics_v" USING btree ("version_sizes_thumbnail_filename");
  CREATE INDEX "_infographics_v_version_sizes_card_version_sizes_card_fi_idx" ON "_infographics_v" USING btree ("version_sizes_card_filename");
  CREATE INDEX "_infographics_v_version_sizes_card_webp_version_sizes_ca_idx" ON "_infographics_v" USING btree ("version_sizes_card_webp_filename");
  CREATE INDEX "_infographics_v_version_sizes_web_version_sizes_web_file_idx" ON "_infographics_v" USING btree ("version_sizes_web_filename");
  CREATE INDEX "_infographics_v_version_sizes_web_webp_version_sizes_web_idx" ON "_infographics_v" USING btree ("version_sizes_web_webp_filename");
  CREATE INDEX "_infographics_v_version_sizes_og_version_sizes_og_filena_idx" ON "_infographics_v" USING btree ("version_sizes_og_filename");
  CREATE INDEX "_infographics_v_version_sizes_square_version_sizes_squar_idx" ON "_infographics_v" USING btree ("version_sizes_square_filename");
  CREATE INDEX "_infographics_v_created_at_idx" ON "_infographics_v" USING btree ("created_at");
  CREATE INDEX "_infographics_v_updated_at_idx" ON "_infographics_v" USING btree ("updated_at");
  CREATE INDEX "_infographics_v_latest_idx" ON "_infographics_v" USING btree ("latest");
  CREATE INDEX "_infographics_v_autosave_idx" ON "_infographics_v" USING btree ("autosave");
  CREATE INDEX "_infographics_v_rels_order_idx" ON "_infographics_v_rels" USING btree ("order");
  CREATE INDEX "_infographics_v_rels_parent_idx" ON "_infographics_v_rels" USING btree ("parent_id");
  CREATE INDEX "_infographics_v_rels_path_idx" ON "_infographics_v_rels" USING btree ("path");
  CREATE INDEX "_infographics_v_rels_tasks_id_idx" ON "_infographics_v_rels" USING btree ("tasks_id");
  CREATE INDEX "videos_publications_order_idx" ON "videos_publications" USING btree ("_order");
  CREATE INDEX "videos_publications_parent_id_idx" ON "videos_publications" USING btree ("_parent_id");
  CREATE INDEX "videos_publications_channel_idx" ON "videos_publications" USING btree ("channel_id");
  CREATE UNIQUE INDEX "videos_slug_idx" ON "videos" USING btree ("slug");
  CREATE INDEX "videos_poster_idx" ON "videos" USING btree ("poster_id");
  CREATE INDEX "videos_unit_idx" ON "videos" USING btree ("unit_id");
  CREATE INDEX "videos_last_published_by_idx" ON "videos" USING btree ("last_published_by_id");
  CREATE INDEX "videos_updated_at_idx" ON "videos" USING btree ("updated_at");
  CREATE INDEX "videos_created_at_idx" ON "videos" USING btree ("created_at");
  CREATE INDEX "videos__status_idx" ON "videos" USING btree ("_status");
  CREATE UNIQUE INDEX "videos_filename_idx" ON "videos" USING btree ("filename");
  CREATE INDEX "videos_rels_order_idx" ON "videos_rels" USING btree ("order");
  CREATE INDEX "videos_rels_parent_idx" ON "videos_rels" USING btree ("parent_id");
  CREATE INDEX "videos_rels_path_idx" ON "videos_rels" USING btree ("path");
  CREATE INDEX "videos_rels_tasks_id_idx" ON "videos_rels" USING btree ("tasks_id");
  CREATE INDEX "_videos_v_version_publications_order_idx" ON "_videos_v_version_publications" USING btree ("_order");
  CREATE INDEX "_videos_v_version_publications_parent_id_idx" ON "_videos_v_version_publications" USING btree ("_parent_id");
  CREATE INDEX "_videos_v_version_publications_channel_idx" ON "_videos_v_version_publications" USING btree ("channel_id");
  CREATE INDEX "_videos_v_parent_idx" ON "_videos_v" USING btree ("parent_id");
  CREATE INDEX "_videos_v_version_version_slug_idx" ON "_videos_v" USING btree ("version_slug");
  CREATE INDEX "_videos_v_version_version_poster_idx" ON "_videos_v" USING btree ("version_poster_id");
  CREATE INDEX "_videos_v_version_version_unit_idx" ON "_videos_v" USING btree ("version_unit_id");
  CREATE INDEX "_videos_v_version_version_last_published_by_idx" ON "_videos_v" USING btree ("version_last_published_by_id");
  CREATE INDEX "_videos_v_version_version_updated_at_idx" ON "_videos_v" USING btree ("version_updated_at");
  CREATE INDEX "_videos_v_version_version_created_at_idx" ON "_videos_v" USING btree ("version_created_at");
  CREATE INDEX "_videos_v_version_version__status_idx" ON "_videos_v" USING btree ("version__status");
  CREATE INDEX "_videos_v_version_version_filename_idx" ON "_videos_v" USING btree ("version_filename");
  CREATE INDEX "_videos_v_created_at_idx" ON "_videos_v" USING btree ("created_at");
  CREATE INDEX "_videos_v_updated_at_idx" ON "_videos_v" USING btree ("updated_at");
  CREATE INDEX "_videos_v_latest_idx" ON "_videos_v" USING btree ("latest");
  CREATE INDEX "_videos_v_autosave_idx" ON "_videos_v" USING btree ("autosave");
  CREATE INDEX "_videos_v_rels_order_idx" ON "_videos_v_rels" USING btree ("order");
  CREATE INDEX "_videos_v_rels_parent_idx" ON "_videos_v_rels" USING btree ("parent_id");
  CREATE INDEX "_videos_v_rels_path_idx" ON "_videos_v_rels" USING btree ("path");
  CREATE INDEX "_videos_v_rels_tasks_id_idx" ON "_videos_v_rels" USING btree ("tasks_id");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_infographics_fk" FOREIGN KEY ("infographics_id") REFERENCES "public"."infographics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_videos_fk" FOREIGN KEY ("videos_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_articles_id_idx" ON "payload_locked_documents_rels" USING btree ("articles_id");
  CREATE INDEX "payload_locked_documents_rels_infographics_id_idx" ON "payload_locked_documents_rels" USING btree ("infographics_id");
  CREATE INDEX "payload_locked_documents_rels_videos_id_idx" ON "payload_locked_documents_rels" USING btree ("videos_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "articles_publications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "articles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "articles_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_articles_v_version_publications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_articles_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_articles_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "infographics_publications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "infographics" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "infographics_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_infographics_v_version_publications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_infographics_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_infographics_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "videos_publications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "videos" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "videos_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_videos_v_version_publications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_videos_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_videos_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "media" CASCADE;
  DROP TABLE "articles_publications" CASCADE;
  DROP TABLE "articles" CASCADE;
  DROP TABLE "articles_rels" CASCADE;
  DROP TABLE "_articles_v_version_publications" CASCADE;
  DROP TABLE "_articles_v" CASCADE;
  DROP TABLE "_articles_v_rels" CASCADE;
  DROP TABLE "infographics_publications" CASCADE;
  DROP TABLE "infographics" CASCADE;
  DROP TABLE "infographics_rels" CASCADE;
  DROP TABLE "_infographics_v_version_publications" CASCADE;
  DROP TABLE "_infographics_v" CASCADE;
  DROP TABLE "_infographics_v_rels" CASCADE;
  DROP TABLE "videos_publications" CASCADE;
  DROP TABLE "videos" CASCADE;
  DROP TABLE "videos_rels" CASCADE;
  DROP TABLE "_videos_v_version_publications" CASCADE;
  DROP TABLE "_videos_v" CASCADE;
  DROP TABLE "_videos_v_rels" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_media_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_articles_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_infographics_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_videos_fk";
  
  DROP INDEX "payload_locked_documents_rels_media_id_idx";
  DROP INDEX "payload_locked_documents_rels_articles_id_idx";
  DROP INDEX "payload_locked_documents_rels_infographics_id_idx";
  DROP INDEX "payload_locked_documents_rels_videos_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "media_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "articles_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "infographics_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "videos_id";
  DROP TYPE "public"."enum_articles_language";
  DROP TYPE "public"."enum_articles_status";
  DROP TYPE "public"."enum__articles_v_version_language";
  DROP TYPE "public"."enum__articles_v_version_status";
  DROP TYPE "public"."enum_infographics_status";
  DROP TYPE "public"."enum__infographics_v_version_status";
  DROP TYPE "public"."enum_videos_source";
  DROP TYPE "public"."enum_videos_status";
  DROP TYPE "public"."enum__videos_v_version_source";
  DROP TYPE "public"."enum__videos_v_version_status";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
