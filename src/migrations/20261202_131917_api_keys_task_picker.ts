import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'
import { taskPickerLabel, taskPickerSort, taskSearchText } from '../domain/taskPicker'

interface TaskRow {
  id: number
  code: string | null
  title: string | null
  content: string | null
  timeframe_kind: string | null
  timeframe_deadline: Date | string | null
  timeframe_year: number | null
  plan_code: string | null
  plan_status: string | null
  plan_to: Date | string | null
}

/**
 * Issue 27 item 7 (API keys for integration accounts: the role and Payload's key columns) and
 * issue 21 point 2: the task picker's label, folded search text and order, stored on each task.
 * Existing tasks are filled here from the same pure functions the save hook uses (raw SQL, so a
 * later schema change cannot break this migration); without it they would show no label.
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_users_role" ADD VALUE 'integration';
  ALTER TABLE "users" ADD COLUMN "enable_a_p_i_key" boolean;
  ALTER TABLE "users" ADD COLUMN "api_key" varchar;
  ALTER TABLE "users" ADD COLUMN "api_key_index" varchar;
  ALTER TABLE "tasks" ADD COLUMN "picker_label" varchar;
  ALTER TABLE "tasks" ADD COLUMN "search_text" varchar;
  ALTER TABLE "tasks" ADD COLUMN "picker_sort" varchar;
  CREATE INDEX "tasks_picker_sort_idx" ON "tasks" USING btree ("picker_sort");`)
  const { rows } = await db.execute(sql`
    SELECT t.id, t.code, t.title, t.content, t.timeframe_kind, t.timeframe_deadline, t.timeframe_year,
           p.code AS plan_code, p.status AS plan_status, p.period_to AS plan_to
    FROM tasks t LEFT JOIN plans p ON p.id = t.plan_id`)
  for (const row of rows as unknown as TaskRow[]) {
    const iso = (v: Date | string | null) => (v instanceof Date ? v.toISOString() : v)
    const task = {
      code: row.code,
      title: row.title,
      content: row.content,
      timeframe: { kind: row.timeframe_kind, deadline: iso(row.timeframe_deadline), year: row.timeframe_year },
    }
    const plan =
      row.plan_code === null ? null : { code: row.plan_code, status: row.plan_status, period: { to: iso(row.plan_to) } }
    await db.execute(sql`
      UPDATE tasks SET picker_label = ${taskPickerLabel(task, plan)}, search_text = ${taskSearchText(task, plan)},
        picker_sort = ${taskPickerSort(task, plan)}
      WHERE id = ${row.id}`)
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users" ALTER COLUMN "role" SET DATA TYPE text;
  ALTER TABLE "users" ALTER COLUMN "role" SET DEFAULT 'editor'::text;
  DROP TYPE "public"."enum_users_role";
  CREATE TYPE "public"."enum_users_role" AS ENUM('admin', 'manager', 'editor', 'multimedia');
  ALTER TABLE "users" ALTER COLUMN "role" SET DEFAULT 'editor'::"public"."enum_users_role";
  ALTER TABLE "users" ALTER COLUMN "role" SET DATA TYPE "public"."enum_users_role" USING "role"::"public"."enum_users_role";
  DROP INDEX "tasks_picker_sort_idx";
  ALTER TABLE "users" DROP COLUMN "enable_a_p_i_key";
  ALTER TABLE "users" DROP COLUMN "api_key";
  ALTER TABLE "users" DROP COLUMN "api_key_index";
  ALTER TABLE "tasks" DROP COLUMN "picker_label";
  ALTER TABLE "tasks" DROP COLUMN "search_text";
  ALTER TABLE "tasks" DROP COLUMN "picker_sort";`)
}
