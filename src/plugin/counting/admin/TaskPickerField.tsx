'use client'
import {
  FieldDescription,
  FieldError,
  FieldLabel,
  ReactSelect,
  RenderCustomComponent,
  fieldBaseClass,
  useConfig,
  useField,
  useDocumentDrawer,
  useTranslation,
  withCondition,
} from '@payloadcms/ui'
import type { ReactSelectOption } from '@payloadcms/ui'
import type { DefaultDocumentIDType, RelationshipFieldClientProps, Validate, Where } from 'payload'
import { formatAdminURL } from 'payload/shared'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { toQueryString } from '../../../domain/queryString'
import { matchesFoldedSearch } from '../../../domain/searchFold'
import { normalizeForSearch } from '../../../domain/vietnamese'
import { TaskChipLabel, type ChipOpen } from './TaskChipLabel'

/** A task as an option: its id, its label, and the folded search the server found it for. */
type TaskOption = { value: number | string; label: string; foundFor: string; relationTo: string }

type Results = { search: string; options: TaskOption[]; page: number; hasNextPage: boolean }

const PAGE_SIZE = 20
const SEARCH_DELAY_MS = 300

/** The ids of a hasMany relationship's value, populated or not. */
function idsOf(value: unknown): Array<number | string> {
  if (!Array.isArray(value)) return []
  return value
    .map((v: unknown) => (v && typeof v === 'object' ? (v as { id?: number | string }).id : v))
    .filter((v): v is number | string => typeof v === 'number' || typeof v === 'string')
}

/**
 * The "Nhiệm vụ kế hoạch" picker of content items (issue 21 point 2). Payload's relationship
 * input asks the server for the tasks matching what was typed (the server folds accents, see
 * foldTaskSearch), then filters the answer again in the browser against the accented labels, so
 * "ket noi" hides every "kết nối" the server found, and that filter cannot be replaced. This is
 * the same select (Payload's ReactSelect, label, description, error, conditions, read-only) with
 * its own loading: the server's search, the field's sort (`pickerSort`, running plans first) and
 * `filterOptions`; options the server found for what is typed are kept, and older ones shown
 * while it answers are filtered with folding. The value stays the list of task ids.
 */
