import type { CollectionConfig } from 'payload'
import { isAdminOrManager } from '../../access/isAdminOrManager'
import { isAuthenticated } from '../../access/isAuthenticated'
import { checkHttpUrl } from '../../../domain/planRules'
import { toValidation } from '../../shared/validation'
import { CHANNEL_GROUPS, CHANNEL_KINDS, SLUGS, SOCIAL_PLATFORMS } from '../../../domain/slugs'
import { keepSingleHomeChannel } from '../hooks/keepSingleHomeChannel'
import { protectHomeChannelDelete } from '../hooks/protectHomeChannelDelete'

const KIND_LABELS: Record<(typeof CHANNEL_KINDS)[number], { vi: string; en: string }> = {
  portal: { vi: 'Cổng thông tin điện tử', en: 'Web portal' },
  enewspaper: { vi: 'Báo điện tử', en: 'E-newspaper' },
  magazine: { vi: 'Tạp chí', en: 'Magazine' },
  print: { vi: 'Báo in', en: 'Print' },
  tv: { vi: 'Truyền hình', en: 'TV' },
  radio: { vi: 'Phát thanh', en: 'Radio' },
  social: { vi: 'Mạng xã hội', en: 'Social network' },
  other: { vi: 'Khác', en: 'Other' },
}

const GROUP_LABELS: Record<(typeof CHANNEL_GROUPS)[number], { vi: string; en: string }> = {
  'central-press': { vi: 'Báo chí Trung ương', en: 'Central press' },
  'epress-magazines': { vi: 'Báo điện tử, tạp chí chuyên ngành', en: 'E-press and specialised magazines' },
  'local-press': { vi: 'Báo chí địa phương', en: 'Local press' },
  'digital-social': { vi: 'Nền tảng số, mạng xã hội', en: 'Digital platforms and social networks' },
}

export const Channels: CollectionConfig = {
  slug: SLUGS.channels,
  labels: {
    singular: { vi: 'Kênh', en: 'Channel' },
    plural: { vi: 'Kênh truyền thông', en: 'Channels' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'group', 'isHome', 'unit'],
    group: { vi: 'Danh mục', en: 'Catalog' },
  },
  access: {
    read: isAuthenticated,
    create: isAdminOrManager,
    update: isAdminOrManager,
    delete: isAdminOrManager,
  },
  hooks: {
    beforeChange: [keepSingleHomeChannel],
    beforeDelete: [protectHomeChannelDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: { vi: 'Tên kênh', en: 'Name' } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'portal',
      label: { vi: 'Loại kênh', en: 'Kind' },
      options: CHANNEL_KINDS.map((value) => ({ value, label: KIND_LABELS[value] })),
    },
    {
      name: 'platform',
      type: 'select',
      label: { vi: 'Nền tảng', en: 'Platform' },
      options: SOCIAL_PLATFORMS.map((value) => ({
        value,
        label: value === 'other' ? { vi: 'Khác', en: 'Other' } : value[0]!.toUpperCase() + value.slice(1),
      })),
      admin: { condition: (_, sibling) => sibling?.kind === 'social' },
    },
    {
      name: 'group',
      type: 'select',
      label: { vi: 'Nhóm kênh (KH 03-KH/BCĐTW)', en: 'Channel group (plan 03-KH/BCĐTW)' },
      options: CHANNEL_GROUPS.map((value) => ({ value, label: GROUP_LABELS[value] })),
    },
    {
      name: 'url',
      type: 'text',
      label: { vi: 'Địa chỉ (URL)', en: 'URL' },
      validate: (value: unknown, { req }: { req: Parameters<typeof toValidation>[1] }) =>
        toValidation(checkHttpUrl(value), req),
    },
    { name: 'unit', type: 'relationship', relationTo: SLUGS.units, label: { vi: 'Đơn vị quản lý', en: 'Owner unit' } },
    {
      name: 'isHome',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: { vi: 'Kênh chính (cổng do hệ thống này xuất bản)', en: 'Home channel (the portal this CMS publishes)' },
      admin: {
        description: {
          vi: 'Chỉ một kênh là kênh chính; chọn kênh này sẽ bỏ chọn kênh chính cũ.',
          en: 'Exactly one channel is the home channel; marking this one unmarks the previous one.',
        },
      },
    },
    { name: 'active', type: 'checkbox', defaultValue: true, label: { vi: 'Đang sử dụng', en: 'Active' } },
  ],
}
