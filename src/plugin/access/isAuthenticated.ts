import type { Access } from 'payload'

/**
 * Plans, tasks, units and channels are internal: any signed-in user reads them, anonymous nobody.
 * Integration accounts too: they are what the reports they pull are about.
 */
export const isAuthenticated: Access = ({ req }) => Boolean(req.user)
