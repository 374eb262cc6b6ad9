import type { CollectionBeforeChangeHook } from 'payload'

/** "Đã ký, gửi đi" ticked: record when; unticked: forget it. The day is the server's, not the client's. */
export const stampReportSent: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data.sent === true && !originalDoc?.sent) data.sentAt = new Date().toISOString()
  if (data.sent === false) data.sentAt = null
  return data
}
