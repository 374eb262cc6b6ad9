import type { Field } from 'payload'
import { SLUGS } from '../../domain/slugs'
import { normalizePublicationDay } from '../counting/hooks/normalizePublicationDay'
import { validateAssignee } from './validateAssignee'

/**
 * Planning fields of a content item (issue #22): a planned day and an assignee, set while the
 * item is a draft. "Planned" is not "scheduled to publish": nothing goes out on the planned day by
 * itself; a draft still unpublished after it is shown as slipped.
 */
export const plannedFields: Field[] = [
  {
    name: 'plannedDate',
    type: 'date',
    index: true,
    label: { vi: 'Ngày dự kiến đăng', en: 'Planned date' },
    admin: {
      position: 'sidebar',
      date: { pickerAppearance: 'dayOnly', displayFormat: 'd/M/yyyy' },
      description: {
        vi: 'Kế hoạch đăng (không tự xuất bản). Quá ngày mà chưa đăng thì bị coi là trễ.',
        en: 'When the item should go out (nothing is published by itself). Unpublished after it: slipped.',
      },
    },
    // A bare YYYY-MM-DD is that day in the plan's time zone, like a publication day.
    hooks: { beforeValidate: [normalizePublicationDay] },
  },
  {
    name: 'assignee',
    type: 'relationship',
    relationTo: SLUGS.users,
    index: true,
    label: { vi: 'Người thực hiện', en: 'Assignee' },
    admin: { position: 'sidebar', description: { vi: 'Một người của đơn vị.', en: 'A user of the unit.' } },
    validate: validateAssignee as never,
  },
  {
    // Planned day, slipped or not, and a warning when the day lies outside a tagged task's plan.
    name: 'plannedStatus',
    type: 'ui',
    label: { vi: 'Kế hoạch đăng', en: 'Planned' },
    admin: { position: 'sidebar', components: { Field: '/plugin/calendar/admin/PlannedItemField#PlannedItemField' } },
  },
]
