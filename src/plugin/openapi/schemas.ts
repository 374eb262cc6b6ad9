import { RECURRENCE_PERIODS, REVIEW_ACTIONS, REVIEW_STATES, TARGET_KINDS } from '../../domain/slugs'
import { ATTAINMENT_FIELDS } from '../../domain/quota'
import { REASON_MAX } from '../../domain/review'
import { closed, nullable, ref, type Schema } from './json'

/**
 * The JSON the plugin's endpoints answer, as JSON Schema (components/schemas of the document).
 * Objects are closed (no properties beyond those listed): the int test checks real answers
 * against these, so a field added to an answer without its description here fails it.
 */

const day: Schema = {
  type: 'string',
  format: 'date',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A calendar day, YYYY-MM-DD, in the counting time zone.',
  examples: ['2026-06-30'],
}
const instant: Schema = { type: 'string', format: 'date-time', examples: ['2026-07-01T02:30:00.000Z'] }
const id: Schema = { type: 'integer', minimum: 1 }
const named: Schema = closed({ id, name: { type: 'string' } })
const enumOf = (values: readonly string[]): Schema =>
  values.length > 0 ? { type: 'string', enum: [...values] } : { type: 'string' }

/** The attainment numbers of a target (domain/quota.ts ATTAINMENT_FIELDS), described once. */
const ATTAINMENT: Record<(typeof ATTAINMENT_FIELDS)[number], Schema> = {
  target: {
    type: 'number',
    minimum: 0,
    description: 'What the target asks for (items, 1 for a deliverable, the indicator value).',
  },
  achieved: { type: 'number', description: 'What counts towards it as of the report day.' },
  late: {
    type: 'integer',
    minimum: 0,
    description: 'Items whose only qualifying publications are after the deadline.',
  },
  percent: { type: 'number', description: 'achieved / target × 100, rounded.' },
  remaining: { type: 'number', minimum: 0 },
  expected: { type: 'number', minimum: 0, description: 'What the pace rule expects by the report day.' },
  status: { type: 'string', enum: ['done', 'on-track', 'at-risk', 'behind', 'overdue'] },
}

function reportTargetProperties(contentTypes: readonly string[]): Record<string, Schema> {
  return {
    id: { type: 'string', description: "The target row's id inside its task." },
    kind: enumOf(TARGET_KINDS),
    label: nullable({ type: 'string' }),
    contentTypes: { type: 'array', items: enumOf(contentTypes) },
    channels: { type: 'array', items: id, description: 'Channel ids; names are in the top-level `channels`.' },
    mode: { enum: ['pooled', 'perChannel', null], description: 'Content targets only; null otherwise.' },
    window: nullable(ref('DayWindow')),
    byChannel: {
      type: 'array',
      description: 'Content targets: every channel of the target in its order, with its uncapped count.',
      items: closed({
        channel: id,
        achieved: { type: 'integer', minimum: 0 },
        quota: nullable({
          type: 'number',
          minimum: 0,
          description: 'The per-channel quota of a perChannel target; null for a pooled one.',
        }),
      }),
    },
    ...ATTAINMENT,
    asOf: nullable({ ...day, description: 'Indicators: the day of the latest progress entry counted; null for none.' }),
  }
}

const reportTask = (): Schema =>
  closed({
    id,
    code: { type: 'string', description: 'The task number (STT) in the plan.' },
    title: { type: 'string' },
    deadline: nullable(day),
    recurring: { type: 'boolean' },
    leadUnits: { type: 'array', items: named },
    targets: { type: 'array', items: ref('ReportTarget') },
  })

const planRef: Schema = closed({ id, code: { type: 'string' }, title: { type: 'string' } })
const channelNames: Schema = { type: 'array', items: named, description: 'Names of the channels the targets use.' }

function quotaReportProperties(): Record<string, Schema> {
  return {
    plan: planRef,
    asOf: day,
    unit: nullable({ ...id, description: 'The lead unit asked for (with the units below it), or null for all.' }),
    tasks: { type: 'array', items: ref('ReportTask') },
    totals: closed({
      target: { type: 'number', minimum: 0 },
      achieved: { type: 'number' },
      percent: { type: 'number' },
    }),
    channels: channelNames,
  }
}

