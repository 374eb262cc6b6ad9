import type { CollectionConfig, Field, PayloadRequest } from 'payload'
import { isAdminOrManager } from '../../access/isAdminOrManager'
import { isAuthenticated } from '../../access/isAuthenticated'
import { checkDayMonth, checkMonthlyDay, checkPeriod } from '../../../domain/planRules'
import { toValidation } from '../../shared/validation'
import { SLUGS } from '../../../domain/slugs'
import { preventPlanBasisCycle } from '../hooks/preventPlanBasisCycle'
import { refreshTaskPickerFields } from '../hooks/refreshTaskPickerFields'

type V = { req: PayloadRequest; siblingData: Record<string, unknown> }

const dayMonthFields = (labelVi: string, labelEn: string): Field[] => [
  {
    type: 'row',
    fields: [
      {
        name: 'day',
        type: 'number',
        required: true,
        min: 1,
        max: 31,
        label: { vi: 'Ngày', en: 'Day' },
        validate: (value: unknown, { req, siblingData }: V) =>
          toValidation(checkDayMonth(value, siblingData.month), req),
      },
      { name: 'month', type: 'number', required: true, min: 1, max: 12, label: { vi: 'Tháng', en: 'Month' } },
      { name: 'label', type: 'text', label: { vi: labelVi, en: labelEn } },
    ],
  },
]

