import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, CollectionConfig, Field } from 'payload'
import {
  createAsProducer,
  editOwnUnitContent,
  updateAsProducerOrReviewer,
} from '../../src/plugin/access/editOwnUnitContent'
import { isStaff } from '../../src/plugin/access/isStaff'
import { readPublishedOrSignedIn } from '../../src/plugin/access/readPublishedOrSignedIn'
import type { Role } from '../../src/domain/slugs'
import { assignAuthorUnit } from '../../hooks/assignAuthorUnit'
import { computeSearchText } from '../../hooks/computeSearchText'
import { foldSearchQuery } from '../../hooks/foldSearchQuery'
import { generateSlug } from '../../hooks/generateSlug'
import { keepItemInOwnUnit } from '../../hooks/keepItemInOwnUnit'
import { lockUnitField, slugField } from './commonFields'
import { planTagFields, publishingFields } from '../../src/plugin/counting/fields'
import { contentVersions, namedDocumentTitleField, searchTextField } from './contentFields'
import { reviewFields, reviewPanelField } from '../../src/plugin/review/fields'

export interface ContentCollectionSpec {
  slug: string
  labels: NonNullable<CollectionConfig['labels']>
  /** The role that produces this kind of item (besides managers and admins). */
  producer: Role
  /** Fields whose accent-folded text the admin search matches. */
  searchFields: string[]
  /** The kind's own fields, between the slug and the plan tags. */
  fields: Field[]
  defaultColumns: string[]
  upload?: CollectionConfig['upload']
  /**
   * Largest file an upload may carry (media/limits.ts). The request guard reads it as
   * `custom.maxUploadBytes` and refuses a bigger body while it streams, before Payload buffers it.
   */
  maxUploadBytes?: number
  beforeOperation?: CollectionBeforeOperationHook[]
  beforeChange?: CollectionBeforeChangeHook[]
}

/**
 * What every quota-counted kind shares (articles, infographics, videos): public reads of
 * published items only, unit-scoped editing by its producer role, drafts with autosave and
 * scheduled publish, slugs, accent-insensitive search, plan tags and channel publications.
 */
export function contentCollection(spec: ContentCollectionSpec): CollectionConfig {
  return {
    slug: spec.slug,
    labels: spec.labels,
    admin: {
      useAsTitle: 'title',
      group: { vi: 'Nội dung', en: 'Content' },
      defaultColumns: spec.defaultColumns,
      listSearchableFields: ['searchText'],
    },
    access: {
      read: readPublishedOrSignedIn,
      readVersions: isStaff,
      create: createAsProducer(spec.producer),
      update: updateAsProducerOrReviewer(spec.producer),
      delete: editOwnUnitContent(spec.producer),
    },
    ...(spec.upload ? { upload: spec.upload } : {}),
    ...(spec.maxUploadBytes ? { custom: { maxUploadBytes: spec.maxUploadBytes } } : {}),
    // Trash first, delete later: a trashed item leaves every quota and can be restored.
    trash: true,
    versions: contentVersions,
    hooks: {
      beforeOperation: [keepItemInOwnUnit, ...(spec.beforeOperation ?? []), foldSearchQuery],
      beforeValidate: [generateSlug],
      // The plugin appends the review guard, the review record and the publishing stamp (with
      // the home-channel publication counting needs) after these: src/plugin/review, counting.
      beforeChange: [assignAuthorUnit, ...(spec.beforeChange ?? []), computeSearchText(spec.searchFields)],
    },
    fields: [
      namedDocumentTitleField,
      reviewPanelField,
      { name: 'title', type: 'text', required: true, label: { vi: 'Tiêu đề', en: 'Title' } },
      slugField,
      ...spec.fields,
      ...lockUnitField(planTagFields),
      ...publishingFields,
      ...reviewFields,
      searchTextField,
    ],
  }
}
