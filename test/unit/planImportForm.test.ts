// @vitest-environment happy-dom
/**
 * The review screen (PlanImportForm) in a DOM: paste, preview, resolve a name, edit, confirm. The
 * server is replaced at the fetch boundary by answers built with the real domain code (the
 * endpoints themselves are tested against a real Payload in test/int/planImport.test.ts); what is
 * checked here is what the reviewer sees and what the screen sends back.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { draftFromText, draftProblems, type ImportCatalog, type ImportDraft } from '../../src/domain/planImport'
import { PlanImportForm } from '../../src/plugin/import/admin/PlanImportForm'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const TEXT = readFileSync(path.resolve(import.meta.dirname, '../fixtures/planImport/du-lich-so.txt'), 'utf8')
// A second mention of the unknown unit, to see one choice resolve both.
const TWICE = TEXT.replace('\tVăn phòng Sở\t\t15/12/2026', '\tPhòng Truyền thông số\t\t15/12/2026')

const CATALOG: ImportCatalog = {
  units: [
    { id: 1, name: 'Phòng Quản lý du lịch', aliases: [] },
    { id: 2, name: 'Trung tâm Thông tin Du lịch', aliases: [] },
    { id: 3, name: 'Văn phòng Sở Văn hóa và Du lịch', aliases: ['Văn phòng Sở'] },
    { id: 4, name: 'Báo Hoa Mai', aliases: [] },
  ],
  channels: [
    { id: 11, name: 'Cổng Thông tin điện tử Sở Văn hóa và Du lịch', aliases: [], preferred: true },
    { id: 12, name: 'Fanpage Sở VHDL', aliases: [] },
    { id: 13, name: 'Kênh YouTube Sở VHDL', aliases: [] },
  ],
  plans: [{ id: 99, code: '15/KH-UBND' }],
}

interface Call {
  url: string
  body: unknown
}

let container: HTMLDivElement
let root: Root
let calls: Call[]
let commitAnswer: { status: number; body: unknown }

function previewOf(text: string) {
  const draft = draftFromText(text, CATALOG)
  const checked = draftProblems(draft, CATALOG)
  return {
    draft,
    problems: checked.ok ? [] : checked.problems,
    notes: draft.notes.map((n) => ({ ...n, message: String(n.message.key) })),
    catalog: CATALOG,
    existing: null,
    source: { fileName: null, text },
  }
}

beforeEach(async () => {
  calls = []
  commitAnswer = {
    status: 201,
    body: {
      status: 'created',
      plan: { id: 7, code: '45/KH-SVHDL' },
      created: { plans: 1, tasks: 4, targets: 4 },
      url: '/admin/collections/plans/7',
    },
  }
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input)
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body
    calls.push({ url, body })
    if (url.endsWith('/plan-import/preview')) {
      const text = (body as { text: string }).text
      return Response.json(previewOf(text))
    }
    return Response.json(commitAnswer.body, { status: commitAnswer.status })
  }) as typeof fetch
  container = document.createElement('div')
  document.body.appendChild(container)
  root = createRoot(container)
  await act(async () => root.render(createElement(PlanImportForm, { apiRoute: '/api', adminRoute: '/admin' })))
})

afterEach(async () => {
  await act(async () => root.unmount())
  container.remove()
})

const $ = <T extends Element>(selector: string, within: ParentNode = container): T => {
  const el = within.querySelector<T>(selector)
  if (!el) throw new Error(`nothing matches ${selector}`)
  return el
}
const button = (label: string): HTMLButtonElement => {
  const b = [...container.querySelectorAll('button')].find((x) => x.textContent?.trim() === label)
  if (!b) throw new Error(`no button "${label}"`)
  return b
}

/** Sets a form control's value the way a user's typing does (React listens to input/change events). */
async function setValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set
    setter?.call(el, value)
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }))
  })
}
const click = (el: HTMLElement) => act(async () => el.click())

async function analyse(text: string) {
  await setValue($('textarea[aria-label="Văn bản kế hoạch"]'), text)
  await click(button('Phân tích'))
}

