import * as migration_20261122_203230_initial from './20261122_203230_initial'
import * as migration_20261122_204659_content from './20261122_204659_content'
import * as migration_20261122_205944_counting from './20261122_205944_counting'
import * as migration_20261122_224941_share_links from './20261122_224941_share_links'
import * as migration_20261122_233156_feeds_first_published_index from './20261122_233156_feeds_first_published_index'
import * as migration_20261122_234814_scheduled_work from './20261122_234814_scheduled_work'
import * as migration_20261123_000453_editorial_review from './20261123_000453_editorial_review'
import * as migration_20261123_013605_object_storage_fields from './20261123_013605_object_storage_fields'
import * as migration_20261123_020513_report_versions from './20261123_020513_report_versions'
import * as migration_20261202_122744_report_document from './20261202_122744_report_document'
import * as migration_20261202_131917_api_keys_task_picker from './20261202_131917_api_keys_task_picker'
import * as migration_20261202_152700_plan_calendar from './20261202_152700_plan_calendar'
import * as migration_20261202_163414_report_mailed_to from './20261202_163414_report_mailed_to'
import * as migration_20261203_060525_plan_imports from './20261203_060525_plan_imports'

export const migrations = [
  {
    up: migration_20261122_203230_initial.up,
    down: migration_20261122_203230_initial.down,
    name: '20261122_203230_initial',
  },
  {
    up: migration_20261122_204659_content.up,
    down: migration_20261122_204659_content.down,
    name: '20261122_204659_content',
  },
  {
    up: migration_20261122_205944_counting.up,
    down: migration_20261122_205944_counting.down,
    name: '20261122_205944_counting',
  },
  {
    up: migration_20261122_224941_share_links.up,
    down: migration_20261122_224941_share_links.down,
    name: '20261122_224941_share_links',
  },
  {
    up: migration_20261122_233156_feeds_first_published_index.up,
    down: migration_20261122_233156_feeds_first_published_index.down,
    name: '20261122_233156_feeds_first_published_index',
  },
  {
    up: migration_20261122_234814_scheduled_work.up,
    down: migration_20261122_234814_scheduled_work.down,
    name: '20261122_234814_scheduled_work',
  },
  {
    up: migration_20261123_000453_editorial_review.up,
    down: migration_20261123_000453_editorial_review.down,
    name: '20261123_000453_editorial_review',
  },
  {
    up: migration_20261123_013605_object_storage_fields.up,
    down: migration_20261123_013605_object_storage_fields.down,
    name: '20261123_013605_object_storage_fields',
  },
  {
    up: migration_20261123_020513_report_versions.up,
    down: migration_20261123_020513_report_versions.down,
    name: '20261123_020513_report_versions',
  },
  {
    up: migration_20261202_122744_report_document.up,
    down: migration_20261202_122744_report_document.down,
    name: '20261202_122744_report_document',
  },
  {
    up: migration_20261202_131917_api_keys_task_picker.up,
    down: migration_20261202_131917_api_keys_task_picker.down,
    name: '20261202_131917_api_keys_task_picker',
  },
  {
    up: migration_20261202_152700_plan_calendar.up,
    down: migration_20261202_152700_plan_calendar.down,
    name: '20261202_152700_plan_calendar',
  },
  {
    up: migration_20261202_163414_report_mailed_to.up,
    down: migration_20261202_163414_report_mailed_to.down,
    name: '20261202_163414_report_mailed_to',
  },
  {
    up: migration_20261203_060525_plan_imports.up,
    down: migration_20261203_060525_plan_imports.down,
    name: '20261203_060525_plan_imports',
  },
]
