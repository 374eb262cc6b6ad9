/**
 * Tasks, groups, themes and objectives from the appendix table or the outline tree.
 */
import { resolveUnits } from './catalog'
import { isoDate, parseDate } from './dates'
import type { FieldKind } from './lines'
import { cleanInline, cleanText } from './normalize'
import { codeOf, fullText, parseAssignment, yearOfHeading, type OutlineNode } from './outline'
import type { ParsedTable } from './table'
import { contentTargets, deliverableTargets, formatMentions, indicatorTargets } from './targets'
import { inlineTimeframe, parseTimeframe } from './timeframe'
import type {
  CatalogEntry,
  CatalogRef,
  ObjectiveDraft,
  ParseWarning,
  TargetDraft,
  TaskDraft,
  TaskGroupDraft,
  ThemeDraft,
  Timeframe,
} from './types'

export interface TaskContext {
  units?: readonly CatalogEntry[]
  channels?: readonly CatalogEntry[]
  referenceYear: number | null
  warn: (w: ParseWarning) => void
}

/** The last day a timeframe allows, for a content target's window. */
export function deadlineOf(tf: Timeframe | null): string | null {
  if (!tf) return null
  if (tf.kind === 'deadline') return tf.date
  if (tf.kind === 'byYear') return isoDate(tf.year, 12, 31)
  return null
}

function yearOf(tf: Timeframe | null): number | null {
  if (!tf) return null
  if (tf.kind === 'byYear') return tf.year
  if (tf.kind === 'deadline') return Number(tf.date.slice(0, 4))
  return null
}

function targetsFor(content: string, result: string | null, tf: Timeframe | null, ctx: TaskContext): TargetDraft[] {
  const tctx = {
    channels: ctx.channels,
    deadline: deadlineOf(tf),
    from: tf?.kind === 'deadline' ? (tf.from ?? null) : null,
    year: yearOf(tf),
  }
  const fromResult = result ? contentTargets(result, tctx) : []
  const quantities = fromResult.length > 0 ? fromResult : contentTargets(content, tctx)
  const indicators = [...(result ? indicatorTargets(result, tctx.year) : []), ...indicatorTargets(content, tctx.year)]
  const deliverables = result ? deliverableTargets(result, deadlineOf(tf)) : []
  return [...quantities, ...indicators, ...deliverables]
}

function timeframeFromText(text: string, line: number, ctx: TaskContext): Timeframe | null {
  const tf = parseTimeframe(text, ctx.referenceYear)
  // A date problem matters only when nothing else in the text gave a timeframe.
  const date = tf ? null : parseDate(text, ctx.referenceYear)
  if (date?.problem === 'invalid') {
    ctx.warn({ kind: 'invalidDate', message: `"${cleanInline(text)}" is not a real date`, line, source: text })
  } else if (date?.problem === 'noYear') {
    ctx.warn({
      kind: 'dateWithoutYear',
      message: `"${cleanInline(text)}" has no year and no reference year is known`,
      line,
      source: text,
    })
  } else if (!tf) {
    ctx.warn({
      kind: 'unknownTimeframe',
      message: `timeframe "${cleanInline(text)}" was not understood`,
      line,
      source: text,
    })
  }
  return tf
}

// ---------------------------------------------------------------------------------------------
// Appendix tables

