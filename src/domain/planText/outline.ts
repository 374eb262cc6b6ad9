/**
 * The numbered outline of a plan ("III. … 1. … a) … - …") as a tree, and what lives in it:
 * task groups and tasks (sections about nhiệm vụ/giải pháp), content themes (nội dung), and
 * objectives (mục tiêu). Lead/coordinating units and timeframes are inherited down the tree:
 * a group's "- Đơn vị thực hiện: …" fields or its "Bộ X chủ trì, phối hợp với Y:" line apply to
 * every task under it unless the task says otherwise.
 */
import { detectField, type FieldKind, type Marker, type Paragraph } from './lines'
import { cleanInline, foldVi, isAllCaps } from './normalize'

export interface OutlineNode {
  kind: 'root' | 'heading' | 'marked' | 'para' | 'field'
  marker: Marker | null
  /** The node's own label in its code: "III", "1", "a", or the bullet's position "2". */
  label: string
  text: string
  line: number
  children: OutlineNode[]
  parent: OutlineNode | null
  field?: { field: FieldKind; value: string }
}

function node(kind: OutlineNode['kind'], text: string, line: number, parent: OutlineNode | null): OutlineNode {
  return { kind, marker: null, label: '', text, line, children: [], parent }
}

export function buildOutline(paragraphs: readonly Paragraph[]): OutlineNode {
  const root = node('root', '', 0, null)
  let stack: OutlineNode[] = [root]
  // Bullets are numbered by position among their same-kind siblings; counting as we go keeps a
  // list of thousands of bullets linear.
  const siblingCounts = new Map<OutlineNode, Map<string, number>>()
  const top = (): OutlineNode => stack[stack.length - 1] ?? root
  for (const p of paragraphs) {
    const field = detectField(p.text)
    if (field) {
      const n = node('field', p.text, p.line, top())
      n.field = field
      top().children.push(n)
      continue
    }
    const marker = p.marker
    if (marker) {
      while (stack.length > 1) {
        const t = top()
        if (t.kind === 'marked' && t.marker && t.marker.rank >= marker.rank) stack.pop()
        else break
      }
      const parent = top()
      const n = node('marked', p.text.slice(marker.length).trim(), p.line, parent)
      n.marker = marker
      const counts = siblingCounts.get(parent) ?? new Map<string, number>()
      siblingCounts.set(parent, counts)
      const sameKind = (counts.get(marker.kind) ?? 0) + 1
      counts.set(marker.kind, sameKind)
      n.label = marker.label || String(sameKind)
      parent.children.push(n)
      stack.push(n)
      continue
    }
    if (isAllCaps(p.text) && p.text.length <= 200) {
      const n = node('heading', p.text, p.line, root)
      root.children.push(n)
      stack = [root, n]
      continue
    }
    top().children.push(node('para', p.text, p.line, top()))
  }
  liftGroupFields(root)
  return root
}

/**
 * "- Đơn vị thực hiện: …" written once after a group's last sub-item belongs to the whole group
 * (that is how the provincial plans write it); fields under several sub-items stay with each.
 */
function liftGroupFields(n: OutlineNode): void {
  const marked = n.children.filter((c) => c.kind === 'marked')
  const withFields = marked.filter((c) => c.children.some((g) => g.kind === 'field'))
  const last = marked[marked.length - 1]
  if (marked.length >= 2 && withFields.length === 1 && withFields[0] === last && last) {
    const moved = last.children.filter((g) => g.kind === 'field')
    last.children = last.children.filter((g) => g.kind !== 'field')
    for (const m of moved) m.parent = n
    n.children.push(...moved)
  }
  for (const c of n.children) liftGroupFields(c)
}

export function markedChildren(n: OutlineNode): OutlineNode[] {
  return n.children.filter((c) => c.kind === 'marked')
}

/**
 * "III.1.a.2": labels from the section down; articles ("Điều 1") are not part of codes. A sub-item
 * that repeats its parent's number ("1.1." under "1.") adds only its own last part: "II.1.1".
 */
export function codeOf(n: OutlineNode): string {
  const labels: string[] = []
  for (let c: OutlineNode | null = n; c; c = c.parent) {
    if (c.kind === 'marked' && c.marker && c.marker.kind !== 'article') labels.unshift(c.label)
  }
  return labels
    .map((l, i) => (i > 0 && l.startsWith(`${labels[i - 1]}.`) ? l.slice((labels[i - 1] ?? '').length + 1) : l))
    .join('.')
}

export type SectionKind = 'tasks' | 'themes' | 'objectives' | 'organization' | 'other'

export function classifySection(title: string): SectionKind {
  const f = foldVi(title).replace(/\s+/g, ' ')
  if (/to chuc thuc hien|trach nhiem/.test(f)) return 'organization'
  if (/muc tieu/.test(f)) return 'objectives'
  // "NỘI DUNG THỰC HIỆN" lists the work to do; "NỘI DUNG TUYÊN TRUYỀN" lists themes.
  if (/noi dung (?:thuc hien|nhiem vu|cong viec|trien khai|hoat dong)/.test(f)) return 'tasks'
  if (/nhiem vu|giai phap|ke hoach,? thuc hien|hoat dong|hinh thuc|kenh truyen thong/.test(f)) return 'tasks'
  if (/noi dung/.test(f)) return 'themes'
  return 'other'
}

