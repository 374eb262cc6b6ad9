import type { Field, FieldAccess } from 'payload'
import { REVIEW_ACTIONS, REVIEW_STATES, SLUGS } from '../../domain/slugs'

/** Set on `req.context` by the review step (src/plugin/review/applyReviewStep.ts), never by a client. */
export const REVIEW_CONTEXT = 'editorialReviewStep'

/** Reasons and reviewers' names are internal: the public reads published items without them. */
const staffOnly: FieldAccess = ({ req }) => Boolean(req.user)
/**
 * No write access rule here on purpose: field access would also stop the server's own change
 * (a returned item going back to draft). src/plugin/review/hooks/keepReviewRecord.ts replaces whatever any save
 * sends with the stored record, so only the review step (REVIEW_CONTEXT) writes these.
 */
const access = { read: staffOnly }

export const STATE_LABELS = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Chờ duyệt', en: 'Submitted' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  returned: { vi: 'Trả lại', en: 'Returned' },
} as const

export const ACTION_LABELS = {
  submit: { vi: 'Gửi duyệt', en: 'Submit' },
  withdraw: { vi: 'Rút lại', en: 'Withdraw' },
  approve: { vi: 'Duyệt', en: 'Approve' },
  return: { vi: 'Trả lại', en: 'Return' },
} as const

const when = { date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'd/M/yyyy HH:mm' } }

/**
 * The state in words and the review steps the signed-in user may take now
 * (src/plugin/review/admin/ReviewPanel.tsx): first in the sidebar, as the Publish button's counterpart.
 */
export const reviewPanelField: Field = {
  name: 'reviewPanel',
  type: 'ui',
  label: { vi: 'Duyệt nội dung', en: 'Editorial review' },
  admin: {
    position: 'sidebar',
    disableListColumn: true,
    components: { Field: '/plugin/review/admin/ReviewPanel#ReviewPanel' },
  },
}

/** The review state of an item and its append-only history (who, when, what, why). */
export const reviewFields: Field[] = [
  {
    name: 'review',
    type: 'group',
    label: { vi: 'Duyệt nội dung', en: 'Editorial review' },
    access,
    // The review panel shows this record in words; the raw group under it was a second, empty
    // "Duyệt nội dung" heading. It stays in the API and the database.
    admin: { position: 'sidebar', readOnly: true, hidden: true },
    fields: [
      {
        name: 'state',
        type: 'select',
        defaultValue: 'draft',
        index: true,
        label: { vi: 'Trạng thái duyệt', en: 'Review state' },
        options: REVIEW_STATES.map((value) => ({ value, label: STATE_LABELS[value] })),
      },
      { name: 'submittedAt', type: 'date', label: { vi: 'Gửi duyệt lúc', en: 'Submitted at' }, admin: when },
      {
        name: 'submittedBy',
        type: 'relationship',
        relationTo: SLUGS.users,
        label: { vi: 'Người gửi', en: 'Submitted by' },
      },
      { name: 'reviewedAt', type: 'date', label: { vi: 'Duyệt / trả lúc', en: 'Reviewed at' }, admin: when },
      {
        name: 'reviewedBy',
        type: 'relationship',
        relationTo: SLUGS.users,
        label: { vi: 'Người duyệt', en: 'Reviewed by' },
      },
      { name: 'reason', type: 'textarea', label: { vi: 'Lý do trả lại', en: 'Reason for return' } },
      { name: 'publishAt', type: 'date', label: { vi: 'Hẹn xuất bản', en: 'Publish at' }, admin: when },
    ],
  },
  {
    name: 'reviewHistory',
    type: 'array',
    label: { vi: 'Lịch sử duyệt', en: 'Review history' },
    labels: { singular: { vi: 'Bước duyệt', en: 'Review step' }, plural: { vi: 'Bước duyệt', en: 'Review steps' } },
    access,
    // Shown once there is a step to show: an empty "Lịch sử duyệt" heading told nobody anything.
    admin: {
      readOnly: true,
      initCollapsed: true,
      condition: (data) => Array.isArray(data?.reviewHistory) && data.reviewHistory.length > 0,
    },
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'action',
            type: 'select',
            required: true,
            label: { vi: 'Thao tác', en: 'Action' },
            options: REVIEW_ACTIONS.map((value) => ({ value, label: ACTION_LABELS[value] })),
          },
          { name: 'by', type: 'relationship', relationTo: SLUGS.users, label: { vi: 'Người thực hiện', en: 'By' } },
          { name: 'at', type: 'date', required: true, label: { vi: 'Lúc', en: 'At' }, admin: when },
        ],
      },
      {
        type: 'row',
        fields: [
          {
            name: 'from',
            type: 'select',
            label: { vi: 'Từ', en: 'From' },
            options: REVIEW_STATES.map((value) => ({ value, label: STATE_LABELS[value] })),
          },
          {
            name: 'to',
            type: 'select',
            label: { vi: 'Sang', en: 'To' },
            options: REVIEW_STATES.map((value) => ({ value, label: STATE_LABELS[value] })),
          },
          { name: 'publishAt', type: 'date', label: { vi: 'Hẹn xuất bản', en: 'Publish at' }, admin: when },
        ],
      },
      { name: 'reason', type: 'textarea', label: { vi: 'Lý do / ghi chú', en: 'Reason / note' } },
    ],
  },
]
