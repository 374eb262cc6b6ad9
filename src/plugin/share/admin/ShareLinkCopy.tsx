'use client'
import { QRCodeSVG } from 'qrcode.react'
import { useRef, useState } from 'react'

type Labels = { title: string; copy: string; copied: string; copyFailed: string; qr: string; open: string }

/**
 * The share link with one-click copy and a QR code. The Clipboard API needs a secure context
 * (https or localhost); elsewhere the selected field and the browser's own copy command stand in.
 */
export function ShareLinkCopy({ url, inactive, labels }: { url: string; inactive: string | null; labels: Labels }) {
  const input = useRef<HTMLInputElement>(null)
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle')
  const copy = async () => {
    input.current?.select()
    try {
      if (navigator.clipboard && window.isSecureContext) await navigator.clipboard.writeText(url)
      else if (!document.execCommand('copy')) throw new Error('execCommand copy refused')
      setStatus('copied')
    } catch {
      // The browser refused both ways (permissions, an insecure page): the field stays selected
      // and the message tells the user to press Ctrl+C.
      setStatus('failed')
    }
  }
  return (
    <div className="field-type" data-testid="share-link" style={{ marginBottom: '1.5rem' }}>
      <div className="field-label" style={{ fontWeight: 600, marginBottom: '0.4rem' }}>
        {labels.title}
      </div>
      {inactive && (
        <p role="status" data-testid="share-link-inactive" style={{ color: 'var(--theme-error-600, #b00020)' }}>
          {inactive}
        </p>
      )}
      <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <input
          ref={input}
          readOnly
          value={url}
          aria-label={labels.title}
          data-testid="share-link-url"
          onFocus={(e) => e.currentTarget.select()}
          style={{ flex: '1 1 28rem', minWidth: 0, padding: '0.5rem', fontFamily: 'monospace', fontSize: 13 }}
        />
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          onClick={copy}
          data-testid="share-link-copy"
        >
          {labels.copy}
        </button>
        <a href={url} target="_blank" rel="noopener noreferrer">
          {labels.open}
        </a>
      </div>
      <p
        role="status"
        aria-live="polite"
        data-testid="share-link-status"
        style={{ minHeight: '1.2em', margin: '0.3rem 0' }}
      >
        {status === 'copied' ? labels.copied : status === 'failed' ? labels.copyFailed : ''}
      </p>
      <figure style={{ margin: 0 }}>
        <QRCodeSVG
          value={url}
          size={160}
          marginSize={2}
          role="img"
          aria-label={labels.qr}
          data-testid="share-link-qr"
        />
        <figcaption style={{ fontSize: 12, color: 'var(--theme-elevation-600)' }}>{labels.qr}</figcaption>
      </figure>
    </div>
  )
}