const detailTarget = (contentTypes: readonly string[]): Schema =>
  closed(
    {
      ...reportTargetProperties(contentTypes),
      series: {
        type: 'array',
        description: 'The cumulative line over the window; `achieved` is null for days after the report day.',
        items: closed({ day, achieved: nullable({ type: 'number' }), expected: { type: 'number' } }),
      },
      items: {
        type: 'array',
        maxItems: 100,
        description:
          "This page of the target's items (`page`, 100 a page): counted ones by first day, then the late ones.",
        items: closed({
          type: enumOf(contentTypes),
          id,
          title: { type: 'string' },
          adminUrl: { type: 'string', description: 'Where the item is in the admin.' },
          channels: {
            type: 'array',
            items: closed({ id, name: { type: 'string' }, day, url: nullable({ type: 'string' }) }),
          },
          firstDay: day,
          counted: { type: 'boolean' },
          late: { type: 'boolean' },
        }),
      },
      itemsTotal: {
        type: 'integer',
        minimum: 0,
        description: 'Items listed over all pages: the counted and the late ones.',
      },
      itemsTruncated: { type: 'boolean', description: 'More items follow this page (ask `page` + 1).' },
    },
    ['asOf'],
  )

// ---- plan import: the draft (domain/planImport/types.ts) ----------------------------------------

const line: Schema = nullable({ type: 'integer', minimum: 1 })
/** Where a line was read on a scan: page index (0-based) and box, as fractions of the page. */
const lineBox: Schema = closed({
  page: { type: 'integer', minimum: 0 },
  x: { type: 'number', minimum: 0, maximum: 1 },
  y: { type: 'number', minimum: 0, maximum: 1 },
  w: { type: 'number', minimum: 0, maximum: 1 },
  h: { type: 'number', minimum: 0, maximum: 1 },
})
/** What was read only after repairing OCR-misread words ("cần kiểm tra"); tasks by index. */
const importApproximate: Schema = closed({
  fields: { type: 'array', items: { type: 'string' } },
  tasks: { type: 'array', items: { type: 'integer', minimum: 0 } },
})
const recordId: Schema = { type: ['integer', 'string'] }
const importRef: Schema = closed(
  { id: nullable(recordId), name: { type: 'string' }, line, candidates: { type: 'array', items: recordId } },
  ['candidates'],
)
const dayMonth: Schema = closed({
  day: { type: 'integer', minimum: 1, maximum: 31 },
  month: { type: 'integer', minimum: 1, maximum: 12 },
  label: nullable({ type: 'string' }),
  line,
})
const importMessage: Schema = closed({ key: { type: 'string' }, vars: { type: 'object' } }, ['vars'])

function importTarget(contentTypes: readonly string[]): Schema {
  const base = { source: nullable({ type: 'string' }), line }
  return {
    oneOf: [
      closed({
        kind: { const: 'content' },
        ...base,
        quantity: nullable({ type: 'number', minimum: 0 }),
        contentTypes: { type: 'array', items: enumOf(contentTypes) },
        channels: { type: 'array', items: importRef },
        mode: { enum: ['pooled', 'perChannel'] },
        windowStart: nullable(day),
        label: nullable({ type: 'string' }),
      }),
      closed({ kind: { const: 'deliverable' }, ...base, label: { type: 'string' } }),
      closed({
        kind: { const: 'indicator' },
        ...base,
        targetValue: nullable({ type: 'number' }),
        indicatorUnit: { enum: ['percent', 'number'] },
        label: nullable({ type: 'string' }),
      }),
    ],
  }
}

