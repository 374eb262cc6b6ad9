'use client'
import { useDocumentInfo, useDocumentTitle } from '@payloadcms/ui'
import { useEffect } from 'react'

/**
 * Whenever Payload falls back to the id as the document's title (on opening, after each save),
 * put the given name in its place. A typed title is never touched: it is not the id.
 */
export function KeepDocumentTitleNamed({ text }: { text: string }) {
  const { id } = useDocumentInfo()
  const { title, setDocumentTitle } = useDocumentTitle()
  useEffect(() => {
    if (id === undefined || id === null || (title !== String(id) && title)) return
    // After the current commit: the title provider (a parent) sets the id in its own effect,
    // which runs after this one, so setting it now would be overwritten in the same batch.
    const timer = setTimeout(() => setDocumentTitle(text), 0)
    return () => clearTimeout(timer)
  }, [id, title, text, setDocumentTitle])
  return null
}
