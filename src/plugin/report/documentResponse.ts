import type { PayloadRequest } from 'payload'
import { refuseWith } from '../endpoints/http'
import { convertDocxToPdf, OFFICE_PACKAGE, PDF_MIME } from './pdf/convertToPdf'
import { findOffice } from './pdf/findOffice'
import { DOCX_MIME } from './reportDocx'

/**
 * 501 when the server cannot make a PDF (no LibreOffice), naming the package to install; null
 * when it can or when the format is not PDF. Asked before the document is built.
 */
export function refuseUnlessPdfPossible(req: PayloadRequest, format: string): Response | null {
  if (format !== 'pdf' || findOffice()) return null
  return refuseWith(req, 501, 'pdfUnavailable', { field: 'format', vars: { package: OFFICE_PACKAGE } })
}

/** The report document as a download: the .docx as built, or LibreOffice's PDF of it. */
export async function documentResponse(
  req: PayloadRequest,
  docx: Buffer,
  format: 'docx' | 'pdf',
  filename: string,
): Promise<Response> {
  const headers = (type: string, ext: string) => ({
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${filename}.${ext}"`,
    'Cache-Control': 'no-store',
  })
  if (format === 'docx') return new Response(new Uint8Array(docx), { status: 200, headers: headers(DOCX_MIME, 'docx') })
  const result = await convertDocxToPdf(docx)
  if (result.ok) return new Response(new Uint8Array(result.pdf), { status: 200, headers: headers(PDF_MIME, 'pdf') })
  if (result.reason === 'unavailable') {
    return refuseWith(req, 501, 'pdfUnavailable', { field: 'format', vars: { package: OFFICE_PACKAGE } })
  }
  req.payload.logger.error({ err: new Error(result.detail), msg: `[report] PDF conversion of ${filename} failed` })
  return refuseWith(req, 500, 'pdfFailed')
}
