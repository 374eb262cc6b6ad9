import type { UIFieldServerProps } from 'payload'
import { findOffice } from '../pdf/findOffice'
import { t, type CatalogKey } from '../../i18n'

/**
 * A periodic report's document, in its edit view's sidebar: download it as .docx (and PDF where
 * the server has LibreOffice) with the texts and signer saved on the record, to sign and send;
 * then tick "Đã ký, gửi đi" and save.
 */
export function ReportDocumentLinks({ id, req, i18n }: UIFieldServerProps) {
  const say = (key: CatalogKey) => t({ i18n }, key)
  const href = (format: 'docx' | 'pdf') =>
    `${req.payload.config.routes.api}/quota/periodic-report?id=${id}&format=${format}`
  return (
    <div className="field-type" data-testid="report-document-links" style={{ marginBottom: '1.5rem' }}>
      <div className="field-label" style={{ fontWeight: 600, marginBottom: '0.5rem' }}>
        {say('reportDocumentTitle')}
      </div>
      {id ? (
        <>
          <p style={{ margin: '0 0 0.5rem' }}>
            <a href={href('docx')} data-testid="report-document-docx">
              {say('reportDocumentDocx')}
            </a>
            {findOffice() && (
              <>
                {' · '}
                <a href={href('pdf')} data-testid="report-document-pdf">
                  PDF
                </a>
              </>
            )}
          </p>
          <p style={{ margin: 0, opacity: 0.75 }}>{say('reportDocumentHint')}</p>
        </>
      ) : null}
    </div>
  )
}