export const Plans: CollectionConfig = {
  slug: SLUGS.plans,
  labels: {
    singular: { vi: 'Kế hoạch', en: 'Plan' },
    plural: { vi: 'Kế hoạch truyền thông', en: 'Communication plans' },
  },
  admin: {
    useAsTitle: 'code',
    defaultColumns: ['code', 'title', 'issueDate', 'status'],
    group: { vi: 'Kế hoạch', en: 'Planning' },
    listSearchableFields: ['code', 'title'],
  },
  access: {
    read: isAuthenticated,
    create: isAdminOrManager,
    update: isAdminOrManager,
    delete: isAdminOrManager,
  },
  hooks: { beforeChange: [preventPlanBasisCycle], afterChange: [refreshTaskPickerFields] },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          type: 'text',
          required: true,
          unique: true,
          label: { vi: 'Số hiệu', en: 'Code' },
          admin: { description: { vi: 'Ví dụ: 03-KH/BCĐTW, 1169/QĐ-TTg', en: 'e.g. 03-KH/BCĐTW, 1169/QĐ-TTg' } },
        },
        {
          name: 'issueDate',
          type: 'date',
          label: { vi: 'Ngày ban hành', en: 'Issue date' },
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd/M/yyyy' } },
        },
        {
          name: 'status',
          type: 'select',
          defaultValue: 'active',
          label: { vi: 'Trạng thái', en: 'Status' },
          options: [
            { value: 'draft', label: { vi: 'Dự thảo', en: 'Draft' } },
            { value: 'active', label: { vi: 'Đang thực hiện', en: 'Active' } },
            { value: 'closed', label: { vi: 'Đã kết thúc', en: 'Closed' } },
          ],
        },
      ],
    },
    { name: 'title', type: 'textarea', required: true, label: { vi: 'Tên kế hoạch', en: 'Title' } },
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
    { name: 'issuer', type: 'text', label: { vi: 'Cơ quan ban hành', en: 'Issuing body' } },
    {
      name: 'basedOn',
      type: 'relationship',
      relationTo: SLUGS.plans,
      hasMany: true,
      label: { vi: 'Căn cứ (kế hoạch cấp trên)', en: 'Based on (parent plans)' },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
    {
      name: 'basisDocuments',
      type: 'array',
      label: { vi: 'Văn bản căn cứ khác', en: 'Other basis documents' },
      labels: { singular: { vi: 'Văn bản', en: 'Document' }, plural: { vi: 'Văn bản', en: 'Documents' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'code', type: 'text', label: { vi: 'Số hiệu', en: 'Code' } },
            {
              name: 'date',
              type: 'date',
              label: { vi: 'Ngày', en: 'Date' },
              admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd/M/yyyy' } },
            },
          ],
        },
        { name: 'title', type: 'textarea', label: { vi: 'Trích yếu', en: 'Title' } },
      ],
    },
    {
      name: 'period',
      type: 'group',
      label: { vi: 'Thời gian thực hiện', en: 'Period' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'from',
              type: 'date',
              label: { vi: 'Từ ngày', en: 'From' },
              admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd/M/yyyy' } },
            },
            {
              name: 'to',
              type: 'date',
              label: { vi: 'Đến ngày', en: 'To' },
              admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd/M/yyyy' } },
              validate: (value: unknown, { req, siblingData }: V) =>
                toValidation(checkPeriod(siblingData.from as string | undefined, value as string | undefined), req),
            },
          ],
        },
      ],
    },
    {
      name: 'reporting',
      type: 'group',
      label: { vi: 'Chế độ báo cáo', en: 'Reporting schedule' },
      fields: [
        {
          name: 'monthlyDay',
          type: 'number',
          defaultValue: 20,
          label: { vi: 'Báo cáo định kỳ hằng tháng vào ngày', en: 'Monthly report on day' },
          admin: {
            description: { vi: 'Để trống nếu không báo cáo hằng tháng.', en: 'Leave empty for no monthly report.' },
          },
          validate: (value: unknown, { req }: V) => toValidation(checkMonthlyDay(value), req),
        },
        {
          name: 'fixedDates',
          type: 'array',
          label: { vi: 'Báo cáo theo mốc (trước ngày)', en: 'Fixed report dates (due before)' },
          labels: { singular: { vi: 'Mốc', en: 'Date' }, plural: { vi: 'Mốc', en: 'Dates' } },
          fields: dayMonthFields('Tên báo cáo', 'Report name'),
        },
      ],
    },
    {
      name: 'reportDocument',
      type: 'group',
      label: { vi: 'Báo cáo kết quả thực hiện (văn bản)', en: 'Report document' },
      admin: {
        description: {
          vi: 'Tiêu đề, người ký và nơi nhận của báo cáo .docx. Cơ quan chủ quản, chữ viết tắt và địa danh lấy từ đơn vị ban hành.',
          en: 'Header, signer and recipients of the .docx report. Parent body, abbreviation and place come from the issuing unit.',
        },
      },
      fields: [
        {
          name: 'issuingUnit',
          type: 'relationship',
          relationTo: SLUGS.units,
          label: { vi: 'Đơn vị ban hành báo cáo', en: 'Issuing unit' },
        },
        {
          type: 'row',
          fields: [
            {
              name: 'signerAuthority',
              type: 'text',
              label: { vi: 'Quyền hạn ký', en: 'Signing authority' },
              admin: {
                description: { vi: 'Ví dụ: KT. GIÁM ĐỐC (để trống nếu thủ trưởng ký).', en: 'e.g. KT. GIÁM ĐỐC.' },
              },
            },
            {
              name: 'signerTitle',
              type: 'text',
              label: { vi: 'Chức vụ người ký', en: 'Signer title' },
              admin: { description: { vi: 'Ví dụ: PHÓ GIÁM ĐỐC.', en: 'e.g. PHÓ GIÁM ĐỐC.' } },
            },
            {
              name: 'signerName',
              type: 'text',
              label: { vi: 'Họ tên người ký', en: 'Signer name' },
              admin: {
                description: {
                  vi: 'Dùng khi báo cáo định kỳ chưa chọn người ký.',
                  en: 'Used when a periodic report has no signer chosen.',
                },
              },
            },
          ],
        },
        {
          name: 'recipients',
          type: 'textarea',
          label: { vi: 'Nơi nhận', en: 'Recipients' },
          admin: {
            description: {
              vi: 'Mỗi dòng một nơi nhận, ví dụ: Lãnh đạo Bộ (để b/c); … Lưu: VT, TTTT.',
              en: 'One recipient a line.',
            },
          },
        },
      ],
    },
    {
      name: 'keyDays',
      type: 'array',
      label: { vi: 'Ngày, sự kiện trọng điểm', en: 'Key days' },
      labels: { singular: { vi: 'Ngày', en: 'Day' }, plural: { vi: 'Ngày', en: 'Days' } },
      fields: dayMonthFields('Sự kiện', 'Event'),
    },
    {
      name: 'managers',
      type: 'relationship',
      relationTo: SLUGS.users,
      hasMany: true,
      label: { vi: 'Lãnh đạo, người phụ trách', en: 'Managers' },
      admin: {
        description: {
          vi: 'Nhận báo cáo định kỳ và cảnh báo hạn.',
          en: 'Receive periodic reports and deadline alerts.',
        },
      },
    },
    {
      name: 'tasks',
      type: 'join',
      collection: SLUGS.tasks,
      on: 'plan',
      label: { vi: 'Nhiệm vụ', en: 'Tasks' },
      defaultSort: 'sortOrder',
      defaultLimit: 100,
      admin: { defaultColumns: ['code', 'title', 'timeframe.deadline'] },
    },
  ],
}
