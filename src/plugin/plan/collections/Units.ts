import type { CollectionConfig } from 'payload'
import { isAdminField } from '../../access/isAdmin'
import { isAdminOrManager } from '../../access/isAdminOrManager'
import { isAuthenticated } from '../../access/isAuthenticated'
import { SLUGS } from '../../../domain/slugs'
import { preventUnitCycle } from '../hooks/preventUnitCycle'

export const Units: CollectionConfig = {
  slug: SLUGS.units,
  labels: {
    singular: { vi: 'Đơn vị', en: 'Unit' },
    plural: { vi: 'Đơn vị', en: 'Units' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'shortName', 'kind', 'parent'],
    group: { vi: 'Danh mục', en: 'Catalog' },
  },
  access: {
    read: isAuthenticated,
    create: isAdminOrManager,
    update: isAdminOrManager,
    delete: isAdminOrManager,
  },
  hooks: { beforeChange: [preventUnitCycle] },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      unique: true,
      label: { vi: 'Tên đơn vị', en: 'Name' },
    },
    { name: 'shortName', type: 'text', label: { vi: 'Tên viết tắt', en: 'Short name' } },
    {
      name: 'kind',
      type: 'select',
      label: { vi: 'Loại', en: 'Kind' },
      defaultValue: 'department',
      options: [
        { value: 'ministry', label: { vi: 'Bộ / cơ quan trung ương', en: 'Ministry / central body' } },
        { value: 'department', label: { vi: 'Vụ, Cục, Văn phòng', en: 'Department' } },
        { value: 'center', label: { vi: 'Trung tâm', en: 'Centre' } },
        { value: 'press', label: { vi: 'Cơ quan báo chí', en: 'Press' } },
        { value: 'province', label: { vi: 'Sở, địa phương', en: 'Provincial department' } },
        { value: 'other', label: { vi: 'Khác', en: 'Other' } },
      ],
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: SLUGS.units,
      label: { vi: 'Đơn vị cấp trên', en: 'Parent unit' },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
    {
      name: 'letterhead',
      type: 'group',
      label: { vi: 'Thể thức văn bản (báo cáo)', en: 'Letterhead (reports)' },
      admin: {
        description: {
          vi: 'Dùng trên báo cáo kết quả thực hiện kế hoạch (.docx) khi đơn vị là đơn vị ban hành báo cáo.',
          en: 'Used on the plan report document (.docx) when this unit issues it.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'parentBody',
              type: 'text',
              label: { vi: 'Cơ quan chủ quản', en: 'Parent body' },
              admin: {
                description: {
                  vi: 'Dòng trên tên đơn vị, ví dụ: Bộ Khoa học và Công nghệ. Để trống: tên đơn vị cấp trên.',
                  en: 'Above the unit name, e.g. Bộ Khoa học và Công nghệ. Empty: the parent unit’s name.',
                },
              },
            },
            {
              name: 'code',
              type: 'text',
              label: { vi: 'Chữ viết tắt trên văn bản', en: 'Abbreviation on documents' },
              admin: { description: { vi: 'Ví dụ: TTTT trong "Số: …/BC-TTTT".', en: 'e.g. TTTT in "Số: …/BC-TTTT".' } },
            },
            {
              name: 'place',
              type: 'text',
              label: { vi: 'Địa danh', en: 'Place' },
              admin: { description: { vi: 'Ví dụ: Hà Nội.', en: 'e.g. Hà Nội.' } },
            },
          ],
        },
      ],
    },
    {
      name: 'requiresReview',
      type: 'checkbox',
      defaultValue: true,
      label: { vi: 'Nội dung phải được duyệt trước khi xuất bản', en: 'Items need review before publishing' },
      access: { create: isAdminField, update: isAdminField },
      admin: {
        description: {
          vi: 'Bỏ chọn: biên tập viên của đơn vị tự xuất bản, không cần lãnh đạo duyệt.',
          en: "Unticked: the unit's producers publish directly, without review.",
        },
      },
    },
  ],
}
