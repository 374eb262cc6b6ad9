import type { Access } from 'payload'
import { isStaffUser } from './roles'

/**
 * Staff only: drafts' history, plan documents (deliverables and evidence), the admin panel.
 * Integration accounts are signed in but are not staff.
 */
export const isStaff: Access = ({ req }) => isStaffUser(req.user)
