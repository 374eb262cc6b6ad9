import { createLocalReq, type Payload, type SanitizedCollectionConfig, type TypedUser } from 'payload'

/**
 * Whether `user` (null: anonymous) passes the collection's own create or update access, asked
 * before a request body is read. A query result (update access scoped to the user's unit) counts
 * as "may": which documents it reaches is Payload's to decide once it runs the operation; this
 * only spares the server from reading a body that no document could receive.
 */
export async function mayWriteCollection(
  payload: Payload,
  collection: SanitizedCollectionConfig,
  operation: 'create' | 'update',
  id: string | undefined,
  user: TypedUser | null,
): Promise<boolean> {
  const access = collection.access[operation]
  const req = await createLocalReq({ user: user ?? undefined }, payload)
  // The app's ids are Postgres serials; a non-numeric id matches no document (Payload 404s it).
  const docId = id !== undefined && /^\d+$/.test(id) ? Number(id) : undefined
  try {
    return Boolean(await access({ req, id: docId }))
  } catch (err) {
    // An access rule that cannot decide without the document's data: Payload asks it again with
    // the data once the body is read, so let the request go on rather than refuse a legitimate one.
    payload.logger.error({ err, msg: `access.${operation} of ${collection.slug} failed before the body was read` })
    return true
  }
}
