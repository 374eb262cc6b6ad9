import type { Access, CollectionConfig, Field } from 'payload'
import { PLAN_IMPORT_STATUSES, SLUGS } from '../../../domain/slugs'
import { hasRole } from '../../access/roles'

/**
 * Who may read an import: its owner, and admins. Another manager finds nothing (404), which also
 * keeps the uploaded plan and its page images private.
 */
const ownImport: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin')) return true
  if (!hasRole(req.user, 'manager')) return false
  return { user: { equals: req.user.id } }
}

/** Written by the OCR job only (as the system). */
const systemOnly = { create: () => false, update: () => false }

const fields: Field[] = [
  {
    name: 'user',
    type: 'relationship',
    relationTo: SLUGS.users,
    // Not required: deleting a user keeps their imports (for admins) rather than failing.
    index: true,
    label: { vi: 'Người nhập', en: 'Imported by' },
    access: { update: () => false },
  },
  { name: 'fileName', type: 'text', required: true, label: { vi: 'Tệp', en: 'File' }, access: { update: () => false } },
  {
    name: 'status',
    type: 'select',
    required: true,
    defaultValue: 'queued',
    index: true,
    options: PLAN_IMPORT_STATUSES.map((value) => ({ value, label: value })),
    label: { vi: 'Trạng thái', en: 'Status' },
    access: { update: () => false },
  },
  { name: 'pagesTotal', type: 'number', required: true, min: 1, access: { update: () => false } },
  { name: 'pagesDone', type: 'number', defaultValue: 0, access: systemOnly },
  // The preview's options, applied when the text is parsed.
  { name: 'code', type: 'text', access: { update: () => false } },
  { name: 'recurrence', type: 'text', access: { update: () => false } },
  { name: 'startedAt', type: 'date', access: systemOnly },
  { name: 'finishedAt', type: 'date', access: systemOnly },
  // What OCR read: the plan text (parsed again at each look, against the catalog of the moment)…
  { name: 'text', type: 'textarea', access: systemOnly },
  // …the page and box of each of its lines (LineBox | null, index 0 = line 1)…
  { name: 'boxes', type: 'json', access: systemOnly },
  // …and the pages as downscaled WebP images, base64: [{ width, height, webp }].
  { name: 'pageImages', type: 'json', access: systemOnly },
  // A failed job's answer: { status, field, key, vars } (an ImportMessage and its HTTP status).
  { name: 'error', type: 'json', access: systemOnly },
]

/**
 * A scan uploaded for plan import, read by the OCR job off the request (see
 * jobs/runScanImport.ts): its progress, then its text, line boxes and page images. Nothing of the
 * plan is saved until the reviewer commits the draft; the record is the upload's working copy.
 */
export const PlanImports: CollectionConfig = {
  slug: SLUGS.planImports,
  labels: {
    singular: { vi: 'Bản quét kế hoạch', en: 'Plan scan' },
    plural: { vi: 'Bản quét kế hoạch', en: 'Plan scans' },
  },
  admin: { hidden: true, useAsTitle: 'fileName' },
  access: {
    read: ownImport,
    create: ({ req }) => hasRole(req.user, 'admin', 'manager'),
    update: () => false,
    delete: ({ req }) => hasRole(req.user, 'admin'),
  },
  fields,
}
