import type { Field } from 'payload'
import { ROLES, SLUGS } from '../../domain/slugs'
import { isAdminField } from './isAdmin'

export const ROLE_LABELS = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  manager: { vi: 'Lãnh đạo / phụ trách', en: 'Manager' },
  editor: { vi: 'Biên tập viên', en: 'Editor' },
  multimedia: { vi: 'Đa phương tiện', en: 'Multimedia staff' },
  integration: { vi: 'Tích hợp hệ thống (khóa API)', en: 'Integration (API key)' },
} as const

/**
 * What the plugin's access rules read on a user: a role, a unit and the units they review. In
 * the JWT so that every access check reads them without a query. The plugin adds any of them a
 * host's users collection lacks; only administrators change them.
 */
export const userFields: Field[] = [
  {
    name: 'role',
    type: 'select',
    required: true,
    defaultValue: 'editor',
    saveToJWT: true,
    label: { vi: 'Vai trò', en: 'Role' },
    options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
    access: { create: isAdminField, update: isAdminField },
  },
  {
    name: 'unit',
    type: 'relationship',
    relationTo: SLUGS.units,
    saveToJWT: true,
    label: { vi: 'Đơn vị', en: 'Unit' },
    access: { create: isAdminField, update: isAdminField },
  },
  {
    name: 'reviewUnits',
    type: 'relationship',
    relationTo: SLUGS.units,
    hasMany: true,
    label: { vi: 'Duyệt nội dung của đơn vị', en: 'Reviews items of units' },
    access: { create: isAdminField, update: isAdminField },
    admin: {
      description: {
        vi: 'Người này được duyệt hoặc trả lại nội dung của các đơn vị này (lãnh đạo duyệt mọi đơn vị).',
        en: 'This user approves or returns the items of these units (managers review every unit).',
      },
    },
  },
]