function TaskPicker(props: RelationshipFieldClientProps) {
  const { field, path: pathFromProps, readOnly: readOnlyFromProps, validate } = props
  const { admin, hasMany, label, localized, relationTo: relationToProp, required } = field
  const relationTo = Array.isArray(relationToProp) ? String(relationToProp[0]) : String(relationToProp)
  const { config, getEntityConfig } = useConfig()
  const { i18n, t } = useTranslation()
  const collection = getEntityConfig({ collectionSlug: relationTo })
  const titleField = collection?.admin?.useAsTitle || 'id'
  const sortOptions = admin?.sortOptions
  const sort =
    (typeof sortOptions === 'string' ? sortOptions : sortOptions?.[relationTo]) ?? collection?.defaultSort ?? 'id'

  // As Payload's relationship field validates: the form's options plus `required`. The client
  // `validate` already knows the rest of the field; its declared options type asks for all of it.
  const memoizedValidate = useCallback<Validate>(
    (value, options) =>
      typeof validate === 'function' ? validate(value as never, { ...options, required } as never) : true,
    [validate, required],
  )
  const {
    customComponents: { AfterInput, BeforeInput, Description, Error, Label } = {},
    disabled,
    filterOptions,
    path,
    setValue,
    showError,
    value,
  } = useField<unknown>({ potentiallyStalePath: pathFromProps, validate: memoizedValidate })
  const readOnly = Boolean(readOnlyFromProps || disabled)
  const relationFilter = filterOptions?.[relationTo]
  const ids = useMemo(() => idsOf(hasMany ? value : value == null ? [] : [value]), [hasMany, value])

  const [results, setResults] = useState<Results | null>(null)
  const [labels, setLabels] = useState<ReadonlyMap<number | string, string>>(new Map())
  const [input, setInput] = useState('')
  const [menuOpen, setMenuOpen] = useState(false)
  const [loading, setLoading] = useState(false)
  const [failed, setFailed] = useState(false)
  const request = useRef(0)
  const loadedOnce = useRef(false)

  const labelOf = useCallback(
    (doc: Record<string, unknown>): string => {
      const title = doc[titleField]
      return typeof title === 'string' && title ? title : `${t('general:untitled')} - ID: ${String(doc.id)}`
    },
    [titleField, t],
  )

  const find = useCallback(
    async (query: Record<string, unknown>) => {
      const response = await fetch(formatAdminURL({ apiRoute: config.routes.api, path: `/${relationTo}` }), {
        body: toQueryString({ depth: 0, draft: true, select: { [titleField]: true }, ...query }),
        credentials: 'include',
        headers: {
          'Accept-Language': i18n.language,
          'Content-Type': 'application/x-www-form-urlencoded',
          // Payload's own pickers read this way: a long `where` fits no address.
          'X-Payload-HTTP-Method-Override': 'GET',
        },
        method: 'POST',
      })
      // Tasks the user may not read: no options, as Payload's picker shows none.
      if (response.status === 403) return { docs: [], hasNextPage: false }
      if (!response.ok) throw new globalThis.Error(`${relationTo}: HTTP ${response.status}`)
      return (await response.json()) as { docs: Array<Record<string, unknown>>; hasNextPage?: boolean }
    },
    [config.routes.api, i18n.language, relationTo, titleField],
  )

  /** Page `page` of the tasks matching `search` (all tasks when empty), in the field's order. */
  const load = useCallback(
    async (search: string, page: number) => {
      const mine = ++request.current
      if (relationFilter === false) {
        setResults({ search: normalizeForSearch(search), options: [], page, hasNextPage: false })
        return
      }
      const and: Where[] = []
      if (search.trim()) and.push({ [titleField]: { like: search } })
      if (relationFilter && typeof relationFilter === 'object') and.push(relationFilter as Where)
      setLoading(true)
      try {
        const data = await find({ limit: PAGE_SIZE, page, sort, where: and.length > 0 ? { and } : undefined })
        if (mine !== request.current) return
        const foundFor = normalizeForSearch(search)
        const options = data.docs.map((doc) => ({
          value: doc.id as number | string,
          label: labelOf(doc),
          foundFor,
          relationTo,
        }))
        setResults((prev) => ({
          search: foundFor,
          options: page > 1 && prev?.search === foundFor ? [...prev.options, ...options] : options,
          page,
          hasNextPage: Boolean(data.hasNextPage),
        }))
        setLabels((prev) => new Map([...prev, ...options.map((o) => [o.value, o.label] as const)]))
        setFailed(false)
      } catch {
        if (mine === request.current) setFailed(true)
      } finally {
        if (mine === request.current) setLoading(false)
      }
    },
    [find, labelOf, relationFilter, relationTo, sort, titleField],
  )

  // What is typed goes to the server once typing pauses; the first page loads when the menu opens.
  useEffect(() => {
    if (!menuOpen) return
    const timer = setTimeout(() => void load(input, 1), loadedOnce.current ? SEARCH_DELAY_MS : 0)
    loadedOnce.current = true
    return () => clearTimeout(timer)
  }, [input, menuOpen, load])

  // The chips of tasks chosen before (saved, or set by another field) need their labels.
  useEffect(() => {
    const missing = ids.filter((id) => !labels.has(id))
    if (missing.length === 0) return
    let live = true
    find({ limit: missing.length, where: { id: { in: missing } } })
      .then((data) => {
        if (!live) return
        const found = new Map(data.docs.map((doc) => [doc.id as number | string, labelOf(doc)]))
        // A task the user may not read keeps a label too, or the lookup would repeat forever.
        setLabels((prev) => new Map([...prev, ...missing.map((id) => [id, found.get(id) ?? labelOf({ id })] as const)]))
      })
      .catch(() => {
        if (live) setLabels((prev) => new Map([...prev, ...missing.map((id) => [id, labelOf({ id })] as const)]))
      })
    return () => {
      live = false
    }
  }, [ids, labels, find, labelOf])

  // The pencil on a chip opens its task in a drawer (a new object each time: reopening the same
  // task reopens the drawer), or in a new tab, as Payload's picker does.
  const [opened, setOpened] = useState<{ id: DefaultDocumentIDType } | null>(null)
  const [TaskDrawer, , { openDrawer }] = useDocumentDrawer({ collectionSlug: relationTo, id: opened?.id })
  useEffect(() => {
    if (opened) openDrawer()
  }, [opened, openDrawer])
  const onDocumentOpen = useCallback<ChipOpen>(
    ({ id, hasReadPermission, openInNewTab }) => {
      if (!hasReadPermission) return
      // The chip's id is a task id as the database gives it, the type Payload's drawer names.
      if (!openInNewTab) return setOpened({ id: id as DefaultDocumentIDType })
      const url = formatAdminURL({ adminRoute: config.routes.admin, path: `/collections/${relationTo}/${id}` })
      window.open(url, '_blank')
    },
    [config.routes.admin, relationTo],
  )

  const selected: TaskOption[] = ids.map((id) => ({
    value: id,
    label: labels.get(id) ?? '…',
    foundFor: '',
    relationTo,
  }))
  const onChange = (next: ReactSelectOption | ReactSelectOption[] | null) => {
    const chosen = (Array.isArray(next) ? next : next ? [next] : []).map((o) => o.value as number | string)
    setValue(hasMany ? chosen : (chosen[0] ?? null))
  }

  return (
    <div
      className={[
        fieldBaseClass,
        'relationship',
        admin?.className,
        showError && 'error',
        readOnly && 'relationship--read-only',
      ]
        .filter(Boolean)
        .join(' ')}
      id={`field-${path.replace(/\./g, '__')}`}
      data-testid="task-picker"
    >
      <RenderCustomComponent
        CustomComponent={Label}
        Fallback={<FieldLabel label={label} localized={localized} path={path} required={required} />}
      />
      <div className={`${fieldBaseClass}__wrap`}>
        <RenderCustomComponent CustomComponent={Error} Fallback={<FieldError path={path} showError={showError} />} />
        {BeforeInput}
        {failed && <div className="relationship__error-loading">{t('error:unspecific')}</div>}
        <div className="relationship__wrap">
          <ReactSelect
            components={{ MultiValueLabel: TaskChipLabel }}
            customProps={{ onDocumentOpen }}
            disabled={readOnly}
            // Options the server found for this search stay (it also matches the task's content);
            // others, left from an earlier search while the server answers, must match folded.
            filterOption={(item, search) =>
              (item.data as TaskOption).foundFor === normalizeForSearch(search) ||
              matchesFoldedSearch(item.label, search)
            }
            getOptionValue={(option) => String((option as TaskOption).value)}
            isLoading={loading}
            isMulti={Boolean(hasMany)}
            isSortable={admin?.isSortable ?? true}
            onChange={readOnly ? undefined : onChange}
            onInputChange={setInput}
            onMenuClose={() => setMenuOpen(false)}
            onMenuOpen={() => setMenuOpen(true)}
            onMenuScrollToBottom={() => {
              if (results?.hasNextPage && !loading) void load(input, results.page + 1)
            }}
            options={results?.options ?? []}
            placeholder={admin?.placeholder}
            showError={showError}
            value={hasMany ? selected : selected[0]}
          />
        </div>
        {AfterInput}
        <RenderCustomComponent
          CustomComponent={Description}
          Fallback={<FieldDescription description={admin?.description} path={path} />}
        />
      </div>
      {opened && (
        <TaskDrawer
          // A task edited there shows its new label; one deleted there leaves the item.
          onSave={({ doc }) => {
            const saved = doc as unknown as Record<string, unknown>
            setLabels((prev) => new Map([...prev, [doc.id, labelOf(saved)]]))
          }}
          onDelete={({ id }) => {
            const left = ids.filter((v) => String(v) !== String(id))
            setValue(hasMany ? left : null)
          }}
        />
      )}
    </div>
  )
}

export const TaskPickerField = withCondition(TaskPicker)
