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
    if (id !== undefined && id !== null && (title === String(id) || !title)) setDocumentTitle(text)
  }, [id, title, text, setDocumentTitle])
  return null
}
