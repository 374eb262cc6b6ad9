import type { CollectionBeforeOperationHook, Where } from 'payload'
import { foldSearchWhere } from '../../../domain/searchFold'

/**
 * "ket noi" must find "kết nối": the task list searches the folded `searchText`, and the task
 * picker searches the label it shows (`pickerLabel`, the collection's title), which is moved
 * onto `searchText`; both are folded before the query runs.
 */
export const foldTaskSearch: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'read' && operation !== 'count') return args
  const where = (args as { where?: Where }).where
  if (where) (args as { where?: Where }).where = foldSearchWhere(where, 'searchText', ['pickerLabel']) as Where
  return args
}
