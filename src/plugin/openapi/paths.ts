import { REVIEW_ACTIONS } from '../../domain/slugs'
import { ref, responseRef, type JsonObject, type Operation, type Schema } from './json'

/**
 * The plugin's endpoints as OpenAPI path items, keyed by their path under the API route
 * (`/quota/report`, not `/api/quota/report`: the server URL carries the route). Each follows the
 * handler it describes (src/plugin/<feature>/endpoints/): the same parameters and rules, and
 * every status it answers.
 */

/** What the paths depend on: the host's content collections, review on or off, the feed limits. */
export interface PathSettings {
  contentCollections: readonly string[]
  review: boolean
  feeds: { defaultLimit: number; maxLimit: number }
}

/** Any of Payload's ways to sign in (components/securitySchemes); the endpoint then checks the role. */
const SIGNED_IN: JsonObject[] = ['payloadJwt', 'bearerJwt', 'payloadCookie', 'apiKey'].map((scheme) => ({
  [scheme]: [],
}))

const json = (schema: Schema, examples?: Record<string, JsonObject>): JsonObject => ({
  'application/json': { schema, ...(examples ? { examples } : {}) },
})
const header = (description: string, schema: Schema = { type: 'string' }): JsonObject => ({ description, schema })
const NO_STORE = { 'Cache-Control': header('`no-store`: quota numbers change with every publish.') }
const attachment = (ext: string) => header(`\`attachment; filename="bao-cao-chi-tieu-<plan>-<asOf>.${ext}"\``)

const query = (name: string, schema: Schema, description: string, extra: JsonObject = {}): JsonObject => ({
  name,
  in: 'query',
  description,
  schema,
  ...extra,
})
const path = (name: string, schema: Schema, description: string, extra: JsonObject = {}): JsonObject => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
  ...extra,
})

/** A positive id as the parsers accept it (1 to 10 digits, no sign, no leading zero). */
const positiveId: Schema = { type: 'integer', minimum: 1, maximum: 9_999_999_999 }
const feedId: Schema = { type: 'integer', minimum: 1, maximum: 2_147_483_647 }
const asOf = query(
  'asOf',
  ref('Day'),
  'The report day (YYYY-MM-DD); default today in the counting time zone. Counts only what was published up to it.',
  { example: '2026-06-30' },
)

const REPORT_EXAMPLE: JsonObject = {
  plan: { id: 3, code: 'KH-02/2026', title: 'Kế hoạch truyền thông năm 2026' },
  asOf: '2026-06-30',
  unit: null,
  tasks: [
    {
      id: 12,
      code: '1',
      title: 'Tuyên truyền chuyển đổi số',
      deadline: '2026-12-31',
      recurring: false,
      leadUnits: [{ id: 2, name: 'Phòng Truyền thông' }],
      targets: [
        {
          id: '6650c1d2e4b0a1f2c3d4e5f6',
          kind: 'content',
          label: 'Tin bài trên Cổng và VnExpress',
          contentTypes: ['articles'],
          channels: [1, 2],
          mode: 'perChannel',
          window: { from: '2026-01-01', to: '2026-12-31' },
          byChannel: [
            { channel: 1, achieved: 7, quota: 10 },
            { channel: 2, achieved: 3, quota: 10 },
          ],
          target: 20,
          achieved: 10,
          late: 0,
          percent: 50,
          remaining: 10,
          expected: 9.9,
          status: 'on-track',
        },
      ],
    },
  ],
  totals: { target: 20, achieved: 10, percent: 50 },
  channels: [
    { id: 1, name: 'Cổng TTĐT' },
    { id: 2, name: 'VnExpress' },
  ],
}

const errorExample = (message: string, field?: string): JsonObject => ({
  value: { errors: [field ? { message, field } : { message }] },
})

/** A refusal in Payload's error shape (components/schemas/Errors). */
const refusal = (description: string, examples?: Record<string, JsonObject>, headers?: JsonObject): JsonObject => ({
  description,
  ...(headers ? { headers } : {}),
  content: json(ref('Errors'), examples),
})

