import type { Access, FieldAccess } from 'payload'
import { hasRole } from './roles'

/** Managers define plans, tasks, targets, channels and units; admins can do everything. */
export const isAdminOrManager: Access = ({ req }) => hasRole(req.user, 'admin', 'manager')

export const isAdminOrManagerField: FieldAccess = ({ req }) => hasRole(req.user, 'admin', 'manager')
