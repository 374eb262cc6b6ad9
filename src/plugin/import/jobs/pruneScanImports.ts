import { dueDaily } from '../../../domain/schedule'
import { scanImportCutoff, SCAN_IMPORT_RETENTION_DAYS } from '../../../domain/planImport/scanImport'
import { SLUGS } from '../../../domain/slugs'
import type { JobDefinition } from '../../scheduler/types'

/**
 * Daily, with the nightly reconcile: scan imports older than SCAN_IMPORT_RETENTION_DAYS days are
 * deleted with their plan text and page images (a committed plan keeps its own rows; a review
 * not committed by then is uploaded again). A delete is idempotent, so a retried slot just finds
 * fewer rows. An import still being read is never that old (the OCR time limit is minutes).
 */
export const pruneScanImports: JobDefinition<'prune-imports'> = {
  name: 'prune-imports',
  title: `Xoá bản quét kế hoạch cũ hơn ${SCAN_IMPORT_RETENTION_DAYS} ngày`,
  async dueSlots({ settings, window }) {
    return dueDaily('prune-imports', settings.reconcileTime, window, settings.timeZone)
  },
  async run(ctx, { day }) {
    const cutoff = scanImportCutoff(day, ctx.settings.timeZone)
    const { docs, errors } = await ctx.payload.delete({
      collection: SLUGS.planImports,
      where: { createdAt: { less_than: cutoff.toISOString() } },
      depth: 0,
      select: { fileName: true },
    })
    if (errors.length > 0)
      throw new Error(`prune-imports ${day}: ${errors.length} imports could not be deleted: ${errors[0]?.message}`)
    return { deleted: docs.length, before: cutoff.toISOString() }
  },
}