function quotaPaths(): Record<string, JsonObject> {
  const managers =
    'Managers, admins and integration accounts (API key) only: 401 without sign-in, 403 for other roles. Read as the signed-in user (access control on).'
  return {
    '/quota/report': {
      get: {
        operationId: 'getQuotaReport',
        tags: ['quota'],
        summary: "A plan's quota attainment as of a day",
        description: `${managers} For each task and target: the attainment numbers, per-channel counts, plan totals. See docs/report.md.`,
        security: SIGNED_IN,
        parameters: [
          query('plan', positiveId, 'The plan id.', { required: true, example: 3 }),
          asOf,
          query('unit', positiveId, 'Only tasks led by this unit or a unit below it.'),
          query(
            'format',
            { type: 'string', enum: ['json', 'csv', 'xlsx', 'docx', 'pdf'], default: 'json' },
            'The answer: JSON, or a download (CSV, Excel workbook, Word or PDF document). Case-insensitive.',
          ),
        ],
        responses: {
          '200': {
            description: 'The report, in the format asked for.',
            headers: { ...NO_STORE, 'Content-Disposition': attachment('csv|xlsx|docx|pdf (downloads only)') },
            content: {
              ...json(ref('QuotaReport'), { report: { value: REPORT_EXAMPLE } }),
              'text/csv': {
                schema: { type: 'string', description: 'UTF-8 with a byte-order mark; columns in docs/report.md.' },
              },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: { type: 'string', format: 'binary' },
              },
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
                schema: { type: 'string', format: 'binary' },
              },
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
            },
          },
          '400': refusal('A parameter is missing or malformed; `field` names it.', {
            badDay: errorExample('asOf must be a calendar day written YYYY-MM-DD, got "30/06/2026".', 'asOf'),
          }),
          '401': responseRef('SignInRequired'),
          '403': responseRef('Forbidden'),
          '404': refusal('No such plan, or the user cannot see it (`field`: plan).'),
          '501': refusal('`format=pdf` on a server without LibreOffice to convert the document.'),
          default: responseRef('Failure'),
        },
      },
    },
    '/quota/task': {
      get: {
        operationId: 'getTaskAttainment',
        tags: ['quota'],
        summary: "One task's targets with the items behind each number (the drill-down)",
        description: `${managers} Each content target lists its items (counted or late), 100 a page, and the cumulative line; over all pages the flags add up to the report's numbers.`,
        security: SIGNED_IN,
        parameters: [
          query('task', positiveId, 'The task id.', { required: true, example: 12 }),
          asOf,
          query('page', positiveId, "Which page of each target's items; 1 (the first) when left out.", { example: 2 }),
        ],
        responses: {
          '200': { description: 'The drill-down.', headers: NO_STORE, content: json(ref('TaskDetail')) },
          '400': refusal('A parameter is missing or malformed; `field` names it.', {
            noTask: errorExample('task is required: the id of the task.', 'task'),
          }),
          '401': responseRef('SignInRequired'),
          '403': responseRef('Forbidden'),
          '404': refusal('No such task, or the user cannot see it (`field`: task).'),
          default: responseRef('Failure'),
        },
      },
    },
    '/quota/periodic-report': {
      get: {
        operationId: 'getPeriodicReportDocument',
        tags: ['quota'],
        summary: 'A stored periodic report as the document to sign (.docx or PDF)',
        description:
          'Managers and admins only: 401 without sign-in, 403 for other roles. The numbers and items of the report day (as mailed), with the narrative and signer saved on the record. See docs/report.md.',
        security: SIGNED_IN,
        parameters: [
          query('id', positiveId, 'The periodic report record (Báo cáo định kỳ).', { required: true, example: 7 }),
          query(
            'format',
            { type: 'string', enum: ['docx', 'pdf'], default: 'docx' },
            'Word document, or PDF where LibreOffice is installed.',
          ),
        ],
        responses: {
          '200': {
            description: 'The document.',
            headers: { ...NO_STORE, 'Content-Disposition': attachment('docx|pdf') },
            content: {
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
                schema: { type: 'string', format: 'binary' },
              },
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
            },
          },
          '400': refusal('`id` or `format` is missing or malformed; `field` names it.'),
          '401': responseRef('SignInRequired'),
          '403': responseRef('Forbidden'),
          '404': refusal('No such periodic report, or the user cannot see it (`field`: id).'),
          '501': refusal('`format=pdf` on a server without LibreOffice to convert the document.'),
          default: responseRef('Failure'),
        },
      },
    },
  }
}

