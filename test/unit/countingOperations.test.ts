import { describe, expect, it } from 'vitest'
import { isWriteOperation, writesOneItem } from '../../src/plugin/counting/engine/operations'

describe('counted operations', () => {
  it('counts writes only', () => {
    for (const op of ['create', 'update', 'updateByID', 'delete', 'deleteByID', 'restoreVersion'])
      expect(isWriteOperation(op)).toBe(true)
    for (const op of ['read', 'find', 'findByID', 'count', 'login', 'refresh', ''])
      expect(isWriteOperation(op)).toBe(false)
  })

  it('tells a write of one item from a bulk one by its id (beforeOperation names both alike)', () => {
    expect(writesOneItem('create', {})).toBe(true)
    expect(writesOneItem('restoreVersion', { id: 'v1' })).toBe(true)
    expect(writesOneItem('update', { id: 7 })).toBe(true)
    expect(writesOneItem('delete', { id: '7' })).toBe(true)
    expect(writesOneItem('update', { id: 0 })).toBe(true)
    // Bulk: a where clause, no id.
    expect(writesOneItem('update', {})).toBe(false)
    expect(writesOneItem('delete', { id: undefined })).toBe(false)
    expect(writesOneItem('delete', { id: null })).toBe(false)
    expect(writesOneItem('find', { id: 7 })).toBe(false)
  })
})