function importDraft(contentTypes: readonly string[]): Schema {
  const nullableText = nullable({ type: 'string' })
  return {
    ...closed({
      plan: closed({
        code: { type: 'string' },
        title: { type: 'string' },
        issuer: nullableText,
        issueDate: nullable(day),
        period: closed({ from: nullable(day), to: nullable(day) }),
        monthlyDay: nullable({ type: 'integer', minimum: 1, maximum: 28 }),
        fixedReportDates: { type: 'array', items: dayMonth },
        keyDays: { type: 'array', items: dayMonth },
        basedOn: { type: 'array', items: importRef },
        basisDocuments: {
          type: 'array',
          items: closed({ code: nullableText, date: nullable(day), title: { type: 'string' }, line }),
        },
        lines: closed(
          Object.fromEntries(['code', 'title', 'issuer', 'issueDate', 'period', 'monthlyDay'].map((k) => [k, line])),
        ),
      }),
      tasks: {
        type: 'array',
        items: closed({
          code: { type: 'string' },
          codeInferred: { type: 'boolean' },
          title: { type: 'string' },
          content: { type: 'string' },
          leadUnits: { type: 'array', items: importRef },
          coordinatingUnits: { type: 'array', items: importRef },
          timeframe: {
            oneOf: [
              closed({ kind: { const: 'deadline' }, deadline: nullable(day) }),
              closed({ kind: { const: 'recurring' }, recurrence: { enum: [...RECURRENCE_PERIODS, null] } }),
              closed({ kind: { const: 'byYear' }, year: nullable({ type: 'integer' }) }),
            ],
          },
          timeframeText: nullableText,
          timeframeLine: line,
          expectedResult: nullableText,
          targets: { type: 'array', items: importTarget(contentTypes) },
          line,
        }),
      },
      notes: {
        type: 'array',
        items: closed({ message: importMessage, kind: nullableText, line, source: nullableText }),
      },
    }),
    description:
      'The import draft: what the reviewer edits and the commit accepts. Catalog references carry the id the ' +
      'name was matched to (null: the reviewer must choose) and the name as written. See docs/plan-import.md.',
  }
}

const catalogRecord: Schema = closed(
  {
    id: recordId,
    name: { type: 'string' },
    aliases: { type: 'array', items: { type: 'string' } },
    preferred: { type: 'boolean' },
  },
  ['preferred'],
)
const importedPlan: Schema = closed({ id: recordId, code: { type: 'string' } })

// ---- the components ----------------------------------------------------------------------------