function sharePaths(): Record<string, JsonObject> {
  const headers = {
    'Cache-Control': header('`private, no-store`: the token is in the address.'),
    'X-Robots-Tag': header('`noindex, nofollow`'),
    'Referrer-Policy': header('`no-referrer`'),
  }
  return {
    '/quota/shared/{token}': {
      get: {
        operationId: 'getSharedReport',
        tags: ['share'],
        summary: "A share link's plan report, without an account",
        description:
          'The token is the capability (the part of the share URL after `/share/`). The report is as of today. See docs/share-links.md.',
        security: [],
        parameters: [
          path('token', { type: 'string' }, '`<id>.<signature>` from the share link.', {
            example: '17.q3V0b2tlbi1leGFtcGxlLXNpZ25hdHVyZQ',
          }),
          query('state', { type: 'string', enum: ['1'] }, '`1`: only whether the link is live; no report is built.'),
        ],
        responses: {
          '200': {
            description: 'The report and when the link expires; with `state=1`, the state alone.',
            headers,
            content: json({ oneOf: [ref('SharedReport'), ref('ShareState')] }),
          },
          '404': refusal('Not a live link of this server (malformed, forged or unknown token).', undefined, headers),
          '410': refusal('The link was revoked or has expired; the message says which.', undefined, headers),
          default: responseRef('Failure'),
        },
      },
    },
  }
}

function calendarPaths(contentCollections: readonly string[]): Record<string, JsonObject> {
  const headers = {
    'Cache-Control': header('`private, no-store`: the token is in the address.'),
    'X-Robots-Tag': header('`noindex, nofollow`'),
    'Referrer-Policy': header('`no-referrer`'),
  }
  const day = (name: string, description: string) =>
    query(name, { type: 'string', format: 'date' }, description, { required: true })
  const id = (name: string, description: string) => query(name, { type: 'integer', minimum: 1 }, description)
  return {
    '/calendar/events': {
      get: {
        operationId: 'getCalendarEvents',
        tags: ['calendar'],
        summary: 'What the plan calendar shows in a range of days',
        description:
          'Plan days (report days, key days), task deadlines, target windows (bars from `day` to `end`, exclusive), ' +
          'planned items (slipped when their day has passed), pending scheduled publishes ("Hẹn đăng") and ' +
          'the publications of published items, read as the signed-in user: managers and admins see every unit, ' +
          'other staff their unit and what is assigned to them. See docs/calendar.md.',
        security: SIGNED_IN,
        parameters: [
          day('from', 'First day, YYYY-MM-DD.'),
          day('to', 'Last day, YYYY-MM-DD; at most 400 days after `from`.'),
          id('plan', 'Only this plan (its days, tasks and their items).'),
          id('unit', 'Only the tasks this unit leads or coordinates, and its items.'),
          id('channel', 'Only publications on this channel (planned items and scheduled publishes are left out).'),
          query('type', { type: 'string', enum: [...contentCollections] }, 'Only this content type (collection).'),
          id('assignee', 'Only items assigned to this user.'),
        ],
        responses: {
          '200': {
            description: 'The events, by day.',
            content: json({
              type: 'object',
              required: ['from', 'to', 'events'],
              properties: {
                from: { type: 'string', format: 'date' },
                to: { type: 'string', format: 'date' },
                events: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['id', 'kind', 'day', 'title', 'path', 'editable'],
                    properties: {
                      id: { type: 'string' },
                      kind: {
                        type: 'string',
                        enum: [
                          'deadline',
                          'report',
                          'key-day',
                          'window',
                          'planned',
                          'slipped',
                          'scheduled',
                          'published',
                        ],
                      },
                      day: { type: 'string', format: 'date' },
                      end: {
                        type: 'string',
                        format: 'date',
                        description: 'A target window: the day after its last day (exclusive, as calendars expect).',
                      },
                      title: { type: 'string' },
                      path: { type: ['string', 'null'] },
                      collection: { type: 'string' },
                      item: { type: 'integer' },
                      channel: { type: 'integer' },
                      assignee: { type: ['integer', 'null'] },
                      editable: { type: 'boolean' },
                    },
                  },
                },
              },
            }),
          },
          '400': refusal('A parameter is missing or malformed; `field` names it.'),
          '401': responseRef('SignInRequired'),
          '403': responseRef('Forbidden'),
          default: responseRef('Failure'),
        },
      },
    },
    '/calendar/feeds/{token}': {
      get: {
        operationId: 'getCalendarFeed',
        tags: ['calendar'],
        summary: 'A calendar subscription as iCalendar, without a session',
        description:
          'The token is the capability (the `url` of a calendar-feeds record; `.ics` may follow it). All-day events: ' +
          'task deadlines, report days, key days and planned items, on calendar days in the plan time zone. See docs/calendar.md.',
        security: [],
        parameters: [
          path('token', { type: 'string' }, '`<id>.<signature>`, optionally followed by `.ics`.', {
            example: '4.q3V0b2tlbi1leGFtcGxlLXNpZ25hdHVyZQ.ics',
          }),
        ],
        responses: {
          '200': {
            description: 'The iCalendar document (RFC 5545).',
            headers,
            content: { 'text/calendar': { schema: { type: 'string' } } },
          },
          '404': refusal('Not a subscription of this server (malformed, forged or unknown token).', undefined, headers),
          '410': refusal('The subscription was revoked.', undefined, headers),
          default: responseRef('Failure'),
        },
      },
    },
  }
}

