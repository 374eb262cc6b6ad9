import path from 'node:path'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { buildConfig, type CollectionConfig, type SanitizedConfig } from 'payload'
import { commsQuotaPlugin } from '../../src/plugin'

/**
 * A host unlike our app, with nothing of the app in it: its own auth collection ("members"),
 * content named "posts" and "podcasts" with none of the plugin's fields, no editor, no admin
 * views, no Next routes. Everything quota-related comes from the plugin's options alone.
 */
const members: CollectionConfig = {
  slug: 'members',
  auth: true,
  fields: [{ name: 'displayName', type: 'text' }],
}

const signedIn = ({ req }: { req: { user?: unknown } }) => Boolean(req.user)

/** The host's own rule for its content: the public reads published items, members do the rest. */
const contentAccess: CollectionConfig['access'] = {
  read: ({ req }) => (req.user ? true : { _status: { equals: 'published' } }),
  create: signedIn,
  update: signedIn,
  delete: signedIn,
}

const posts: CollectionConfig = {
  slug: 'posts',
  labels: { singular: 'Post', plural: 'Posts' },
  versions: { drafts: true },
  access: contentAccess,
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'slug', type: 'text' },
    { name: 'excerpt', type: 'textarea' },
  ],
}

const podcasts: CollectionConfig = {
  slug: 'podcasts',
  labels: { singular: 'Podcast', plural: 'Podcasts' },
  versions: { drafts: true },
  access: contentAccess,
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'slug', type: 'text' },
    { name: 'showNotes', type: 'textarea' },
    { name: 'minutes', type: 'number' },
  ],
}

export function hostConfig(options: {
  databaseUri: string
  uploadsDir: string
  review: boolean
}): Promise<SanitizedConfig> {
  return buildConfig({
    admin: { user: members.slug },
    collections: [members, posts, podcasts],
    db: postgresAdapter({ pool: { connectionString: options.databaseUri }, push: true }),
    secret: 'host-app-test-secret',
    typescript: { autoGenerate: false, outputFile: path.join(options.uploadsDir, 'types.ts') },
    plugins: [
      commsQuotaPlugin({
        usersSlug: members.slug,
        uploadsDir: options.uploadsDir,
        contentCollections: ['posts', 'podcasts'],
        review: options.review,
        feeds: { fields: { podcasts: { summary: 'showNotes' } } },
      }),
    ],
  })
}
