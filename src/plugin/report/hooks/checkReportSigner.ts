import type { CollectionBeforeChangeHook } from 'payload'
import { relId } from '../../../domain/relations'
import { SCHEDULE_SLUGS, SLUGS } from '../../../domain/slugs'
import { throwFieldError } from '../../shared/validation'
import { pluginUsersSlug } from '../../counting/engine/settings'

type Row = Record<string, unknown>

/**
 * The signer of a periodic report is a user of the unit that issues the plan's reports: a
 * signer from another unit (or before the plan names its issuing unit) fails the save with a
 * 400 naming `signer`. Read as the saving user, in its transaction.
 */
export const checkReportSigner: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const signer = relId(data.signer)
  if (signer === undefined || signer === relId(originalDoc?.signer)) return data
  const plan = relId(data.plan ?? originalDoc?.plan)
  const planDoc =
    plan === undefined
      ? null
      : ((await req.payload.findByID({
          collection: SLUGS.plans,
          id: plan,
          depth: 0,
          overrideAccess: false,
          req,
          disableErrors: true,
        })) as Row | null)
  const issuingUnit = relId((planDoc?.reportDocument as Row | undefined)?.issuingUnit)
  if (issuingUnit === undefined)
    throwFieldError(req, SCHEDULE_SLUGS.quotaReports, 'signer', { key: 'reportSignerNoUnit' })
  const user = (await req.payload.findByID({
    collection: pluginUsersSlug(req.payload) as typeof SLUGS.users,
    id: signer,
    depth: 0,
    overrideAccess: false,
    req,
    disableErrors: true,
  })) as Row | null
  if (!user)
    throwFieldError(req, SCHEDULE_SLUGS.quotaReports, 'signer', { key: 'reportSignerUnknown', vars: { id: signer } })
  if (String(relId(user.unit)) !== String(issuingUnit)) {
    const unit = (await req.payload.findByID({
      collection: SLUGS.units,
      id: issuingUnit,
      depth: 0,
      overrideAccess: false,
      req,
      disableErrors: true,
    })) as Row | null
    throwFieldError(req, SCHEDULE_SLUGS.quotaReports, 'signer', {
      key: 'reportSignerOtherUnit',
      vars: { unit: String(unit?.name ?? issuingUnit), name: String(user.name ?? user.email ?? signer) },
    })
  }
  return data
}