function reviewPaths(contentCollections: readonly string[]): Record<string, JsonObject> {
  return {
    '/review/{collection}/{id}/{action}': {
      post: {
        operationId: 'postReviewStep',
        tags: ['review'],
        summary: 'One editorial review step on a content item',
        description:
          'submit and withdraw: whoever may edit the item; approve and return: reviewers of its unit, managers, ' +
          'admins (nobody but an admin approves their own submission). Approving publishes now or at `publishAt`. ' +
          'See docs/review.md.',
        security: SIGNED_IN,
        parameters: [
          path(
            'collection',
            contentCollections.length > 0 ? { type: 'string', enum: [...contentCollections] } : { type: 'string' },
            'A content collection under review; another is 404.',
          ),
          path('id', { type: 'integer', minimum: 0 }, 'The item id; anything else is 404.', { example: 42 }),
          path('action', { type: 'string', enum: [...REVIEW_ACTIONS] }, 'The step; another is 404.'),
        ],
        requestBody: {
          required: false,
          content: json(ref('ReviewStepBody')),
        },
        responses: {
          '200': {
            description: "The item's new review state.",
            headers: NO_STORE,
            content: json(ref('ReviewStep'), {
              approved: {
                value: {
                  id: 42,
                  collection: contentCollections[0] ?? 'articles',
                  action: 'approve',
                  state: 'approved',
                  publishAt: null,
                  published: true,
                },
              },
            }),
          },
          '400': refusal('The body is not a JSON object, or a field is wrong (`field` names it).', {
            noReason: errorExample('A return needs a reason (field "reason").', 'reason'),
          }),
          '401': responseRef('SignInRequired'),
          '403': refusal('The user may not take this step on this item.'),
          '404': refusal('Unknown collection, item or action (`field` names which).'),
          '409': refusal(
            "Not allowed from the item's current state (`field`: state), or the draft was saved again after the reviewer saw it (`field`: updatedAt).",
          ),
          default: responseRef('Failure'),
        },
      },
    },
  }
}

