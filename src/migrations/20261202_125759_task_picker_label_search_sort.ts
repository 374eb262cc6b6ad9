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
 * Issue 21 point 2: the task picker's label, folded search text and order, stored on each task.
 * Existing tasks are filled here from the same pure functions the save hook uses (raw SQL, so a
 * later schema change cannot break this migration); without it they would show no label.
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
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
   DROP INDEX "tasks_picker_sort_idx";
  ALTER TABLE "tasks" DROP COLUMN "picker_label";
  ALTER TABLE "tasks" DROP COLUMN "search_text";
  ALTER TABLE "tasks" DROP COLUMN "picker_sort";`)
}
