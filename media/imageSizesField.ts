import type { UIField } from 'payload'

/**
 * The sidebar list of an image's files (media/admin/ImageSizesList.tsx), for every collection
 * whose upload makes the sizes of uploadConfig.ts.
 */
export const imageSizesField: UIField = {
  name: 'imageSizes',
  type: 'ui',
  label: { vi: 'Các cỡ ảnh', en: 'Image sizes' },
  admin: {
    position: 'sidebar',
    disableListColumn: true,
    components: { Field: '/../media/admin/ImageSizesList#ImageSizesList' },
  },
}
