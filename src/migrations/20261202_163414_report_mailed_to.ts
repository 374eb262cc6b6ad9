import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "quota_reports" ADD COLUMN "mailed_to" varchar;
  ALTER TABLE "quota_reports" ADD COLUMN "mailed_at" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "quota_reports" DROP COLUMN "mailed_to";
  ALTER TABLE "quota_reports" DROP COLUMN "mailed_at";`)
}
