import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" ADD COLUMN "prefix" varchar DEFAULT 'media';
  ALTER TABLE "media" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "infographics" ADD COLUMN "prefix" varchar DEFAULT 'infographics';
  ALTER TABLE "infographics" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "_infographics_v" ADD COLUMN "version_prefix" varchar DEFAULT 'infographics';
  ALTER TABLE "_infographics_v" ADD COLUMN "version__objectkey" varchar;
  ALTER TABLE "videos" ADD COLUMN "prefix" varchar DEFAULT 'videos';
  ALTER TABLE "videos" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "_videos_v" ADD COLUMN "version_prefix" varchar DEFAULT 'videos';
  ALTER TABLE "_videos_v" ADD COLUMN "version__objectkey" varchar;
  ALTER TABLE "plan_documents" ADD COLUMN "prefix" varchar DEFAULT 'plan-documents';
  ALTER TABLE "plan_documents" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "quota_reports" ADD COLUMN "prefix" varchar DEFAULT 'quota-reports';
  ALTER TABLE "quota_reports" ADD COLUMN "_objectkey" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" DROP COLUMN "prefix";
  ALTER TABLE "media" DROP COLUMN "_objectkey";
  ALTER TABLE "infographics" DROP COLUMN "prefix";
  ALTER TABLE "infographics" DROP COLUMN "_objectkey";
  ALTER TABLE "_infographics_v" DROP COLUMN "version_prefix";
  ALTER TABLE "_infographics_v" DROP COLUMN "version__objectkey";
  ALTER TABLE "videos" DROP COLUMN "prefix";
  ALTER TABLE "videos" DROP COLUMN "_objectkey";
  ALTER TABLE "_videos_v" DROP COLUMN "version_prefix";
  ALTER TABLE "_videos_v" DROP COLUMN "version__objectkey";
  ALTER TABLE "plan_documents" DROP COLUMN "prefix";
  ALTER TABLE "plan_documents" DROP COLUMN "_objectkey";
  ALTER TABLE "quota_reports" DROP COLUMN "prefix";
  ALTER TABLE "quota_reports" DROP COLUMN "_objectkey";`)
}
