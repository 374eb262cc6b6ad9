import type { ReactNode } from 'react'

/** The public share pages: no admin, no account, nothing but the numbers. */
export default function ShareLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="vi">
      <body
        style={{ margin: 0, fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: '#111' }}
      >
        <main style={{ maxWidth: 960, margin: '0 auto', padding: '1.5rem' }}>{children}</main>
      </body>
    </html>
  )
}
