import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import type { ReactNode } from 'react'

/** The admin's frame (navigation, header) around one of the product's own views, with its title. */
export function AdminPage({
  view,
  title,
  children,
}: {
  view: Pick<AdminViewServerProps, 'initPageResult' | 'params' | 'searchParams'>
  title: string
  children: ReactNode
}) {
  const { req, permissions, locale, visibleEntities } = view.initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={view.params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={view.searchParams}
      user={req.user ?? undefined}
      // The header's actions (the notification bell) on the product's own views too.
      viewActions={req.payload.config.admin.components?.actions}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1 style={{ margin: '1.5rem 0 1rem' }}>{title}</h1>
        {children}
      </Gutter>
    </DefaultTemplate>
  )
}
