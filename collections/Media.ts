import type { CollectionConfig } from 'payload'
import { createAsProducer, editOwnUnitContent } from '../src/plugin/access/editOwnUnitContent'
import { isAdminOrManagerField } from '../src/plugin/access/isAdminOrManager'
import { SLUGS } from '../src/domain/slugs'
import { imageSizesField, imageUploadConfig, resolveImageLimits } from '../media'
import { namedDocumentTitleField } from './shared/contentFields'
import { assignAuthorUnit } from '../hooks/assignAuthorUnit'
import { checkUploadedFile } from '../hooks/checkUploadedFile'
import { keepItemInOwnUnit } from '../hooks/keepItemInOwnUnit'

const limits = resolveImageLimits()

/**
 * General images: article illustrations, covers and video posters. Readable by anyone, since
 * published articles show them; the upload pipeline is the infographics' one.
 */
export const Media: CollectionConfig = {
  slug: SLUGS.media,
  labels: { singular: { vi: 'Ảnh', en: 'Image' }, plural: { vi: 'Thư viện ảnh', en: 'Media library' } },
  admin: {
    useAsTitle: 'alt',
    group: { vi: 'Nội dung', en: 'Content' },
    defaultColumns: ['filename', 'alt', 'unit', 'updatedAt'],
  },
  access: {
    read: () => true,
    create: createAsProducer('editor', 'multimedia'),
    update: editOwnUnitContent('editor', 'multimedia'),
    delete: editOwnUnitContent('editor', 'multimedia'),
  },
  upload: imageUploadConfig({ limits }),
  // Read by the request guard: a bigger body is refused while it streams (src/http/guardApiRequest.ts).
  custom: { maxUploadBytes: limits.maxBytes },
  hooks: {
    beforeOperation: [keepItemInOwnUnit, checkUploadedFile('image', limits)],
    beforeChange: [assignAuthorUnit],
  },
  fields: [
    namedDocumentTitleField,
    imageSizesField,
    { name: 'alt', type: 'text', required: true, label: { vi: 'Mô tả ảnh (alt)', en: 'Alt text' } },
    { name: 'caption', type: 'text', label: { vi: 'Chú thích', en: 'Caption' } },
    {
      name: 'unit',
      type: 'relationship',
      relationTo: SLUGS.units,
      label: { vi: 'Đơn vị', en: 'Unit' },
      admin: { position: 'sidebar' },
      access: { update: isAdminOrManagerField },
    },
    { name: 'credit', type: 'text', label: { vi: 'Nguồn / tác giả ảnh', en: 'Credit' } },
  ],
}
