/**
 * The derivatives' names, in the order the edit view lists them. Their own file, free of imports,
 * because the admin's browser code lists them too (media/admin/ImageSizesClient.tsx).
 * Names are camelCase because they become field names (GraphQL, database columns).
 */
export const IMAGE_SIZE_NAMES = ['thumbnail', 'card', 'cardWebp', 'web', 'webWebp', 'og', 'square'] as const
export type ImageSizeName = (typeof IMAGE_SIZE_NAMES)[number]
