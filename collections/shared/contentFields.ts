import type { CollectionConfig, Field } from 'payload'

/** Accent-folded title and summary: what the admin list search compares against. */
export const searchTextField: Field = {
  name: 'searchText',
  type: 'text',
  admin: { hidden: true, disableListColumn: true, disableListFilter: true },
}

/** Drafts, autosave and scheduled publishing, as a newsroom expects. */
export const contentVersions: CollectionConfig['versions'] = {
  drafts: { autosave: { interval: 2000 }, schedulePublish: true },
  maxPerDoc: 50,
}
