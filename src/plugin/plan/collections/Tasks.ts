import { validations, type CollectionConfig, type PayloadRequest } from 'payload'
import { isAdminOrManager } from '../../access/isAdminOrManager'
import { isAuthenticated } from '../../access/isAuthenticated'
import {
  checkDeadline,
  checkDeliverable,
  checkIndicatorTarget,
  checkNonEmpty,
  checkNotFuture,
  checkProgressValue,
  checkQuantity,
  checkRecurrence,
  checkWindowStart,
  checkYear,
  type TimeframeInput,
} from '../../../domain/planRules'
import { toValidation } from '../../shared/validation'
import { CONTENT_TYPES, RECURRENCE_PERIODS, SLUGS, TARGET_KINDS, TIMEFRAME_KINDS } from '../../../domain/slugs'
import { computeTaskPickerFields } from '../hooks/computeTaskPickerFields'
import { ensureUniqueTaskCode } from '../hooks/ensureUniqueTaskCode'
import { foldTaskSearch } from '../hooks/foldTaskSearch'

type Sibling = Record<string, unknown>
type V = { req: PayloadRequest; siblingData: Sibling; data: Partial<Record<string, unknown>> }

const dayOnly = { date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'd/M/yyyy' } }
const isKind = (kind: string) => (_: unknown, sibling: Sibling | undefined) => sibling?.kind === kind
const onlyFor = (kind: string, sibling: Sibling) => sibling.kind === kind

/** The target row that contains a nested field, from the field's path (targets.N.…). */
function targetRowAt(
  data: Partial<Record<string, unknown>>,
  path: Array<string | number> | undefined,
): Sibling | undefined {
  const index = path?.[0] === 'targets' ? Number(path[1]) : Number.NaN
  const rows = data.targets
  return Array.isArray(rows) && Number.isInteger(index) ? (rows[index] as Sibling | undefined) : undefined
}

export const CONTENT_TYPE_LABELS = {
  articles: { vi: 'Tin bài', en: 'Articles' },
  infographics: { vi: 'Infographic', en: 'Infographics' },
  videos: { vi: 'Video', en: 'Videos' },
} as const