describe('plan import review screen', () => {
  it('shows each task with its source line, the problems, and keeps confirm off until they are solved', async () => {
    await analyse(TEXT)
    expect(calls.map((c) => c.url)).toEqual(['/api/plan-import/preview'])
    const rows = container.querySelectorAll('[data-testid^="task-"]')
    expect(rows).toHaveLength(4)
    expect($('[data-line]', rows[0]!).textContent).toBe('dòng 33')
    expect($<HTMLAnchorElement>('[data-line]', rows[0]!).title).toMatch(/^1\t<p>- Giới thiệu bản đồ du lịch số/)
    expect($<HTMLTextAreaElement>('textarea[aria-label="Tên nhiệm vụ 1"]').value).toBe(
      'Giới thiệu bản đồ du lịch số và ứng dụng thuyết minh tự động tại các điểm đến',
    )
    expect($<HTMLInputElement>('input[aria-label="Số hiệu kế hoạch"]').value).toBe('45/KH-SVHDL')
    expect($('[data-testid="problems"]').textContent).toContain('Phòng Truyền thông số')
    expect($('[data-testid="notes"]').textContent).toContain('dòng 32')
    expect($<HTMLButtonElement>('[data-testid="confirm-import"]').disabled).toBe(true)
    // The unresolved unit is marked and offers the catalog.
    const select = $<HTMLSelectElement>('select[data-field="tasks[3].leadUnits[0]"]')
    expect(select.value).toBe('')
    expect([...select.options].map((o) => o.textContent)).toContain('Trung tâm Thông tin Du lịch')
  })

  it('one choice resolves every mention of the same name; the edits are what gets committed', async () => {
    await analyse(TWICE)
    expect(container.querySelectorAll('[data-testid="problems"] li')).toHaveLength(2)
    await setValue($('select[data-field="tasks[3].leadUnits[0]"]'), '2')
    expect(container.querySelector('[data-testid="problems"]')).toBeNull()
    expect($<HTMLSelectElement>('select[data-field="tasks[2].leadUnits[0]"]').value).toBe('2')

    await setValue($('textarea[aria-label="Tên nhiệm vụ 2"]'), 'Video lễ hội và làng nghề')
    await setValue($('input[aria-label="Số lượng"]', container.querySelectorAll('[data-testid^="task-"]')[1]!), '8')
    const confirm = $<HTMLButtonElement>('[data-testid="confirm-import"]')
    expect(confirm.disabled).toBe(false)
    await click(confirm)

    const commit = calls.find((c) => c.url === '/api/plan-import/commit')
    const sent = commit?.body as ImportDraft
    expect(sent.tasks.map((t) => t.leadUnits.map((u) => u.id))).toEqual([[1, 2], [2], [2], [2]])
    expect(sent.tasks[1]!.title).toBe('Video lễ hội và làng nghề')
    expect(sent.tasks[1]!.targets[0]).toMatchObject({ kind: 'content', quantity: 8 })
    const result = $('[data-testid="import-result"]')
    expect(result.textContent).toContain('Đã tạo kế hoạch 45/KH-SVHDL với 4 nhiệm vụ và 4 chỉ tiêu')
    expect($<HTMLAnchorElement>('a', result).getAttribute('href')).toBe('/admin/collections/plans/7')
  })

  it('blocks confirm again when an edit breaks a rule, and names the field', async () => {
    await analyse(TEXT)
    await setValue($('select[data-field="tasks[3].leadUnits[0]"]'), '2')
    await setValue($('input[aria-label="Số hiệu kế hoạch"]'), '')
    expect($('[data-testid="problems"]').textContent).toContain('Kế hoạch › Số hiệu / mã')
    expect($<HTMLButtonElement>('[data-testid="confirm-import"]').disabled).toBe(true)
  })

  it('shows what the server refused, and that an existing plan was left alone', async () => {
    await analyse(TEXT)
    await setValue($('select[data-field="tasks[3].leadUnits[0]"]'), '2')
    commitAnswer = {
      status: 400,
      body: { errors: [{ field: 'tasks[2].targets[0].label', message: 'tasks[2].targets[0].label: bắt buộc' }] },
    }
    await click($('[data-testid="confirm-import"]'))
    expect($('[data-testid="request-errors"]').textContent).toContain('Nhiệm vụ 3 (dòng 35) › Chỉ tiêu 1 › Mô tả')

    commitAnswer = {
      status: 200,
      body: {
        status: 'exists',
        plan: { id: 5, code: '45/KH-SVHDL' },
        created: { plans: 0, tasks: 0, targets: 0 },
        url: '/admin/collections/plans/5',
      },
    }
    await click($('[data-testid="confirm-import"]'))
    expect($('[data-testid="import-result"]').textContent).toContain('đã có trong hệ thống: không tạo thêm gì')
  })
})