export function sections(root: OutlineNode): OutlineNode[] {
  const out: OutlineNode[] = []
  const walk = (n: OutlineNode): void => {
    for (const c of n.children) {
      if (c.marker?.kind === 'roman') out.push(c)
      else if (c.kind === 'marked' || c.kind === 'heading') walk(c)
    }
  }
  walk(root)
  return out
}

/** A node's text with its unmarked paragraphs; with `deep`, also everything nested under it. */
export function fullText(n: OutlineNode, deep = false): string {
  const parts = [n.text]
  for (const c of n.children) {
    if (c.kind === 'para') parts.push(c.text)
    else if (deep && c.kind === 'marked')
      parts.push(`${c.marker?.kind === 'bullet' ? '- ' : c.marker?.kind === 'plus' ? '+ ' : ''}${fullText(c, true)}`)
  }
  return parts.filter((p) => p.trim() !== '').join('\n')
}

export interface Assignment {
  lead: string | null
  coordinating: string | null
}

const UNIT_START =
  /^(cac\s+)?(bo|so(?!\s+(?:luong|lieu))|ban(?!\s+hanh)|uy\s+ban|ubnd|trung\s+tam|phong(?!\s+(?:chong|ngua))|vu|cuc|van\s+phong|co\s+quan|don\s+vi|doanh\s+nghiep|hoi(?!\s+(?:nghi|thao|thi|cho))|dai\s+(?:truyen|phat|tieng)|bao\s+dien\s+tu|tap\s+chi|vien|truong|thu\s+truong|chu\s+tich|giam\s+doc|ngan\s+hang|tong\s+cong\s+ty|mat\s+tran|tinh\s+doan|thanh\s+doan|cong\s+an|bo\s+chi\s+huy)(?![a-z])/

/**
 * "Bộ KH&CN chủ trì, phối hợp với các bộ, ngành …:" → lead and coordinating units;
 * "Các bộ, cơ quan ngang bộ, …:" (a list ending in a colon) → lead only.
 * With `requireColon` false the text may go on after "chủ trì" (a task that names its lead).
 */
export function parseAssignment(text: string, requireColon: boolean): Assignment | null {
  const t = cleanInline(text)
  const endsWithColon = /:\s*$/.test(t)
  if (requireColon && !endsWithColon) return null
  const f = foldVi(t)
  if (!UNIT_START.test(f)) return null
  const chuTri = /\s(chu\s+tri)(?![a-z])/.exec(f)
  if (chuTri && chuTri.index <= 160) {
    const lead = t.slice(0, chuTri.index).replace(/[\s,]+$/, '')
    let coordinating: string | null = null
    const after = chuTri.index + chuTri[0].length
    const ph = /^[\s,]*(?:va\s+)?phoi\s+hop\s+(?:chat\s+che\s+)?voi\s+/.exec(f.slice(after))
    if (ph) {
      const start = after + ph[0].length
      const endRe = /\s(?:de|nham|to\s+chuc|thuc\s+hien|trien\s+khai|xay\s+dung)\s|:\s*$/g
      endRe.lastIndex = start
      const end = endRe.exec(f)?.index ?? t.length
      coordinating = t.slice(start, end).replace(/[\s,:;]+$/, '') || null
    }
    return { lead: lead || null, coordinating }
  }
  if (!endsWithColon || t.length > 400) return null
  const lead = t
    .replace(/:\s*$/, '')
    .replace(/\s+(có trách nhiệm|co trach nhiem|thực hiện|thuc hien)(\s+các nhiệm vụ|\s+cac nhiem vu)?\s*$/i, '')
    .trim()
  return { lead: lead || null, coordinating: null }
}

/** "trên 4 kênh chính", "gồm 3 nhóm nhiệm vụ": how many numbered items a section announces. */
export function announcedCount(text: string): { count: number; noun: string } | null {
  const words: Record<string, number> = {
    hai: 2,
    ba: 3,
    bon: 4,
    tu: 4,
    nam: 5,
    sau: 6,
    bay: 7,
    tam: 8,
    chin: 9,
    muoi: 10,
  }
  const m =
    /(?:tren|gom|voi|co|theo|thanh)\s+(\d{1,2}|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s+(kenh|nhom|noi\s+dung|nhiem\s+vu|giai\s+phap|linh\s+vuc|khoi|chuyen\s+de|hinh\s+thuc|muc\s+tieu)(?![a-z])/.exec(
      foldVi(text),
    )
  if (!m || m[1] === undefined || m[2] === undefined) return null
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : words[m[1]]
  const nounEnd = m.index + m[0].length
  return n === undefined || n < 2 ? null : { count: n, noun: text.slice(nounEnd - m[2].length, nounEnd) }
}

/** Year an objective is for: "a) Năm 2025", "b) Đến năm 2027", "c) Năm 2027, xây dựng …". */
export function yearOfHeading(text: string): number | null {
  const f = foldVi(text.trim())
  const m = /^(?:den\s+|trong\s+|tu\s+)?nam\s+(\d{4})(?!\d)/.exec(f)
  if (m) return Number(m[1])
  // "Mục tiêu chung đến năm 2025: 100% …": the year in the lead-in before the colon.
  const lead = /^([^:]{0,120}):/.exec(f)?.[1] ?? ''
  const y = /(?:^|\s)(?:den|toi|trong|vao)\s+nam\s+(\d{4})(?!\d)/.exec(lead)
  return y ? Number(y[1]) : null
}
