import { ValidationError, type CollectionBeforeOperationHook } from 'payload'
import { unparsableDatePaths, type FieldShape } from '../src/domain/queryShape'
import { problemText } from '../src/plugin/shared/validation'

/**
 * Draft saves and autosaves skip Payload's field validation, so a date that does not parse
 * (`publications[0].publishedAt: "garbage"`) reached SQL and failed as a 500: answer 400 on it.
 */
export const refuseUnparsableDates: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const paths = unparsableDatePaths(collection.fields as unknown as FieldShape[], (args as { data?: unknown }).data)
  if (paths.length === 0) return args
  const message = problemText({ key: 'dateUnparsable' }, req)
  const errors = paths.map((path) => ({ path, message }))
  throw new ValidationError({ collection: collection.slug, errors, req }, req.t)
}
