import type { Field } from 'payload'
import { isAdminOrManagerField } from '../../src/plugin/access/isAdminOrManager'

export const slugField: Field = {
  name: 'slug',
  type: 'text',
  unique: true,
  index: true,
  label: { vi: 'Đường dẫn (slug)', en: 'Slug' },
  admin: {
    position: 'sidebar',
    description: { vi: 'Tự tạo từ tiêu đề nếu để trống.', en: 'Generated from the title when empty.' },
  },
}

/** Only managers and admins may move an item to another unit after it was created. */
export function lockUnitField(fields: Field[]): Field[] {
  return fields.map((f) =>
    'name' in f && f.name === 'unit' ? ({ ...f, access: { update: isAdminOrManagerField } } as Field) : f,
  )
}
