import type { ImportMessage } from '../../domain/i18n/messages'

/**
 * 400 unreadable, 413 over a limit, 415 not a body we read, 422 a scan that could not be read
 * within the time limit, 503 the server lacks the OCR programs (the administrator must act).
 */
export type PlanSourceStatus = 400 | 413 | 415 | 422 | 503

/** The request cannot give plan text: the status to answer and the field at fault. */
export class PlanSourceError extends Error {
  constructor(
    readonly status: PlanSourceStatus,
    readonly field: string,
    readonly problem: ImportMessage,
  ) {
    super(`${field}: ${problem.key}`)
    this.name = 'PlanSourceError'
  }
}

export const planSourceError = (
  status: PlanSourceStatus,
  field: string,
  key: ImportMessage['key'],
  vars?: ImportMessage['vars'],
) => new PlanSourceError(status, field, { key, ...(vars ? { vars } : {}) })