function importPaths(): Record<string, JsonObject> {
  const importers = 'Managers and admins only (401/403). See docs/plan-import.md.'
  const options = {
    code: { type: 'string', maxLength: 100, description: "The plan's code, when the text does not give it." },
    recurrence: { type: 'string', enum: ['month', 'quarter', 'year'], description: 'For recurring tasks without one.' },
  }
  return {
    '/plan-import/preview': {
      post: {
        operationId: 'previewPlanImport',
        tags: ['plan-import'],
        summary: 'Plan text or a .txt/.docx/.pdf file or scan → the draft to review; nothing is saved',
        description: importers,
        security: SIGNED_IN,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['text'],
                properties: { text: { type: 'string', minLength: 1, maxLength: 500_000 }, ...options },
              },
              example: { text: 'KẾ HOẠCH\nTruyền thông năm 2026\n1. Tuyên truyền chuyển đổi số…', code: 'KH-02/2026' },
            },
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  file: {
                    type: 'string',
                    format: 'binary',
                    description:
                      'A .txt (UTF-8) or .docx file, at most 5 MB; or a .pdf, or a scanned .png/.jpg/.tif, at most 20 MB. ' +
                      'A PDF without a text layer and an image are scans: checked here (at most 10 pages, 40 million pixels ' +
                      'a page at 300 dpi), then OCR-read (Tesseract, Vietnamese) in the background within 120 seconds: 202.',
                  },
                  text: { type: 'string', description: 'Plan text instead of a file.' },
                  ...options,
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The draft, its problems and notes, the catalog.',
            headers: NO_STORE,
            content: json(ref('ImportPreview')),
          },
          '202': {
            description:
              'A scan: accepted and being read in the background; follow it at `url` (GET /plan-import/{id}).',
            headers: { ...NO_STORE, Location: header('`/api/plan-import/{id}`') },
            content: json(ref('ScanImportStarted')),
          },
          '400': refusal(
            'No text, empty text, an unreadable file or form (also an encrypted, damaged or empty PDF), or a bad option; `field` names it.',
            {
              noText: errorExample('text: is required and cannot be empty.', 'text'),
            },
          ),
          '401': responseRef('SignInRequired'),
          '403': responseRef('Forbidden'),
          '413': refusal(
            'The file or text is too large (5 MB, 20 MB for a PDF or scan, 500,000 characters, a .docx that unpacks too large, ' +
              'a PDF over 300 pages, a scan over 10 pages or over 40 million pixels a page), refused before any OCR.',
          ),
          '415': refusal('The body is neither JSON nor multipart/form-data (`field`: (body)).'),
          '503': refusal('The server lacks the OCR programs; the message names the Debian packages to install.'),
          default: responseRef('Failure'),
        },
      },
    },
    '/plan-import/{id}': {
      get: {
        operationId: 'getPlanImport',
        tags: ['plan-import'],
        summary: "A scan import's progress, failure, or (read) its preview with each field's page box",
        description:
          "The uploader's own imports (admins: any). A failure carries the status the request would have got: 422 OCR over its time limit, 400 unreadable, 503 interrupted (the server stopped: upload again).",
        security: SIGNED_IN,
        parameters: [path('id', feedId, 'The import (the 202 gave it).', { example: 7 })],
        responses: {
          '200': { description: 'Its state.', headers: NO_STORE, content: json(ref('ScanImport')) },
          '400': refusal('`id` is not a positive integer.', {
            bad: errorExample('id phải là số nguyên dương (đã gửi "x").', 'id'),
          }),
          '401': responseRef('SignInRequired'),
          '403': responseRef('Forbidden'),
          '404': refusal('No such import, or another user’s.'),
          default: responseRef('Failure'),
        },
      },
    },
    '/plan-import/{id}/pages/{page}': {
      get: {
        operationId: 'getPlanImportPage',
        tags: ['plan-import'],
        summary: 'A page of a read scan as the WebP image kept with the import (for the crops beside the fields)',
        description: "The uploader's own imports (admins: any). `Cache-Control: private`.",
        security: SIGNED_IN,
        parameters: [
          path('id', feedId, 'The import.', { example: 7 }),
          path('page', { type: 'integer', minimum: 1 }, 'The page, from 1.', { example: 1 }),
        ],
        responses: {
          '200': {
            description: 'The page image.',
            content: { 'image/webp': { schema: { type: 'string', format: 'binary' } } },
          },
          '400': refusal('`id` or `page` is not one (the error names it).'),
          '401': responseRef('SignInRequired'),
          '403': responseRef('Forbidden'),
          '404': refusal('No such import, or another user’s.'),
          '409': refusal('The scan is not read yet (or failed): no page images.'),
          default: responseRef('Failure'),
        },
      },
    },
    '/plan-import/commit': {
      post: {
        operationId: 'commitPlanImport',
        tags: ['plan-import'],
        summary: 'A reviewed draft → the plan and its tasks, in one transaction',
        description: `${importers} Idempotent on the plan code: a plan with that code is left alone (200, \`exists\`).`,
        security: SIGNED_IN,
        requestBody: { required: true, content: json(ref('ImportDraft')) },
        responses: {
          '201': { description: 'Created.', headers: NO_STORE, content: json(ref('ImportCommitted')) },
          '200': {
            description: 'A plan with this code exists; nothing was created.',
            headers: NO_STORE,
            content: json(ref('ImportCommitted')),
          },
          '400': refusal('The draft has problems; each error names its field path. Nothing was written.', {
            problem: errorExample(
              'tasks[0].leadUnits[0]: unit "Sở TT" matches no unit of the catalog: choose an existing unit, or add it to the catalog and parse again.',
              'tasks[0].leadUnits[0]',
            ),
          }),
          '401': responseRef('SignInRequired'),
          '403': responseRef('Forbidden'),
          default: responseRef('Failure'),
        },
      },
    },
  }
}