export function tasksFromTables(
  tables: readonly ParsedTable[],
  ctx: TaskContext,
): { tasks: TaskDraft[]; groups: TaskGroupDraft[] } {
  const tasks: TaskDraft[] = []
  const groups: TaskGroupDraft[] = []
  for (const table of tables) {
    let lastNumber = 0
    const inferred: string[] = []
    let group: TaskGroupDraft | null = null
    for (const row of table.rows) {
      const content = row.cells.content ?? ''
      if (/^[IVX]+$/.test(row.stt) && !row.cells.timeframe && !row.cells.result) {
        group = {
          code: row.stt,
          title: cleanInline(content),
          leadUnits: [],
          coordinatingUnits: [],
          timeframe: null,
          taskCodes: [],
          line: row.line,
        }
        groups.push(group)
        continue
      }
      let code: string
      let codeInferred = false
      if (/^\d+$/.test(row.stt)) {
        lastNumber = Number(row.stt)
        code = row.stt
      } else if (row.stt !== '') code = row.stt
      else {
        lastNumber += 1
        code = String(lastNumber)
        codeInferred = true
        inferred.push(code)
      }
      if (group) code = /^\d+$/.test(code) ? `${group.code}.${code}` : code
      const timeframeText = row.cells.timeframe ?? null
      const timeframe = timeframeText ? timeframeFromText(timeframeText, row.line, ctx) : null
      const result = row.cells.result ?? null
      tasks.push({
        code,
        codeInferred,
        groupCode: group?.code ?? null,
        content: cleanText(content),
        leadUnits: resolveUnits(row.cells.lead ?? '', ctx.units),
        coordinatingUnits: resolveUnits(row.cells.coordinating ?? '', ctx.units),
        timeframe,
        timeframeText: timeframeText ? cleanInline(timeframeText).replace(/[.;,]+$/, '') : null,
        expectedResult: result ? cleanText(result) : null,
        targets: targetsFor(content, result, timeframe, ctx),
        formats: formatMentions(`${content}\n${result ?? ''}`),
        line: row.line,
        origin: 'table',
      })
      group?.taskCodes.push(code)
    }
    if (inferred.length > 0) {
      const range = `${inferred[0]}${inferred.length > 1 ? `–${inferred[inferred.length - 1]}` : ''}`
      ctx.warn({
        kind: 'rowWithoutNumber',
        message: `${inferred.length} table row(s) have no STT; numbered ${range} in order`,
        line: table.headerLine,
        source: null,
        vars: { rows: inferred.length, range },
      })
    }
    for (const n of table.notes) ctx.warn({ kind: 'rowShape', message: n.message, line: n.line, source: n.source })
  }
  return { tasks, groups }
}

// ---------------------------------------------------------------------------------------------
// Outline

interface Inherited {
  lead: CatalogRef[]
  coordinating: CatalogRef[]
  timeframe: Timeframe | null
  timeframeText: string | null
  result: string | null
}

/** Sub-items that are tasks of their own; "+" lines are details of the item above them. */
function taskChildren(n: OutlineNode): OutlineNode[] {
  return n.children.filter((c) => c.kind === 'marked' && c.marker?.kind !== 'plus')
}

function fieldsOf(n: OutlineNode): Array<{ field: FieldKind; value: string; line: number }> {
  return n.children.flatMap((c) => (c.kind === 'field' && c.field ? [{ ...c.field, line: c.line }] : []))
}

/** What a node itself says about who does its work and when, layered over what it inherits. */
function contextOf(n: OutlineNode, inh: Inherited, ctx: TaskContext, isTask: boolean): Inherited {
  const out: Inherited = { ...inh }
  const firstChild = n.children.findIndex((c) => c.kind === 'marked')
  // A short group heading that is just a unit's name ("2. Sở Công Thương") assigns its sub-items.
  const bareUnit = !isTask && !/[.;:]/.test(n.text) && n.text.split(/\s+/).length <= 10
  const assignments = [
    parseAssignment(bareUnit ? `${n.text}:` : n.text, !isTask),
    ...n.children
      .slice(0, firstChild < 0 ? n.children.length : firstChild)
      .filter((c) => c.kind === 'para')
      .map((c) => parseAssignment(c.text, true)),
  ]
  for (const a of assignments) {
    if (!a) continue
    if (a.lead) out.lead = resolveUnits(a.lead, ctx.units)
    if (a.coordinating) out.coordinating = resolveUnits(a.coordinating, ctx.units)
  }
  for (const f of fieldsOf(n)) {
    if (f.field === 'lead') out.lead = resolveUnits(f.value, ctx.units)
    else if (f.field === 'coordinating') out.coordinating = resolveUnits(f.value, ctx.units)
    else if (f.field === 'result') out.result = f.value
    else {
      out.timeframe = timeframeFromText(f.value, f.line, ctx)
      out.timeframeText = cleanInline(f.value).replace(/[.;,]+$/, '')
    }
  }
  return out
}

