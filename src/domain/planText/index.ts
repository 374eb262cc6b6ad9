/**
 * Plan text → structured draft. Pure: no database, no Payload, no I/O.
 *
 *   parsePlanText(text, { channels, units, referenceYear }) → PlanDraft
 *
 * See types.ts for the draft's shape and the decisions it encodes (blank document numbers,
 * pooled vs per-channel targets, how content words map to types).
 */
export { parsePlanText } from './parse'
export { normalizeVi, foldVi } from './normalize'
export { findDates, parseDate } from './dates'
export { parseTimeframe } from './timeframe'
export { matchCatalog } from './catalog'
export { looksLikeOcr, ocrDistance, repairOcr } from './ocr'
export type { OcrRepair } from './ocr'
export type {
  ApproximateField,
  BasisDocument,
  CatalogEntry,
  CatalogRef,
  ContentTargetDraft,
  ContentType,
  DeliverableTargetDraft,
  FormatMention,
  IndicatorTargetDraft,
  KeyDay,
  ObjectiveDraft,
  ParseWarning,
  Period,
  PlanDraft,
  PlanPeriod,
  PlanTextOptions,
  ReportingRule,
  TargetDraft,
  TaskDraft,
  TaskGroupDraft,
  ThemeDraft,
  Timeframe,
  WarningKind,
} from './types'
