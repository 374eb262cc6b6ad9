import { ValidationError, type CollectionBeforeOperationHook } from 'payload'
import { pickLanguage } from '../src/plugin/i18n'
import { inspectImageUpload, inspectVideoUpload, type ImageLimits, type VideoLimits } from '../media'

/**
 * Rejects a bad upload before Payload touches it. It must be `beforeOperation`: Payload decodes
 * the image and writes every size before any validate/change hook runs, so a decompression bomb
 * or a disguised file has to be stopped here. On success the file gets its safe name and the
 * type its bytes prove.
 */
export const checkUploadedFile =
  (kind: 'image' | 'video', limits: ImageLimits | VideoLimits): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    if ((operation !== 'create' && operation !== 'update') || !req.file) return args
    const file = req.file
    const result =
      kind === 'image'
        ? await inspectImageUpload(
            { data: file.data, name: file.name, mimetype: file.mimetype, size: file.size },
            limits as ImageLimits,
          )
        : inspectVideoUpload(
            { data: file.data, name: file.name, mimetype: file.mimetype, size: file.size },
            limits as VideoLimits,
          )
    if (!result.ok) {
      const message = pickLanguage(req, result.message)
      throw new ValidationError({ collection: collection.slug, errors: [{ path: result.field, message }], req }, req.t)
    }
    file.name = result.safeName
    file.mimetype = result.mime
    return args
  }
