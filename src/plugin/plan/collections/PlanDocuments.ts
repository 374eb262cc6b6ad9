import type { CollectionConfig } from 'payload'
import { isAdminOrManager } from '../../access/isAdminOrManager'
import { isStaff } from '../../access/isStaff'
import { SLUGS } from '../../../domain/slugs'

/** Deliverable reports and indicator evidence: office documents, never images or scripts. */
/** Largest report or evidence file: a scanned 100-page PDF is 20–40 MB. */
export const PLAN_DOCUMENT_MAX_BYTES = 50 * 1024 * 1024

export const PLAN_DOCUMENT_MIME_TYPES = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
]

export const PlanDocuments: CollectionConfig = {
  slug: SLUGS.planDocuments,
  labels: {
    singular: { vi: 'Tài liệu kế hoạch', en: 'Plan document' },
    plural: { vi: 'Tài liệu kế hoạch', en: 'Plan documents' },
  },
  admin: {
    useAsTitle: 'title',
    group: { vi: 'Kế hoạch', en: 'Planning' },
    defaultColumns: ['title', 'filename', 'updatedAt'],
  },
  access: {
    read: isStaff,
    // Lead units' staff attach their reports too, so any signed-in user may upload; only
    // managers may remove what others rely on as evidence.
    create: isStaff,
    update: isAdminOrManager,
    delete: isAdminOrManager,
  },
  // Reports and evidence (PDF, Word, scans): the request guard refuses a bigger body while it
  // streams (src/http/guardApiRequest.ts); without it any signed-in user could send 500 MB.
  custom: { maxUploadBytes: PLAN_DOCUMENT_MAX_BYTES },
  upload: {
    mimeTypes: PLAN_DOCUMENT_MIME_TYPES,
    // The plugin sets staticDir from its options.
  },
  fields: [{ name: 'title', type: 'text', required: true, label: { vi: 'Tên tài liệu', en: 'Title' } }],
}
