import { SLUGS } from '../src/domain/slugs'
import { imageSizesField, imageUploadConfig, resolveImageLimits } from '../media'
import { checkUploadedFile } from '../hooks/checkUploadedFile'
import { contentCollection } from './shared/contentCollection'

const limits = resolveImageLimits()

/** Infographics: PNG/JPEG/WebP only, with derivatives for the portal, social and Open Graph. */
export const Infographics = contentCollection({
  slug: SLUGS.infographics,
  labels: { singular: { vi: 'Infographic', en: 'Infographic' }, plural: { vi: 'Infographic', en: 'Infographics' } },
  producer: 'multimedia',
  searchFields: ['title', 'caption', 'alt'],
  defaultColumns: ['title', '_status', 'unit', 'lastPublishedAt', 'updatedAt'],
  upload: imageUploadConfig({ limits, kind: 'graphic' }),
  maxUploadBytes: limits.maxBytes,
  beforeOperation: [checkUploadedFile('image', limits)],
  fields: [
    { name: 'alt', type: 'text', required: true, label: { vi: 'Mô tả ảnh (alt)', en: 'Alt text' } },
    { name: 'caption', type: 'textarea', label: { vi: 'Chú thích', en: 'Caption' } },
    { name: 'dataSource', type: 'text', label: { vi: 'Nguồn số liệu', en: 'Data source' } },
    imageSizesField,
  ],
})
