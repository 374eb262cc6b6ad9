import type { Access } from 'payload'

/** Plans, tasks and the catalog are internal: any signed-in user reads them, anonymous nobody. */
export const isAuthenticated: Access = ({ req }) => Boolean(req.user)
