import { describe, expect, it } from 'vitest'
import {
  changedReviewedFields,
  isWorkflowOnlySave,
  refusedPublishNotice,
  saveKeepsReviewState,
  scheduledPublishVerdict,
  togglesTrash,
} from '../../src/domain/review'

/** Issue 20, finding 1: which saves keep an approval, and when an approved scheduled publish may still run. */

const stored = {
  id: 7,
  title: 'Bài đã duyệt',
  summary: 'Sapo',
  unit: 3,
  tasks: [11, 12],
  publications: [{ id: 'p1', channel: 2, url: 'https://a.vn/x', publishedAt: '2025-08-01T05:00:00.000Z' }],
  body: { root: { children: [{ text: 'a' }] } },
  deletedAt: null,
  _status: 'draft',
  review: { state: 'approved' },
}

describe('changedReviewedFields', () => {
  it('names the reviewed fields a request changes, ignoring the workflow fields', () => {
    expect(
      changedReviewedFields({ deletedAt: '2025-08-02T00:00:00Z', title: 'Khác', summary: 'Sapo' }, stored),
    ).toEqual(['title'])
    expect(changedReviewedFields({ _status: 'published', review: { state: 'draft' }, updatedAt: 'x' }, stored)).toEqual(
      [],
    )
  })

  it('compares relationships by id, dates by instant, null and missing alike', () => {
    expect(
      changedReviewedFields(
        {
          unit: { relationTo: 'units', value: 3 },
          tasks: [{ id: 11, title: 'T' }, '12'],
          publications: [
            { id: 'p1', channel: { id: 2 }, url: 'https://a.vn/x', publishedAt: new Date('2025-08-01T05:00:00Z') },
          ],
          coverImage: null,
        },
        stored,
      ),
    ).toEqual([])
    expect(
      changedReviewedFields({ unit: 4, tasks: [11], body: { root: { children: [{ text: 'b' }] } } }, stored),
    ).toEqual(['unit', 'tasks', 'body'])
  })

  it('counts anything unsure as a change (a new row, an empty string for a missing value)', () => {
    expect(changedReviewedFields({ publications: [{ channel: 2, url: 'https://a.vn/x' }] }, stored)).toEqual([
      'publications',
    ])
    expect(changedReviewedFields({ language: '' }, stored)).toEqual(['language'])
  })
})

describe('saveKeepsReviewState', () => {
  it('keeps the state for a bare publish, trash or restore only', () => {
    expect(saveKeepsReviewState({ publishing: true, trashToggled: false, changedFields: [] })).toBe(true)
    expect(saveKeepsReviewState({ publishing: false, trashToggled: true, changedFields: [] })).toBe(true)
    expect(saveKeepsReviewState({ publishing: false, trashToggled: true, changedFields: ['title'] })).toBe(false)
    expect(saveKeepsReviewState({ publishing: true, trashToggled: false, changedFields: ['summary'] })).toBe(false)
    expect(saveKeepsReviewState({ publishing: false, trashToggled: false, changedFields: [] })).toBe(false)
  })

  it('togglesTrash: only a change of trashed-ness', () => {
    expect(togglesTrash({ deletedAt: '2025-08-02T00:00:00Z' }, stored)).toBe(true)
    expect(togglesTrash({ deletedAt: null }, { ...stored, deletedAt: '2025-08-02T00:00:00Z' })).toBe(true)
    expect(togglesTrash({ deletedAt: null }, stored)).toBe(false)
    expect(togglesTrash({ title: 'x' }, stored)).toBe(false)
  })
})

describe('isWorkflowOnlySave', () => {
  const trashed = { ...stored, deletedAt: '2025-08-02T00:00:00.000Z' }

  it('a bare trash, restore or publish is not an edit', () => {
    expect(isWorkflowOnlySave({ deletedAt: '2025-08-02T00:00:00.000Z' }, stored)).toBe(true)
    expect(isWorkflowOnlySave({ deletedAt: null }, trashed)).toBe(true)
    expect(isWorkflowOnlySave({ _status: 'published' }, stored)).toBe(true)
    // What the admin sends: the whole document, unchanged, with the trash stamp.
    expect(isWorkflowOnlySave({ ...stored, deletedAt: '2025-08-02T00:00:00.000Z', updatedAt: 'x' }, stored)).toBe(true)
  })

  it('a reviewed field sent along makes it an edit (issue 20)', () => {
    expect(isWorkflowOnlySave({ deletedAt: '2025-08-02T00:00:00.000Z', title: 'Khác' }, stored)).toBe(false)
    expect(isWorkflowOnlySave({ deletedAt: null, tasks: [11] }, trashed)).toBe(false)
    expect(isWorkflowOnlySave({ _status: 'published', summary: 'Sapo mới' }, stored)).toBe(false)
  })

  it('a save that neither publishes nor moves the trash is an edit, even when it changes nothing', () => {
    expect(isWorkflowOnlySave({ title: 'Bài đã duyệt' }, stored)).toBe(false)
    // Trashing what is already in the trash moves nothing.
    expect(isWorkflowOnlySave({ deletedAt: '2025-08-03T00:00:00.000Z' }, trashed)).toBe(false)
    expect(isWorkflowOnlySave({ deletedAt: null }, stored)).toBe(false)
    expect(isWorkflowOnlySave({ _status: 'draft' }, stored)).toBe(false)
  })

  it('without a stored item (a create) only a publish of nothing reviewed keeps the state', () => {
    expect(isWorkflowOnlySave({ _status: 'published' }, undefined)).toBe(true)
    expect(isWorkflowOnlySave({ _status: 'published', title: 'Mới' }, null)).toBe(false)
  })
})

describe('scheduledPublishVerdict', () => {
  const at = '2025-08-01T02:00:00.000Z'
  it('publishes only the approved version of a still approved item', () => {
    expect(
      scheduledPublishVerdict({
        state: 'approved',
        approvedUpdatedAt: at,
        currentUpdatedAt: '2025-08-01T09:00:00+07:00',
      }),
    ).toEqual({
      ok: true,
    })
    expect(
      scheduledPublishVerdict({
        state: 'approved',
        approvedUpdatedAt: at,
        currentUpdatedAt: '2025-08-01T02:00:01.000Z',
      }),
    ).toEqual({
      ok: false,
      reason: 'changed',
    })
    expect(scheduledPublishVerdict({ state: 'draft', approvedUpdatedAt: at, currentUpdatedAt: at })).toEqual({
      ok: false,
      reason: 'not-approved',
    })
    expect(scheduledPublishVerdict({ state: 'approved', approvedUpdatedAt: at, currentUpdatedAt: null }).ok).toBe(false)
  })

  it('tells the approver why, in Vietnamese', () => {
    const n = refusedPublishNotice({ title: 'Bài A', kind: 'tin bài' }, 'changed')
    expect(n.title).toBe('Không xuất bản theo lịch: Bài A')
    expect(n.body).toMatch(/đã bị sửa sau khi được duyệt/)
  })
})