function feedPaths(settings: PathSettings): Record<string, JsonObject> {
  const { contentCollections, feeds } = settings
  const types: Schema = {
    type: 'array',
    items: contentCollections.length > 0 ? { type: 'string', enum: [...contentCollections] } : { type: 'string' },
    minItems: 1,
  }
  const filters = (skip: string): JsonObject[] =>
    [
      query('plan', feedId, "Only items tagged with this plan's tasks."),
      query('task', feedId, 'Only items tagged with this task.'),
      query('channel', feedId, 'Only items with a publication on this channel.'),
      query('unit', feedId, 'Only items of this unit or the units below it.'),
      query('type', types, 'Content types, comma-separated; default all.', { style: 'form', explode: false }),
      query(
        'limit',
        { type: 'integer', minimum: 1, maximum: feeds.maxLimit, default: feeds.defaultLimit },
        `Items, newest first; more than ${feeds.maxLimit} is a 400, not clamped.`,
      ),
      {
        name: 'If-None-Match',
        in: 'header',
        schema: { type: 'string' },
        description: 'A conditional GET: 304 when unchanged.',
      },
      {
        name: 'If-Modified-Since',
        in: 'header',
        schema: { type: 'string' },
        description: 'A conditional GET: 304 when unchanged.',
      },
    ].filter((p) => p.name !== skip)
  const cacheHeaders = {
    ETag: header("The feed's version."),
    'Last-Modified': header("The newest item's time, when there is one."),
    'Cache-Control': header('`public, max-age=<feeds.maxAge>`'),
  }
  const operation = (operationId: string, summary: string, skip: string, pathParams: JsonObject[]): Operation => ({
    operationId,
    tags: ['feeds'],
    summary,
    description: 'Public: published, untrashed items only, the same for everyone. See docs/feeds.md.',
    security: [],
    parameters: [...pathParams, ...filters(skip)],
    responses: {
      '200': {
        description: 'An RSS 2.0 feed.',
        headers: cacheHeaders,
        content: { 'application/rss+xml': { schema: { type: 'string' } } },
      },
      '304': { description: "Not modified since the conditional GET's version.", headers: cacheHeaders },
      '400': refusal('A parameter is malformed, repeated, or over the limit; `field` names it.', {
        badLimit: errorExample(`limit must be a whole number from 1 to ${feeds.maxLimit}, got "500".`, 'limit'),
      }),
      '404': refusal('The plan, task, channel or unit does not exist (`field` names it).'),
      '503': refusal('The feed cannot be built just now.', undefined, {
        'Retry-After': header('Seconds to wait.', { type: 'integer' }),
      }),
    },
  })
  const readable = (kind: 'plan' | 'task') =>
    path(
      kind,
      { type: 'string', pattern: '^[1-9]\\d{0,9}(-[^/]*)?(\\.xml)?$' },
      `The ${kind} id, optionally followed by words and \`.xml\` (the words are for people and not checked).`,
      { example: `7-ke-hoach-2026.xml` },
    )
  return {
    '/feeds/rss.xml': { get: operation('getSiteFeed', 'Every published item (narrowed by the query)', '', []) },
    '/feeds/plans/{plan}': {
      get: operation('getPlanFeed', "A plan's items", 'plan', [readable('plan')]),
    },
    '/feeds/tasks/{task}': {
      get: operation('getTaskFeed', "A task's items", 'task', [readable('task')]),
    },
  }
}

