import type { UIFieldServerProps } from 'payload'
import { t, type CatalogKey } from '../../src/plugin/i18n'
import { imageSizeRows, type ImageSizeRow } from '../imageSizeRows'

const LABEL: Record<ImageSizeRow['name'], CatalogKey> = {
  original: 'imageSizeOriginal',
  thumbnail: 'imageSizeThumbnail',
  card: 'imageSizeCard',
  cardWebp: 'imageSizeCardWebp',
  web: 'imageSizeWeb',
  webWebp: 'imageSizeWebWebp',
  og: 'imageSizeOg',
  square: 'imageSizeSquare',
}

/**
 * The image's files in the edit view's sidebar, named for what they are used for ("Ảnh chia sẻ
 * mạng xã hội", not "og"), each with its size, format, weight and a link to open it. It replaces
 * Payload's size drawer (hidden in custom.scss), which shows the configuration's code names and
 * an English "Original".
 */
export function ImageSizesList({ data, i18n }: UIFieldServerProps) {
  const say = (key: CatalogKey) => t({ i18n }, key)
  const rows = imageSizeRows(data)
  return (
    <div className="field-type" data-testid="image-sizes" style={{ marginBottom: '1.5rem' }}>
      <div className="field-label" style={{ fontWeight: 600, marginBottom: '0.5rem' }}>
        {say('imageSizesTitle')}
      </div>
      {rows.length === 0 ? (
        <p>{say('imageSizesNone')}</p>
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
                <strong>{say(LABEL[r.name])}</strong>
                <br />
                {r.url ? (
                  <span style={{ fontSize: '0.85em' }}>
                    {r.width}×{r.height} · {r.format} · {r.kilobytes} KB ·{' '}
                    <a href={r.url} target="_blank" rel="noopener noreferrer">
                      {say('imageSizeOpen')}
                    </a>
                  </span>
                ) : (
                  <span style={{ fontSize: '0.85em', opacity: 0.8 }}>{say('imageSizeSkipped')}</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
