import type { CollectionConfig } from 'payload'
import { isAdmin, isAdminField } from '../src/plugin/access/isAdmin'
import { isAdminOrSelf, readUsers } from '../src/plugin/access/isAdminOrSelf'
import { isAdminOrSelfField } from '../src/plugin/access/isAdminOrSelfField'
import { isStaffUser } from '../src/plugin/access/roles'
import { SLUGS } from '../src/domain/slugs'
import { userFields } from '../src/plugin/access/userFields'
import { makeFirstUserAdmin } from '../hooks/makeFirstUserAdmin'

export const Users: CollectionConfig = {
  slug: SLUGS.users,
  labels: {
    singular: { vi: 'Người dùng', en: 'User' },
    plural: { vi: 'Người dùng', en: 'Users' },
  },
  auth: {
    // Payload's defaults, stated so they are reviewed: 5 failed logins lock the account 10 min.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    cookies: { secure: process.env.NODE_ENV === 'production' && process.env.INSECURE_COOKIES !== '1', sameSite: 'Lax' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'unit'],
    group: { vi: 'Quản trị', en: 'Administration' },
  },
  access: {
    read: readUsers,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
    // Payload lets any signed-in user unlock any account; an insider could then keep guessing a
    // colleague's password past the lockout. Unlocking is the administrator's decision.
    unlock: isAdmin,
    // The admin panel is for staff; an integration account works through the API only.
    admin: ({ req }) => isStaffUser(req.user),
  },
  hooks: { beforeChange: [makeFirstUserAdmin] },
  fields: [
    // Payload's own e-mail field, with access added (merged with the auth field by name): only
    // admins change a login, and nobody but the owner and admins reads the address.
    {
      name: 'email',
      type: 'email',
      required: true,
      unique: true,
      access: { read: isAdminOrSelfField, update: isAdminField },
    },
    { name: 'name', type: 'text', required: true, label: { vi: 'Họ và tên', en: 'Full name' } },
    // Role, unit and reviewed units: the plugin's own definitions, placed after the name.
    ...userFields,
  ],
}