export const Tasks: CollectionConfig = {
  slug: SLUGS.tasks,
  labels: {
    singular: { vi: 'Nhiệm vụ', en: 'Task' },
    plural: { vi: 'Nhiệm vụ', en: 'Tasks' },
  },
  admin: {
    // Every picker and relationship cell shows this: plan code, STT, title and deadline, so
    // near-identical titles of different plans can be told apart (issue 21 point 2).
    useAsTitle: 'pickerLabel',
    defaultColumns: ['code', 'title', 'plan', 'timeframe.kind', 'timeframe.deadline'],
    group: { vi: 'Kế hoạch', en: 'Planning' },
    // Folded plan code, STT, title and content: "truyen thong" finds "Truyền thông".
    listSearchableFields: ['searchText'],
  },
  defaultSort: 'sortOrder',
  access: {
    read: isAuthenticated,
    create: isAdminOrManager,
    update: isAdminOrManager,
    delete: isAdminOrManager,
  },
  hooks: {
    beforeOperation: [foldTaskSearch],
    beforeChange: [ensureUniqueTaskCode, computeTaskPickerFields],
  },
  fields: [
    // Computed on every save from the task and its plan (computeTaskPickerFields): stored so
    // that the picker can search and sort by them in SQL.
    {
      name: 'pickerLabel',
      type: 'text',
      label: { vi: 'Nhiệm vụ (kế hoạch · STT. tên · hạn)', en: 'Task (plan · no. title · deadline)' },
      admin: { hidden: true, disableListFilter: true },
    },
    {
      name: 'searchText',
      type: 'text',
      label: { vi: 'STT, tên, nội dung nhiệm vụ hoặc số hiệu kế hoạch', en: 'number, title, content or plan code' },
      admin: { hidden: true, disableListColumn: true, disableListFilter: true },
    },
    {
      name: 'pickerSort',
      type: 'text',
      index: true,
      admin: { hidden: true, disableListColumn: true, disableListFilter: true },
    },
    {
      // Shown only on saved tasks to managers; computed from the quota report, never stored.
      name: 'attainment',
      type: 'ui',
      label: { vi: 'Tiến độ chỉ tiêu', en: 'Attainment' },
      admin: {
        position: 'sidebar',
        components: { Field: '/plugin/report/admin/TaskAttainmentField#TaskAttainmentField' },
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'plan',
          type: 'relationship',
          relationTo: SLUGS.plans,
          required: true,
          index: true,
          label: { vi: 'Kế hoạch', en: 'Plan' },
        },
        {
          name: 'code',
          type: 'text',
          required: true,
          label: { vi: 'Số thứ tự / mã', en: 'Number / code' },
          admin: {
            description: {
              vi: 'STT trong phụ lục hoặc mục, ví dụ "3" hoặc "III.1.a".',
              en: 'Appendix number or outline code, e.g. "3" or "III.1.a".',
            },
          },
        },
        { name: 'sortOrder', type: 'number', index: true, label: { vi: 'Thứ tự hiển thị', en: 'Sort order' } },
      ],
    },
    { name: 'title', type: 'text', required: true, label: { vi: 'Tên nhiệm vụ', en: 'Title' } },
    {
      name: 'feedLinks',
      type: 'ui',
      label: { vi: 'Nguồn tin RSS', en: 'RSS feeds' },
      admin: {
        position: 'sidebar',
        disableListColumn: true,
        components: { Field: '/plugin/feeds/admin/FeedLinks#FeedLinks' },
      },
    },
    { name: 'content', type: 'textarea', label: { vi: 'Nội dung nhiệm vụ', en: 'Content' } },
    {
      type: 'row',
      fields: [
        {
          name: 'leadUnits',
          type: 'relationship',
          relationTo: SLUGS.units,
          hasMany: true,
          label: { vi: 'Đơn vị chủ trì / thực hiện', en: 'Lead units' },
        },
        {
          name: 'coordinatingUnits',
          type: 'relationship',
          relationTo: SLUGS.units,
          hasMany: true,
          label: { vi: 'Đơn vị phối hợp', en: 'Coordinating units' },
        },
      ],
    },
    {
      name: 'timeframe',
      type: 'group',
      label: { vi: 'Thời gian hoàn thành', en: 'Timeframe' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'kind',
              type: 'select',
              required: true,
              defaultValue: 'deadline',
              label: { vi: 'Loại', en: 'Kind' },
              options: TIMEFRAME_KINDS.map((value) => ({
                value,
                label: {
                  deadline: { vi: 'Có hạn hoàn thành', en: 'Deadline' },
                  recurring: { vi: 'Thường xuyên', en: 'Recurring' },
                  byYear: { vi: 'Hoàn thành trong năm', en: 'Complete in year' },
                }[value],
              })),
            },
            {
              name: 'deadline',
              type: 'date',
              label: { vi: 'Hạn hoàn thành', en: 'Deadline' },
              admin: { ...dayOnly, condition: isKind('deadline') },
              validate: (_: unknown, { req, siblingData }: V) =>
                toValidation(checkDeadline(siblingData as TimeframeInput), req),
            },
            {
              name: 'recurrence',
              type: 'select',
              label: { vi: 'Chu kỳ chỉ tiêu', en: 'Target period' },
              admin: { condition: isKind('recurring') },
              options: RECURRENCE_PERIODS.map((value) => ({
                value,
                label: {
                  month: { vi: 'Tháng', en: 'Month' },
                  quarter: { vi: 'Quý', en: 'Quarter' },
                  year: { vi: 'Năm', en: 'Year' },
                }[value],
              })),
              validate: (_: unknown, { req, siblingData }: V) =>
                toValidation(checkRecurrence(siblingData as TimeframeInput), req),
            },
            {
              name: 'year',
              type: 'number',
              label: { vi: 'Năm', en: 'Year' },
              admin: { condition: isKind('byYear') },
              validate: (_: unknown, { req, siblingData }: V) =>
                toValidation(checkYear(siblingData as TimeframeInput), req),
            },
          ],
        },
      ],
    },
    { name: 'expectedResult', type: 'textarea', label: { vi: 'Kết quả / sản phẩm', en: 'Expected result' } },
    {
      name: 'targets',
      type: 'array',
      label: { vi: 'Chỉ tiêu', en: 'Targets' },
      labels: { singular: { vi: 'Chỉ tiêu', en: 'Target' }, plural: { vi: 'Chỉ tiêu', en: 'Targets' } },
      admin: { initCollapsed: false },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'kind',
              type: 'select',
              required: true,
              defaultValue: 'content',
              label: { vi: 'Loại chỉ tiêu', en: 'Kind' },
              options: TARGET_KINDS.map((value) => ({
                value,
                label: {
                  content: { vi: 'Số lượng nội dung', en: 'Content quantity' },
                  deliverable: { vi: 'Sản phẩm / báo cáo', en: 'Deliverable' },
                  indicator: { vi: 'Chỉ số (%, số liệu)', en: 'Indicator' },
                }[value],
              })),
            },
            { name: 'label', type: 'text', label: { vi: 'Mô tả ngắn', en: 'Label' } },
          ],
        },
        // Content target
        {
          type: 'row',
          admin: { condition: isKind('content') },
          fields: [
            {
              name: 'quantity',
              type: 'number',
              label: { vi: 'Số lượng', en: 'Quantity' },
              validate: (value: unknown, { req, siblingData }: V) =>
                onlyFor('content', siblingData) ? toValidation(checkQuantity(value), req) : true,
            },
            {
              name: 'mode',
              type: 'radio',
              defaultValue: 'pooled',
              label: { vi: 'Cách tính', en: 'Counting' },
              options: [
                { value: 'pooled', label: { vi: 'Tổng trên các kênh', en: 'Pooled across channels' } },
                { value: 'perChannel', label: { vi: 'Mỗi kênh', en: 'Per channel' } },
              ],
            },
            {
              name: 'windowStart',
              type: 'date',
              label: { vi: 'Tính từ ngày', en: 'Window start' },
              admin: {
                ...dayOnly,
                description: { vi: 'Mặc định: ngày bắt đầu kế hoạch.', en: 'Default: the plan start.' },
              },
              validate: (value: unknown, { req, siblingData, data }: V) =>
                onlyFor('content', siblingData)
                  ? toValidation(checkWindowStart(value as string | undefined, data.timeframe as TimeframeInput), req)
                  : true,
            },
          ],
        },
        {
          name: 'contentTypes',
          type: 'select',
          hasMany: true,
          label: { vi: 'Loại nội dung', en: 'Content types' },
          admin: { condition: isKind('content') },
          options: CONTENT_TYPES.map((value) => ({ value, label: CONTENT_TYPE_LABELS[value] })),
          // Payload's own check (each value is one of the options, i.e. a content collection of
          // this config) first: a field's validate replaces it, and the database would refuse
          // an unknown value with a 500 instead of a 400 naming the field.
          validate: (value: unknown, args: V) => {
            const known = validations.select(value as never, args as never)
            if (known !== true) return known
            return onlyFor('content', args.siblingData)
              ? toValidation(checkNonEmpty(value, 'targetNeedsContentType'), args.req)
              : true
          },
        },
        {
          name: 'channels',
          type: 'relationship',
          relationTo: SLUGS.channels,
          hasMany: true,
          label: { vi: 'Kênh', en: 'Channels' },
          admin: { condition: isKind('content') },
          validate: (value: unknown, { req, siblingData }: V) =>
            onlyFor('content', siblingData) ? toValidation(checkNonEmpty(value, 'targetNeedsChannel'), req) : true,
        },
        // Deliverable target
        {
          type: 'row',
          admin: { condition: isKind('deliverable') },
          fields: [
            {
              name: 'document',
              type: 'upload',
              relationTo: SLUGS.planDocuments,
              label: { vi: 'Tài liệu', en: 'Document' },
            },
            {
              name: 'submitted',
              type: 'checkbox',
              defaultValue: false,
              label: { vi: 'Đã nộp', en: 'Submitted' },
              validate: (value: unknown, { req, siblingData }: V) =>
                onlyFor('deliverable', siblingData)
                  ? toValidation(checkDeliverable(value, siblingData.document), req)
                  : true,
            },
            { name: 'submittedAt', type: 'date', label: { vi: 'Ngày nộp', en: 'Submitted on' }, admin: dayOnly },
          ],
        },
        // Indicator target
        {
          type: 'row',
          admin: { condition: isKind('indicator') },
          fields: [
            {
              name: 'indicatorUnit',
              type: 'select',
              defaultValue: 'percent',
              label: { vi: 'Đơn vị đo', en: 'Unit' },
              options: [
                { value: 'percent', label: '%' },
                { value: 'number', label: { vi: 'Số lượng', en: 'Number' } },
              ],
            },
            {
              name: 'targetValue',
              type: 'number',
              label: { vi: 'Giá trị mục tiêu', en: 'Target value' },
              validate: (value: unknown, { req, siblingData }: V) =>
                onlyFor('indicator', siblingData)
                  ? toValidation(checkIndicatorTarget(value, siblingData.indicatorUnit), req)
                  : true,
            },
          ],
        },
        {
          name: 'progress',
          type: 'array',
          label: { vi: 'Tiến độ ghi nhận', en: 'Progress entries' },
          labels: { singular: { vi: 'Lần ghi nhận', en: 'Entry' }, plural: { vi: 'Lần ghi nhận', en: 'Entries' } },
          admin: { condition: isKind('indicator') },
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'date',
                  type: 'date',
                  label: { vi: 'Ngày', en: 'Date' },
                  admin: dayOnly,
                  validate: (value: unknown, { req }: V) =>
                    toValidation(checkNotFuture(value as string | undefined, new Date()), req),
                },
                {
                  name: 'value',
                  type: 'number',
                  label: { vi: 'Giá trị', en: 'Value' },
                  // The unit (percent or number) lives on the target row two levels up.
                  validate: (value: unknown, { req, data, path }: V & { path?: Array<string | number> }) =>
                    toValidation(checkProgressValue(value, targetRowAt(data, path)?.indicatorUnit), req),
                },
              ],
            },
            { name: 'evidence', type: 'textarea', label: { vi: 'Minh chứng', en: 'Evidence' } },
            {
              name: 'evidenceFile',
              type: 'upload',
              relationTo: SLUGS.planDocuments,
              label: { vi: 'Tệp minh chứng', en: 'Evidence file' },
            },
          ],
        },
      ],
    },
  ],
}
