import type { S3ClientConfig } from '@aws-sdk/client-s3'
import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'
import type { S3Settings } from '../config/env'
import { SCHEDULE_SLUGS, SLUGS } from '../domain/slugs'

/** Every upload collection of the app: originals and all their image sizes go to the bucket. */
export const UPLOAD_SLUGS = [
  SLUGS.media,
  SLUGS.infographics,
  SLUGS.videos,
  SLUGS.planDocuments,
  SCHEDULE_SLUGS.quotaReports,
] as const

/**
 * The S3 client settings. Checksums only when the operation requires them: since early 2025 the
 * AWS SDK adds a CRC32 trailer to every upload, which for streamed bodies (Payload streams large
 * uploads from a temp file) means aws-chunked encoding; S3-compatible servers that predate it
 * (s3rver, older MinIO and Ceph) store the chunk framing as part of the object, corrupting it.
 * TLS already protects the bytes in transit, and the ETag still lets S3 detect a bad upload.
 */
export function s3ClientConfig(s3: S3Settings): S3ClientConfig {
  return {
    region: s3.region,
    ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
    forcePathStyle: s3.forcePathStyle,
    ...(s3.credentials ? { credentials: s3.credentials } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  }
}

/**
 * Payload's official S3 storage (@payloadcms/storage-s3) for every upload collection when S3 is
 * configured; local disk otherwise. Always installed, with `alwaysInsertFields`, so the database
 * schema (its `prefix` and `_objectKey` columns) is the same with and without S3 and one set of
 * migrations serves both.
 *
 * Files keep being served through Payload (`/api/<collection>/file/<name>`), never from bucket
 * URLs: access control still decides who reads what (drafts, plan documents, reports are not
 * public), the bucket stays private, and our upload headers (nosniff, sandbox CSP) still apply —
 * which is why this plugin must come after the hardening plugin: the storage handler serves with
 * the collection config it was given. Local storage is off: an instance's disk would hold files
 * the other instances cannot see.
 */
export function objectStoragePlugin(s3: S3Settings | null): Plugin {
  return s3Storage({
    enabled: s3 !== null,
    alwaysInsertFields: true,
    bucket: s3?.bucket ?? '',
    collections: Object.fromEntries(UPLOAD_SLUGS.map((slug) => [slug, { prefix: slug }])),
    config: s3 ? s3ClientConfig(s3) : {},
    disableLocalStorage: true,
    // No ACL: objects are private by default, and buckets with ACLs disabled (AWS's default) refuse them.
  })
}
