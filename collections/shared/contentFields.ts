import type { CollectionConfig, Field } from 'payload'

/** Accent-folded title and summary: what the admin list search compares against. */
export const searchTextField: Field = {
  name: 'searchText',
  type: 'text',
  // Read in the list's search box: "Tìm theo tiêu đề, tóm tắt (gõ có dấu hay không dấu đều được)".
  label: { vi: 'tiêu đề, tóm tắt (có dấu hay không dấu đều được)', en: 'title, summary (with or without diacritics)' },
  admin: { hidden: true, disableListColumn: true, disableListFilter: true },
}

/**
 * Names a document that has no title yet ("Infographic mới (chưa có tiêu đề)") where Payload
 * would show its id. Shows nothing itself (collections/shared/admin/NamedDocumentTitle.tsx).
 */
export const namedDocumentTitleField: Field = {
  name: 'namedDocumentTitle',
  type: 'ui',
  admin: {
    disableListColumn: true,
    components: { Field: '/../collections/shared/admin/NamedDocumentTitle#NamedDocumentTitle' },
  },
}

/** Drafts, autosave and scheduled publishing, as a newsroom expects. */
export const contentVersions: CollectionConfig['versions'] = {
  drafts: { autosave: { interval: 2000 }, schedulePublish: true },
  maxPerDoc: 50,
}
