import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "articles_first_published_at_idx" ON "articles" USING btree ("first_published_at");
  CREATE INDEX "_articles_v_version_version_first_published_at_idx" ON "_articles_v" USING btree ("version_first_published_at");
  CREATE INDEX "infographics_first_published_at_idx" ON "infographics" USING btree ("first_published_at");
  CREATE INDEX "_infographics_v_version_version_first_published_at_idx" ON "_infographics_v" USING btree ("version_first_published_at");
  CREATE INDEX "videos_first_published_at_idx" ON "videos" USING btree ("first_published_at");
  CREATE INDEX "_videos_v_version_version_first_published_at_idx" ON "_videos_v" USING btree ("version_first_published_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles_first_published_at_idx";
  DROP INDEX "_articles_v_version_version_first_published_at_idx";
  DROP INDEX "infographics_first_published_at_idx";
  DROP INDEX "_infographics_v_version_version_first_published_at_idx";
  DROP INDEX "videos_first_published_at_idx";
  DROP INDEX "_videos_v_version_version_first_published_at_idx";`)
}
