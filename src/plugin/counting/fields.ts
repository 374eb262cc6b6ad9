import type { Field, PayloadRequest } from 'payload'
import { checkPublications, type PublicationRow } from '../../domain/publications'
import { toValidation } from '../shared/validation'
import { SLUGS } from '../../domain/slugs'
import { normalizePublicationDay } from './hooks/normalizePublicationDay'
import { readPublicationDay } from './hooks/readPublicationDay'

type V = { req: PayloadRequest; data: Partial<Record<string, unknown>>; path?: Array<string | number> }

/**
 * Payload builds the admin's form on the server, as a local request carrying the browser's
 * headers; REST and GraphQL writes, and local calls from jobs, tests or the CLI, are not that.
 */
const isAdminFormBuild = (req: PayloadRequest | undefined): boolean =>
  req?.payloadAPI === 'local' && Boolean(req.headers?.get('user-agent'))

/** The row index of a field inside `publications`, from its validation path. */
const rowIndex = (path: Array<string | number> | undefined): number => Number(path?.[1])

const publicationValidator =
  (field: 'channel' | 'url' | 'publishedAt') =>
  (_: unknown, { req, data, path }: V): true | string => {
    const problems = checkPublications(data.publications as PublicationRow[] | undefined, new Date())
    const mine = problems.find((p) => p.index === rowIndex(path) && p.field === field)
    return toValidation(mine?.problem ?? null, req)
  }

/** Tags, unit and channel publications: what every quota-counted item carries. */
export const planTagFields: Field[] = [
  {
    name: 'tasks',
    type: 'relationship',
    relationTo: SLUGS.tasks,
    hasMany: true,
    index: true,
    label: { vi: 'Nhiệm vụ kế hoạch', en: 'Plan tasks' },
    admin: {
      position: 'sidebar',
      // Tasks of running plans first, open ones before expired ones (see domain/taskPicker.ts).
      sortOptions: 'pickerSort',
      description: { vi: 'Sản phẩm được tính cho các nhiệm vụ này.', en: 'The item counts towards these tasks.' },
      // "ket noi" finds "kết nối": Payload's own picker hides what the server's folded search finds.
      components: { Field: '/plugin/counting/admin/TaskPickerField#TaskPickerField' },
    },
  },
  {
    // How the item counts toward each tagged task's targets, and a warning when it counts nowhere.
    name: 'countingFeedback',
    type: 'ui',
    label: { vi: 'Tính vào chỉ tiêu', en: 'Counts toward' },
    admin: {
      position: 'sidebar',
      components: {
        Field: '/plugin/counting/admin/ItemCountingField#ItemCountingField',
        // Payload re-renders a field's server component on every form-state request (each edit,
        // each save) only when the field has an afterInput slot; without it the block kept the
        // state of the page load, and said "not tagged" after the item was tagged and published.
        // The slot itself stays empty.
        afterInput: undefined,
      },
    },
  },
  {
    name: 'unit',
    type: 'relationship',
    relationTo: SLUGS.units,
    index: true,
    label: { vi: 'Đơn vị', en: 'Unit' },
    admin: {
      position: 'sidebar',
      description: { vi: 'Mặc định: đơn vị của người tạo.', en: "Default: the author's unit." },
    },
  },
  {
    name: 'publications',
    type: 'array',
    label: { vi: 'Đã đăng trên các kênh', en: 'Published on channels' },
    labels: { singular: { vi: 'Kênh đăng', en: 'Publication' }, plural: { vi: 'Kênh đăng', en: 'Publications' } },
    admin: {
      description: {
        vi: 'Xuất bản trên hệ thống sẽ tự ghi nhận kênh chính. Thêm các kênh khác (Facebook, VnExpress, truyền hình…).',
        en: 'Publishing here records the home channel automatically. Add the other channels (Facebook, VnExpress, TV…).',
      },
    },
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'channel',
            type: 'relationship',
            relationTo: SLUGS.channels,
            label: { vi: 'Kênh', en: 'Channel' },
            validate: publicationValidator('channel'),
          },
          {
            name: 'publishedAt',
            type: 'date',
            label: { vi: 'Ngày đăng', en: 'Published on' },
            // In the admin a new row is dated today, the day most rows are recorded: one date less
            // to type (issue 21's click budget); another day is typed over it. An API write must
            // still name the day: a row without one is refused there, field named.
            defaultValue: ({ req }: { req?: PayloadRequest }) =>
              isAdminFormBuild(req) ? new Date().toISOString() : undefined,
            admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd/M/yyyy' } },
            hooks: { beforeValidate: [normalizePublicationDay] },
            validate: publicationValidator('publishedAt'),
          },
        ],
      },
      {
        // Computed on read, never stored: the day the publication counts on (see the hook).
        name: 'day',
        type: 'text',
        virtual: true,
        label: { vi: 'Ngày tính chỉ tiêu', en: 'Counting day' },
        admin: { hidden: true, readOnly: true },
        hooks: { afterRead: [readPublicationDay] },
      },
      { name: 'url', type: 'text', label: { vi: 'Đường dẫn (URL)', en: 'URL' }, validate: publicationValidator('url') },
      { name: 'note', type: 'text', label: { vi: 'Ghi chú (ví dụ: khung giờ phát sóng)', en: 'Note (e.g. TV slot)' } },
    ],
  },
]

/** Who published, and when: stamped on every publish, shown in the sidebar. */
export const publishingFields: Field[] = [
  {
    name: 'firstPublishedAt',
    type: 'date',
    // Feeds list published items newest first by this date; the index keeps that a short scan.
    index: true,
    label: { vi: 'Xuất bản lần đầu', en: 'First published' },
    admin: {
      position: 'sidebar',
      readOnly: true,
      date: { pickerAppearance: 'dayAndTime', displayFormat: 'd/M/yyyy HH:mm' },
    },
  },
  {
    name: 'lastPublishedAt',
    type: 'date',
    label: { vi: 'Xuất bản gần nhất', en: 'Last published' },
    admin: {
      position: 'sidebar',
      readOnly: true,
      date: { pickerAppearance: 'dayAndTime', displayFormat: 'd/M/yyyy HH:mm' },
    },
  },
  {
    name: 'lastPublishedBy',
    type: 'relationship',
    relationTo: SLUGS.users,
    label: { vi: 'Người xuất bản', en: 'Published by' },
    admin: { position: 'sidebar', readOnly: true },
  },
]
