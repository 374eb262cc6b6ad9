'use client'
import { useFormFields } from '@payloadcms/ui'
import { imageSizeRows, type ImageSizeRow } from '../imageSizeRows'
import { IMAGE_SIZE_NAMES } from '../sizeNames'

export type ImageSizesLabels = Record<ImageSizeRow['name'] | 'title' | 'none' | 'skipped' | 'open', string>

const FILE_FIELDS = ['url', 'width', 'height', 'mimeType', 'filesize'] as const

/**
 * The list itself, read from the form: it follows the upload and the save at once (a server
 * field would show the sizes only after a reload).
 */
export function ImageSizesClient({ labels }: { labels: ImageSizesLabels }) {
  const fields = useFormFields(([state]) => state)
  const value = (path: string): unknown => fields[path]?.value
  const file = (prefix: string) => Object.fromEntries(FILE_FIELDS.map((f) => [f, value(`${prefix}${f}`)]))
  const rows = imageSizeRows({
    filename: value('filename'),
    ...file(''),
    sizes: Object.fromEntries(IMAGE_SIZE_NAMES.map((name) => [name, file(`sizes.${name}.`)])),
  })
  return (
    <div className="field-type" data-testid="image-sizes" style={{ marginBottom: '1.5rem' }}>
      <div className="field-label" style={{ fontWeight: 600, marginBottom: '0.5rem' }}>
        {labels.title}
      </div>
      {rows.length === 0 ? (
        <p>{labels.none}</p>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rows.map((r) => (
            <li
              key={r.name}
              data-testid={`image-size-${r.name}`}
              data-width={r.width ?? undefined}
              data-format={r.format ?? undefined}
              style={{ display: 'flex', gap: '0.6rem', alignItems: 'center', marginBottom: '0.6rem' }}
            >
              {r.url ? (
                <img src={r.url} alt="" width={48} height={48} style={{ objectFit: 'contain', flex: '0 0 48px' }} />
              ) : (
                <span style={{ width: 48, flex: '0 0 48px' }} />
              )}
              <span>
                <strong>{labels[r.name]}</strong>
                <br />
                {r.url ? (
                  <span style={{ fontSize: '0.85em' }}>
                    {r.width}×{r.height} · {r.format} · {r.kilobytes} KB ·{' '}
                    <a href={r.url} target="_blank" rel="noopener noreferrer">
                      {labels.open}
                    </a>
                  </span>
                ) : (
                  <span style={{ fontSize: '0.85em', opacity: 0.8 }}>{labels.skipped}</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
