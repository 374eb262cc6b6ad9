import type { UIFieldServerProps } from 'payload'
import { getTranslation } from '@payloadcms/translations'
import { t } from '../../../src/plugin/i18n'
import { KeepDocumentTitleNamed } from './KeepDocumentTitleNamed'

/**
 * Payload titles a document without its title field filled in by its id: a new infographic's
 * page said "14". This names it instead ("Infographic mới (chưa có tiêu đề)") until a title is
 * typed. Renders nothing itself; the client part replaces the id in the document title.
 */
export function NamedDocumentTitle({ collectionSlug, i18n, payload }: UIFieldServerProps) {
  const labels = payload.config.collections.find((c) => c.slug === collectionSlug)?.labels
  const kind = labels ? getTranslation(labels.singular, i18n) : collectionSlug
  return <KeepDocumentTitleNamed text={t({ i18n }, 'untitledDocument', { kind })} />
}
