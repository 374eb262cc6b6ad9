'use client'
import { useId, useState, type FormEvent } from 'react'
import { formatViDay } from '../../../domain/calendar'
import { apiErrorText, planItemRequest, type PlanItemForm as FormValues } from '../../../domain/calendarView'

export interface PlanningOptions {
  types: Array<{ value: string; label: string }>
  /** Tasks of the plans the user may read, with their plan (the form lists the filtered plan's). */
  tasks: Array<{ value: string; label: string; plan: string }>
  /** Users the planner may see, by unit: their own unit's first (the API refuses any other). */
  assignees: Array<{ group: string; users: Array<{ value: string; label: string }> }>
}

/** The API's field paths as the form's fields. */
const FIELD_OF: Record<string, keyof FormValues> = {
  title: 'title',
  tasks: 'task',
  plannedDate: 'day',
  assignee: 'assignee',
}

const LABELS: Record<keyof FormValues, string> = {
  title: 'Tiêu đề',
  type: 'Loại nội dung',
  task: 'Nhiệm vụ',
  day: 'Ngày dự kiến đăng',
  assignee: 'Người thực hiện',
}

const control = { padding: '0.35rem', minWidth: '14rem', font: 'inherit' } as const

/**
 * "Lên kế hoạch" on the calendar (managers, admins): a new draft with a title, a type, a task, a
 * planned day and an assignee, saved by the ordinary REST create (`POST /api/<type>?draft=true`, the
 * admin's own "save draft" call, with the session cookie), so access control, the assignee's unit
 * rule and every hook apply as for any save. A refusal is shown in the form, naming the field.
 */
export function PlanItemForm({
  apiRoute,
  day,
  plan,
  options,
  onSaved,
  onCancel,
}: {
  apiRoute: string
  day: string
  /** The plan filter: only its tasks are offered. */
  plan: string | undefined
  options: PlanningOptions
  onSaved: (message: string) => void
  onCancel: () => void
}) {
  const id = useId()
  const tasks = options.tasks.filter((t) => !plan || t.plan === plan)
  const [values, setValues] = useState<FormValues>({
    title: '',
    type: options.types[0]?.value ?? '',
    task: tasks.length === 1 ? (tasks[0]?.value ?? '') : '',
    day,
    assignee: '',
  })
  const [error, setError] = useState<{ message: string; fields: Array<{ field: keyof FormValues; text: string }> }>()
  const [busy, setBusy] = useState(false)

  const set = (name: keyof FormValues, value: string) => setValues((v) => ({ ...v, [name]: value }))
  const invalid = (name: keyof FormValues) => error?.fields.some((f) => f.field === name) ?? false
  const fieldProps = (name: keyof FormValues) => ({
    id: `${id}-${name}`,
    name,
    value: values[name],
    'aria-invalid': invalid(name) || undefined,
    'aria-describedby': invalid(name) ? `${id}-error` : undefined,
    style: { ...control, ...(invalid(name) ? { borderColor: 'var(--theme-error-500, #d92d20)' } : {}) },
  })

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const request = planItemRequest(
      values,
      options.types.map((t) => t.value),
    )
    if (!request.ok) {
      setError({ message: request.message, fields: [{ field: request.field, text: request.message }] })
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      const res = await fetch(`${apiRoute}/${request.collection}?draft=true&depth=0`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request.body),
      })
      const body: unknown = await res.json().catch(() => null)
      if (!res.ok) {
        const refusal = apiErrorText(body, res.status)
        setError({
          message: refusal.message,
          fields: refusal.fields.map((f) => ({ field: FIELD_OF[f.path] ?? 'title', text: f.message })),
        })
        return
      }
      onSaved(`Đã lên kế hoạch “${values.title.trim()}” ngày ${formatViDay(values.day)}.`)
    } catch (err) {
      setError({ message: `Không gửi được: ${err instanceof Error ? err.message : String(err)}`, fields: [] })
    } finally {
      setBusy(false)
    }
  }

  const label = (name: keyof FormValues) => (
    <label htmlFor={`${id}-${name}`} style={{ fontSize: 13 }}>
      {LABELS[name]}
    </label>
  )
  const cell = { display: 'flex', flexDirection: 'column', gap: 4 } as const

  return (
    <form
      aria-labelledby={`${id}-heading`}
      data-testid="plan-item-form"
      onSubmit={submit}
      noValidate
      style={{
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 4,
        padding: '0.75rem 1rem',
        margin: '0 0 1rem',
        background: 'var(--theme-elevation-50)',
      }}
    >
      <h3 id={`${id}-heading`} style={{ margin: '0 0 0.5rem', fontSize: 16 }}>
        Lên kế hoạch đăng
      </h3>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'flex-end' }}>
        <div style={{ ...cell, flex: '1 1 18rem' }}>
          {label('title')}
          <input {...fieldProps('title')} type="text" required onChange={(e) => set('title', e.target.value)} />
        </div>
        <div style={cell}>
          {label('type')}
          <select {...fieldProps('type')} onChange={(e) => set('type', e.target.value)}>
            {options.types.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div style={cell}>
          {label('task')}
          <select {...fieldProps('task')} required onChange={(e) => set('task', e.target.value)}>
            <option value="">— Chọn nhiệm vụ —</option>
            {tasks.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div style={cell}>
          {label('day')}
          <input {...fieldProps('day')} type="date" required onChange={(e) => set('day', e.target.value)} />
        </div>
        <div style={cell}>
          {label('assignee')}
          <select {...fieldProps('assignee')} onChange={(e) => set('assignee', e.target.value)}>
            <option value="">— Chưa giao —</option>
            {options.assignees.map((g) => (
              <optgroup key={g.group} label={g.group}>
                {g.users.map((u) => (
                  <option key={u.value} value={u.value}>
                    {u.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <div
          id={`${id}-error`}
          role="alert"
          data-testid="plan-item-error"
          style={{ color: 'var(--theme-error-600, #b42318)', margin: '0.5rem 0 0' }}
        >
          <p style={{ margin: 0 }}>{error.message}</p>
          {error.fields.length > 0 && (
            <ul style={{ margin: '0.25rem 0 0', paddingLeft: '1.25rem' }}>
              {error.fields.map((f) => (
                <li key={`${f.field}-${f.text}`}>
                  {LABELS[f.field]}: {f.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p style={{ display: 'flex', gap: '0.5rem', margin: '0.75rem 0 0' }}>
        <button type="submit" className="btn btn--style-primary btn--size-small" disabled={busy}>
          {busy ? 'Đang lưu…' : 'Lưu kế hoạch'}
        </button>
        <button type="button" className="btn btn--style-secondary btn--size-small" onClick={onCancel}>
          Hủy
        </button>
      </p>
    </form>
  )
}