function inboxPaths(): Record<string, JsonObject> {
  const redirect = (description: string): JsonObject => ({
    description,
    headers: {
      Location: header('A page of the admin (`/admin/…`); never another site.'),
      'Cache-Control': header('`no-store`'),
    },
  })
  return {
    '/inbox/open/{id}': {
      get: {
        operationId: 'openNotification',
        tags: ['inbox'],
        summary: 'Open a notification: mark it read and go to its page',
        description:
          "The signed-in user's own notifications only. Goes to the notice's admin page, or to `/admin/inbox` when it has none (or a stored link that leaves the admin).",
        security: SIGNED_IN,
        parameters: [path('id', positiveId, 'The notification.', { example: 42 })],
        responses: {
          '303': redirect('Marked read; to the page the notice is about.'),
          '400': refusal('`id` is not a notification id.', { bad: errorExample('No such notification.', 'id') }),
          '401': refusal('Not signed in.'),
          '404': refusal("Not one of the reader's notifications.", {
            other: errorExample('No such notification.', 'id'),
          }),
          default: responseRef('Failure'),
        },
      },
    },
    '/inbox/read-all': {
      post: {
        operationId: 'markAllNotificationsRead',
        tags: ['inbox'],
        summary: "Mark all the reader's notifications read",
        description:
          'From the inbox page (a form) it goes back to `/admin/inbox`; a client sending `Accept: application/json` gets the number marked.',
        security: SIGNED_IN,
        responses: {
          '200': {
            description: 'How many were marked read (with `Accept: application/json`).',
            content: json(
              {
                type: 'object',
                additionalProperties: false,
                required: ['marked'],
                properties: { marked: { type: 'integer', minimum: 0 } },
              },
              { three: { value: { marked: 3 } } },
            ),
          },
          '303': redirect('Back to the inbox (a form post).'),
          '401': refusal('Not signed in.'),
          default: responseRef('Failure'),
        },
      },
    },
  }
}

function contractPaths(): Record<string, JsonObject> {
  return {
    '/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        tags: ['contract'],
        summary: 'This document',
        description: 'Public: it describes the contract and holds no data.',
        security: [],
        responses: {
          '200': {
            description: 'The OpenAPI 3.1 document.',
            headers: { 'Cache-Control': header('`public, max-age=300`') },
            content: json({
              type: 'object',
              required: ['openapi', 'info', 'paths'],
              properties: {
                openapi: { type: 'string', pattern: '^3\\.1\\.' },
                info: { type: 'object' },
                paths: { type: 'object' },
              },
            }),
          },
        },
      },
    },
  }
}

/** Every path the plugin serves with these settings (review paths only with review on). */
export function pluginPaths(settings: PathSettings): Record<string, JsonObject> {
  return {
    ...quotaPaths(),
    ...sharePaths(),
    ...calendarPaths(settings.contentCollections),
    ...(settings.review ? reviewPaths(settings.contentCollections) : {}),
    ...importPaths(),
    ...feedPaths(settings),
    ...inboxPaths(),
    ...contractPaths(),
  }
}
