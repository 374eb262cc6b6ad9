import type { UIFieldServerProps } from 'payload'
import { t } from '../../src/plugin/i18n'
import { ImageSizesClient, type ImageSizesLabels } from './ImageSizesClient'

/**
 * The image's files in the edit view's sidebar, named for what they are used for ("Ảnh chia sẻ
 * mạng xã hội", not "og"), each with its size, format, weight and a link to open it. It replaces
 * Payload's size drawer (hidden in custom.scss), which shows the configuration's code names and
 * an English "Original". The words are chosen here, in the reader's language; the list is drawn
 * in the browser from the form.
 */
export function ImageSizesList({ i18n }: UIFieldServerProps) {
  const say = (key: Parameters<typeof t>[1]) => t({ i18n }, key)
  const labels: ImageSizesLabels = {
    title: say('imageSizesTitle'),
    none: say('imageSizesNone'),
    skipped: say('imageSizeSkipped'),
    open: say('imageSizeOpen'),
    original: say('imageSizeOriginal'),
    thumbnail: say('imageSizeThumbnail'),
    card: say('imageSizeCard'),
    cardWebp: say('imageSizeCardWebp'),
    web: say('imageSizeWeb'),
    webWebp: say('imageSizeWebWebp'),
    og: say('imageSizeOg'),
    square: say('imageSizeSquare'),
  }
  return <ImageSizesClient labels={labels} />
}
