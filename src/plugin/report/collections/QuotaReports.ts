import type { CollectionConfig, FieldAccess } from 'payload'
import { isAdmin } from '../../access/isAdmin'
import { isAdminOrManager } from '../../access/isAdminOrManager'
import { SCHEDULE_SLUGS, SLUGS } from '../../../domain/slugs'
import { checkReportSigner } from '../hooks/checkReportSigner'
import { stampReportSent } from '../hooks/stampReportSent'

/** What the report job wrote stays as it was: no user changes the numbers of a day. */
const fixed: { update: FieldAccess } = { update: () => false }

/**
 * The periodic report as it stood on its reporting day: the report JSON (the same as
 * GET /api/quota/report?plan=…&asOf=… returned then), the items it counted (the appendix of the
 * document) and the XLSX file mailed to the managers. One per plan and reporting day (the unique
 * slot), created only by the report job. Managers then write the narrative of the document
 * ("Tồn tại, hạn chế", "Phương hướng"), choose who signs, download the .docx and mark it sent.
 */
export const QuotaReports: CollectionConfig = {
  slug: SCHEDULE_SLUGS.quotaReports,
  labels: {
    singular: { vi: 'Báo cáo định kỳ', en: 'Periodic report' },
    plural: { vi: 'Báo cáo định kỳ', en: 'Periodic reports' },
  },
  admin: {
    useAsTitle: 'title',
    group: { vi: 'Kế hoạch', en: 'Planning' },
    defaultColumns: ['title', 'plan', 'asOf', 'filename'],
  },
  defaultSort: '-asOf',
  access: { read: isAdminOrManager, create: () => false, update: isAdminOrManager, delete: isAdmin },
  hooks: { beforeChange: [checkReportSigner, stampReportSent] },
  upload: {
    // Only the report job writes here (create is closed to users), so no upload needs sniffing;
    // the plugin sets staticDir from its options.
  },
  fields: [
    {
      name: 'documentLinks',
      type: 'ui',
      label: { vi: 'Văn bản báo cáo', en: 'Report document' },
      admin: {
        position: 'sidebar',
        disableListColumn: true,
        components: { Field: '/plugin/report/admin/ReportDocumentLinks#ReportDocumentLinks' },
      },
    },
    { name: 'title', type: 'text', required: true, label: { vi: 'Báo cáo', en: 'Report' }, access: fixed },
    // The job's key (plan and day): in the API, not on the page, which says the same in words.
    {
      name: 'slot',
      type: 'text',
      required: true,
      unique: true,
      admin: { readOnly: true, hidden: true },
      access: fixed,
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
          access: fixed,
          admin: { readOnly: true },
        },
        {
          name: 'asOf',
          type: 'date',
          required: true,
          label: { vi: 'Số liệu đến ngày', en: 'As of' },
          access: fixed,
          admin: { readOnly: true, date: { pickerAppearance: 'dayOnly', displayFormat: 'd/M/yyyy' } },
        },
      ],
    },
    {
      name: 'totals',
      type: 'group',
      label: { vi: 'Tổng hợp', en: 'Totals' },
      access: fixed,
      // The report view below shows them with their cards; kept for lists and the API.
      admin: { readOnly: true, hidden: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'target', type: 'number', label: { vi: 'Chỉ tiêu', en: 'Target' } },
            { name: 'achieved', type: 'number', label: { vi: 'Đã đạt', en: 'Achieved' } },
            { name: 'percent', type: 'number', label: { vi: 'Tỷ lệ (%)', en: 'Percent' } },
          ],
        },
      ],
    },
    {
      name: 'issues',
      type: 'textarea',
      label: { vi: 'Tồn tại, hạn chế', en: 'Shortcomings' },
      admin: {
        description: {
          vi: 'Thêm vào mục II, sau danh sách nhiệm vụ chậm tiến độ, quá hạn (tự động). Mỗi dòng một đoạn.',
          en: 'Added to section II after the automatic list of tasks behind or overdue. One paragraph a line.',
        },
      },
    },
    {
      name: 'directions',
      type: 'textarea',
      label: { vi: 'Phương hướng, nhiệm vụ thời gian tới', en: 'Next steps' },
      admin: {
        description: {
          vi: 'Thêm vào mục III, sau các chỉ tiêu đến hạn kỳ tới (tự động). Mỗi dòng một đoạn.',
          en: "Added to section III after the next period's deadlines (automatic). One paragraph a line.",
        },
      },
    },
    {
      name: 'signer',
      type: 'relationship',
      relationTo: SLUGS.users,
      label: { vi: 'Người ký', en: 'Signer' },
      admin: {
        description: {
          vi: 'Người của đơn vị ban hành báo cáo (thiết lập ở kế hoạch). Quyền hạn, chức vụ lấy từ kế hoạch.',
          en: "A user of the plan's issuing unit. Authority and title come from the plan.",
        },
      },
    },
    {
      type: 'row',
      fields: [
        { name: 'sent', type: 'checkbox', defaultValue: false, label: { vi: 'Đã ký, gửi đi', en: 'Signed and sent' } },
        {
          name: 'sentAt',
          type: 'date',
          label: { vi: 'Ngày gửi', en: 'Sent on' },
          access: fixed,
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    {
      name: 'mailedTo',
      type: 'textarea',
      label: { vi: 'Đã gửi thư cho', en: 'Mailed to' },
      access: fixed,
      admin: { readOnly: true, condition: (data) => Boolean(data?.mailedTo) },
    },
    {
      name: 'mailedAt',
      type: 'date',
      label: { vi: 'Gửi thư lúc', en: 'Mailed at' },
      access: fixed,
      admin: {
        readOnly: true,
        condition: (data) => Boolean(data?.mailedAt),
        date: { pickerAppearance: 'dayAndTime', displayFormat: 'd/M/yyyy HH:mm' },
      },
    },
    {
      name: 'snapshotView',
      type: 'ui',
      label: { vi: 'Số liệu tại ngày báo cáo', en: 'Numbers on the report day' },
      admin: {
        disableListColumn: true,
        components: { Field: '/plugin/report/admin/ReportSnapshotField#ReportSnapshotField' },
      },
    },
    {
      name: 'report',
      type: 'json',
      required: true,
      label: { vi: 'Số liệu (JSON)', en: 'Report (JSON)' },
      access: fixed,
      // Read on the page through the report view above: the raw JSON editor helped nobody, and it
      // loads its code from a CDN, which fails on an office network without Internet access.
      admin: { readOnly: true, hidden: true },
    },
    {
      name: 'evidence',
      type: 'json',
      label: { vi: 'Tin bài, sản phẩm được tính (JSON)', en: 'Counted items (JSON)' },
      access: fixed,
      admin: { readOnly: true, hidden: true },
    },
  ],
}
