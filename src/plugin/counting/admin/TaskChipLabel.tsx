'use client'
import { EditIcon, useAuth, useTranslation } from '@payloadcms/ui'
import type { HTMLAttributes, MouseEvent, ReactNode } from 'react'

/** What the task picker passes to its chips through Payload's select (`customProps`), as Payload's does. */
export type ChipOpen = (args: {
  collectionSlug: string
  hasReadPermission: boolean
  id: number | string
  openInNewTab?: boolean
}) => void

/** The react-select props a chip label reads (react-select's own types are not a dependency here). */
type ChipLabelProps = {
  children?: ReactNode
  data: { label?: string; value: number | string; relationTo?: string }
  innerProps?: HTMLAttributes<HTMLDivElement>
  selectProps: { customProps?: { draggableProps?: HTMLAttributes<HTMLDivElement>; onDocumentOpen?: unknown } }
}

const base = 'relationship--multi-value-label'

/**
 * A chosen task in the picker, as Payload's relationship chips show one: its label (the handle to
 * drag it) and a pencil opening the task in a drawer (Ctrl/⌘: in a new tab), for users who may
 * read tasks.
 */
export function TaskChipLabel({ children, data, innerProps, selectProps }: ChipLabelProps) {
  const { permissions } = useAuth()
  const { t } = useTranslation()
  const { draggableProps, onDocumentOpen } = selectProps.customProps ?? {}
  const canRead = Boolean(data.relationTo && permissions?.collections?.[data.relationTo]?.read)
  // Keeps the select from taking the click (opening its menu, starting a drag).
  const stop = (event: { stopPropagation: () => void }) => event.stopPropagation()
  return (
    <div className={base} title={data.label ?? ''}>
      <div className={`${base}__content`}>
        <div {...innerProps} className={`${base}__text`} {...draggableProps}>
          {children}
        </div>
      </div>
      {canRead && typeof onDocumentOpen === 'function' && (
        <button
          aria-label={t('general:editLabel', { label: data.label ?? '' })}
          className={`${base}__drawer-toggler`}
          onClick={(event: MouseEvent) =>
            (onDocumentOpen as ChipOpen)({
              collectionSlug: data.relationTo ?? '',
              hasReadPermission: canRead,
              id: data.value,
              openInNewTab: event.metaKey || event.ctrlKey,
            })
          }
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.stopPropagation()
          }}
          onMouseDown={stop}
          onTouchEnd={stop}
          type="button"
        >
          <EditIcon className={`${base}__icon`} />
        </button>
      )}
    </div>
  )
}
