import { ValidationError, type CollectionBeforeOperationHook } from 'payload'
import { isDocumentId, malformedWherePaths, type FieldShape } from '../src/domain/queryShape'
import { problemText } from '../src/plugin/shared/validation'

/**
 * A document id that cannot be one (`GET /api/articles/abc`), a geo operator on a field that is
 * no point (`where[title][near]`), or an object where an operator takes a value
 * (`where[_status][equals][foo]`) reach SQL and fail there as a 500: answer 400 naming them.
 */
export const refuseMalformedQuery: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const { id, where } = args as { id?: unknown; where?: unknown }
  const idType = req.payload.collections[collection.slug as 'articles']?.customIDType ?? req.payload.db.defaultIDType
  const errors: Array<{ path: string; message: string }> = []
  if (id !== undefined && !isDocumentId(id, idType === 'number' ? 'number' : 'text'))
    errors.push({ path: 'id', message: problemText({ key: 'idInvalid', vars: { id: String(id).slice(0, 40) } }, req) })
  for (const path of malformedWherePaths(where, collection.fields as unknown as FieldShape[]))
    errors.push({ path, message: problemText({ key: 'whereOperatorInvalid', vars: { path } }, req) })
  if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors, req }, req.t)
  return args
}