function taskFromNode(n: OutlineNode, inh: Inherited, groupCode: string | null, ctx: TaskContext): TaskDraft {
  const own = contextOf(n, inh, ctx, true)
  let content = fullText(n, true)
  let { timeframe, timeframeText } = own
  const ownField = fieldsOf(n).some((f) => f.field === 'timeframe')
  const inline = inlineTimeframe(content, ctx.referenceYear)
  if (inline) {
    content = inline.rest
    if (!ownField) {
      timeframe = inline.timeframe
      timeframeText = inline.phrase.replace(/[.;]$/, '')
    }
  }
  return {
    code: codeOf(n),
    codeInferred: n.marker?.kind === 'bullet',
    groupCode,
    content: cleanText(content),
    leadUnits: own.lead,
    coordinatingUnits: own.coordinating,
    timeframe,
    timeframeText,
    expectedResult: own.result ? cleanText(own.result) : null,
    targets: targetsFor(content, own.result, timeframe, ctx),
    formats: formatMentions(content),
    line: n.line,
    origin: 'outline',
  }
}

export function tasksFromOutline(
  taskSections: readonly OutlineNode[],
  ctx: TaskContext,
): { tasks: TaskDraft[]; groups: TaskGroupDraft[] } {
  const tasks: TaskDraft[] = []
  const groups: TaskGroupDraft[] = []
  const empty: Inherited = { lead: [], coordinating: [], timeframe: null, timeframeText: null, result: null }
  const visit = (n: OutlineNode, inh: Inherited, groupCode: string | null): void => {
    for (const c of taskChildren(n)) {
      if (taskChildren(c).length === 0) {
        tasks.push(taskFromNode(c, inh, groupCode, ctx))
        continue
      }
      const g = contextOf(c, inh, ctx, false)
      const group: TaskGroupDraft = {
        code: codeOf(c),
        title: cleanInline(c.text).replace(/:$/, ''),
        leadUnits: g.lead,
        coordinatingUnits: g.coordinating,
        timeframe: g.timeframe,
        taskCodes: [],
        line: c.line,
      }
      groups.push(group)
      const before = tasks.length
      visit(c, g, group.code)
      group.taskCodes = tasks.slice(before).map((t) => t.code)
    }
  }
  for (const s of taskSections) visit(s, contextOf(s, empty, ctx, false), null)
  return { tasks, groups }
}

export function themesFrom(themeSections: readonly OutlineNode[]): ThemeDraft[] {
  return themeSections.flatMap((s) =>
    taskChildren(s).map((c) => ({ code: codeOf(c), text: cleanText(fullText(c, true)), line: c.line })),
  )
}

export function objectivesFrom(objectiveSections: readonly OutlineNode[], ctx: TaskContext): ObjectiveDraft[] {
  const out: ObjectiveDraft[] = []
  const visit = (n: OutlineNode, year: number | null): void => {
    for (const c of taskChildren(n)) {
      const y = yearOfHeading(c.text) ?? year
      if (taskChildren(c).length > 0) {
        visit(c, y)
        continue
      }
      const text = cleanText(fullText(c, true))
      const deadline = y === null ? null : isoDate(y, 12, 31)
      out.push({
        code: codeOf(c),
        year: y,
        text,
        targets: [
          ...indicatorTargets(text, y),
          ...contentTargets(text, { channels: ctx.channels, deadline, from: null, year: y }),
        ],
        line: c.line,
      })
    }
  }
  for (const s of objectiveSections) visit(s, yearOfHeading(s.text))
  return out
}
