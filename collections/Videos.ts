import type { PayloadRequest } from 'payload'
import { parseVideoUrl } from '../src/domain/videoUrl'
import { toValidation } from '../src/plugin/shared/validation'
import { pickLanguage } from '../src/plugin/i18n'
import { SLUGS } from '../src/domain/slugs'
import { resolveVideoLimits, videoUploadConfig } from '../media'
import { checkUploadedFile } from '../hooks/checkUploadedFile'
import { deriveVideoSource } from '../hooks/deriveVideoSource'
import { contentCollection } from './shared/contentCollection'

const limits = resolveVideoLimits()
type V = { req: PayloadRequest; siblingData: Record<string, unknown> }

/** Videos: an uploaded MP4/WebM, or a link to YouTube, Facebook or TikTok. */
export const Videos = contentCollection({
  slug: SLUGS.videos,
  labels: { singular: { vi: 'Video', en: 'Video' }, plural: { vi: 'Video', en: 'Videos' } },
  producer: 'multimedia',
  searchFields: ['title', 'summary'],
  defaultColumns: ['title', 'source', 'provider', '_status', 'unit', 'updatedAt'],
  upload: { ...videoUploadConfig({ limits }), filesRequiredOnCreate: false },
  maxUploadBytes: limits.maxBytes,
  beforeOperation: [checkUploadedFile('video', limits)],
  beforeChange: [deriveVideoSource],
  fields: [
    { name: 'summary', type: 'textarea', label: { vi: 'Mô tả', en: 'Description' } },
    {
      name: 'source',
      type: 'radio',
      required: true,
      defaultValue: 'external',
      label: { vi: 'Nguồn video', en: 'Source' },
      options: [
        {
          value: 'external',
          label: { vi: 'Liên kết ngoài (YouTube, Facebook, TikTok)', en: 'External link (YouTube, Facebook, TikTok)' },
        },
        { value: 'upload', label: { vi: 'Tệp tải lên (MP4/WebM)', en: 'Uploaded file (MP4/WebM)' } },
      ],
    },
    {
      name: 'externalUrl',
      type: 'text',
      label: { vi: 'Liên kết video', en: 'Video link' },
      admin: { condition: (_, s) => s?.source === 'external' },
      validate: (value: unknown, { req, siblingData }: V) => {
        if (siblingData.source !== 'external') return true
        if (typeof value !== 'string' || value.trim() === '') return toValidation({ key: 'videoSourceNeedsUrl' }, req)
        const parsed = parseVideoUrl(value)
        return parsed.ok ? true : pickLanguage(req, parsed.message)
      },
    },
    {
      type: 'row',
      admin: { condition: (_, s) => s?.source === 'external' },
      fields: [
        { name: 'provider', type: 'text', label: { vi: 'Nền tảng', en: 'Provider' }, admin: { readOnly: true } },
        { name: 'videoId', type: 'text', label: { vi: 'Mã video', en: 'Video id' }, admin: { readOnly: true } },
      ],
    },
    {
      name: 'poster',
      type: 'upload',
      relationTo: SLUGS.media,
      label: { vi: 'Ảnh đại diện (poster)', en: 'Poster image' },
    },
    {
      name: 'duration',
      type: 'number',
      min: 0,
      max: 86400,
      label: { vi: 'Thời lượng (giây)', en: 'Duration (seconds)' },
    },
    { name: 'transcript', type: 'textarea', label: { vi: 'Lời thoại / phụ đề', en: 'Transcript' } },
  ],
})