/** Everything under components/schemas, for a host's content collections. */
export function componentSchemas(contentTypes: readonly string[]): Record<string, Schema> {
  const reportProps = quotaReportProperties()
  return {
    ErrorEntry: closed(
      {
        message: { type: 'string', description: "In the request's language (Accept-Language: vi or en)." },
        field: {
          type: 'string',
          description: 'The parameter or body field at fault; `(body)` when it is the body as a whole.',
        },
        data: { type: 'object', description: 'More detail, where Payload or the request guard gives it.' },
      },
      ['field', 'data'],
    ),
    Errors: {
      ...closed({ errors: { type: 'array', minItems: 1, items: ref('ErrorEntry') } }),
      description: "Payload's REST error shape, which every refusal of these endpoints uses.",
      examples: [{ errors: [{ message: 'Plan 999 was not found.', field: 'plan' }] }],
    },
    Day: day,
    DayWindow: closed({ from: day, to: day }),
    ReportTarget: closed(reportTargetProperties(contentTypes), ['asOf']),
    ReportTask: reportTask(),
    QuotaReport: closed(reportProps),
    TaskDetail: closed({
      plan: planRef,
      asOf: day,
      page: { type: 'integer', minimum: 1, description: 'The page of items shown.' },
      pageSize: { type: 'integer', minimum: 1, description: 'Items per target on a page.' },
      channels: channelNames,
      task: closed({
        id,
        code: { type: 'string' },
        title: { type: 'string' },
        deadline: nullable(day),
        recurring: { type: 'boolean' },
        leadUnits: { type: 'array', items: named },
      }),
      targets: { type: 'array', items: ref('DetailTarget') },
    }),
    DetailTarget: detailTarget(contentTypes),
    SharedReport: {
      ...closed({ ...reportProps, expiresAt: instant }),
      description: "The plan's report as of today, and when the link expires.",
    },
    ShareState: {
      ...closed({ state: { const: 'active' }, expiresAt: instant }),
      description: 'With `?state=1`: the link is live; no report is built.',
    },
    ReviewStepBody: {
      type: 'object',
      description:
        'All fields optional; an empty body is fine for submit, withdraw and return-less steps. Other fields are ignored.',
      properties: {
        reason: {
          type: ['string', 'null'],
          maxLength: REASON_MAX,
          description: 'Required (non-blank) to return; kept in the history for every step.',
        },
        publishAt: {
          description: 'approve: an ISO date-time in the future schedules the publish; empty or null publishes now.',
          anyOf: [{ type: 'string', format: 'date-time' }, { const: '' }, { type: 'null' }],
        },
        updatedAt: {
          type: 'string',
          format: 'date-time',
          description:
            'approve: required, the `updatedAt` of the draft the reviewer saw; 409 if it was saved again since.',
        },
      },
      examples: [{ updatedAt: '2026-07-01T02:30:00.000Z' }, { reason: 'Thiếu nguồn ảnh.' }],
    },
    ReviewStep: closed({
      id,
      collection: enumOf(contentTypes),
      action: enumOf(REVIEW_ACTIONS),
      state: enumOf(REVIEW_STATES),
      publishAt: nullable(instant),
      published: { type: 'boolean', description: 'The step published the item now.' },
    }),
    ImportDraft: importDraft(contentTypes),
    ImportCatalog: closed({
      units: { type: 'array', items: catalogRecord },
      channels: { type: 'array', items: catalogRecord },
      plans: { type: 'array', items: importedPlan },
    }),
    ImportPreview: closed({
      draft: ref('ImportDraft'),
      problems: {
        type: 'array',
        maxItems: 100,
        description: 'What still blocks the commit, each naming its field path (`tasks[2].targets[0].quantity`).',
        items: closed({ field: { type: 'string' }, message: { type: 'string' } }),
      },
      notes: {
        type: 'array',
        items: closed({
          message: { type: 'string' },
          kind: nullable({ type: 'string' }),
          line,
          source: nullable({ type: 'string' }),
        }),
      },
      catalog: ref('ImportCatalog'),
      existing: nullable(importedPlan),
      source: closed({ fileName: nullable({ type: 'string' }), text: { type: 'string' } }),
      approximate: importApproximate,
    }),
    ScanImportStarted: closed({
      id,
      status: { const: 'queued' },
      pagesDone: { const: 0 },
      pagesTotal: { type: 'integer', minimum: 1 },
      fileName: { type: 'string' },
      url: { type: 'string', description: 'Where to follow it: `/api/plan-import/{id}`.' },
    }),
    ScanImport: {
      type: 'object',
      description:
        'A scan import. `queued`/`running`: `pagesDone` of `pagesTotal` read. `failed`: `error` with the status and field-named message the request would have got. `done`: also every property of ImportPreview, and `review`.',
      required: ['id', 'fileName', 'status', 'pagesDone', 'pagesTotal', 'error'],
      properties: {
        id,
        fileName: { type: 'string' },
        status: { enum: ['queued', 'running', 'done', 'failed'] },
        pagesDone: { type: 'integer', minimum: 0 },
        pagesTotal: { type: 'integer', minimum: 1 },
        error: nullable(
          closed({ status: { type: 'integer' }, field: { type: 'string' }, message: { type: 'string' } }),
        ),
        review: closed({
          approximate: importApproximate,
          boxes: closed({
            plan: {
              type: 'object',
              additionalProperties: nullable(lineBox),
              description: 'code, issuer, issueDate, title, period, monthlyDay → box or null.',
            },
            basisDocuments: { type: 'array', items: nullable(lineBox) },
            fixedReportDates: { type: 'array', items: nullable(lineBox) },
            tasks: { type: 'array', items: nullable(lineBox) },
          }),
          pages: {
            type: 'array',
            items: closed({
              page: { type: 'integer', minimum: 1 },
              width: { type: 'integer', minimum: 1 },
              height: { type: 'integer', minimum: 1 },
              url: { type: 'string', description: '`/api/plan-import/{id}/pages/{page}` (WebP).' },
            }),
          },
        }),
      },
    },
    ImportCommitted: closed({
      status: { enum: ['created', 'exists'] },
      plan: importedPlan,
      created: closed({
        plans: { type: 'integer', minimum: 0, maximum: 1 },
        tasks: { type: 'integer', minimum: 0 },
        targets: { type: 'integer', minimum: 0 },
      }),
      url: { type: 'string', description: 'The plan in the admin.' },
    }),
  }
}
