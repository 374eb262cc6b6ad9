import type { Config, Payload, Plugin } from 'payload'
import { stampLockOwner } from '../../hooks/stampLockOwner'
import { lockEditableDocument } from '../plugin/access/lockEditableDocument'

/**
 * Payload adds its `payload-locked-documents` collection while sanitizing the config, after every
 * plugin ran and with no override option, so its access and hooks are set once Payload is up.
 */
export function guardDocumentLocks(payload: Payload): void {
  const locks = payload.collections['payload-locked-documents']
  if (!locks) return
  const { config } = locks
  config.access = {
    ...config.access,
    create: lockEditableDocument,
    update: lockEditableDocument,
    delete: lockEditableDocument,
  }
  config.hooks.beforeChange = [...(config.hooks.beforeChange ?? []), stampLockOwner]
}

/** Locks only of what the caller may edit, in the caller's name, stamped by the server (issue 20, finding 7). */
export const documentLocksPlugin =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    onInit: async (payload) => {
      guardDocumentLocks(payload)
      await config.onInit?.(payload)
    },
  })
