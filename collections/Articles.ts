import { SLUGS } from '../src/domain/slugs'
import { contentCollection } from './shared/contentCollection'

/** News articles (tin bài): the main quota unit of most plans. */
export const Articles = contentCollection({
  slug: SLUGS.articles,
  labels: { singular: { vi: 'Tin bài', en: 'Article' }, plural: { vi: 'Tin bài', en: 'Articles' } },
  producer: 'editor',
  searchFields: ['title', 'summary'],
  defaultColumns: ['title', '_status', 'unit', 'lastPublishedAt', 'updatedAt'],
  fields: [
    { name: 'summary', type: 'textarea', label: { vi: 'Sapo / tóm tắt', en: 'Summary' } },
    { name: 'coverImage', type: 'upload', relationTo: SLUGS.media, label: { vi: 'Ảnh đại diện', en: 'Cover image' } },
    { name: 'body', type: 'richText', label: { vi: 'Nội dung', en: 'Body' } },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: SLUGS.users,
      hasMany: true,
      label: { vi: 'Tác giả', en: 'Authors' },
      defaultValue: ({ user }) => (user ? [user.id] : []),
      admin: { position: 'sidebar' },
    },
    {
      name: 'language',
      type: 'select',
      defaultValue: 'vi',
      label: { vi: 'Ngôn ngữ', en: 'Language' },
      options: [
        { value: 'vi', label: 'Tiếng Việt' },
        { value: 'en', label: 'English' },
      ],
      admin: { position: 'sidebar' },
    },
  ],
})
