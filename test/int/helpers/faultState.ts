import type pg from 'pg'

/**
 * Everything a save of one article can write, read back with plain SQL on the caller's own
 * connection: the main row, its tags, its publications, its versions and its ledger rows.
 * Two equal states mean the save left no trace, half or whole.
 */
export interface ArticleState {
  row: Record<string, unknown> | null
  tags: number[]
  publications: Array<{ channel: number | null; publishedAt: string | null }>
  versions: number
  ledger: string[]
}

export async function articleState(pool: pg.Pool, id: number): Promise<ArticleState> {
  const row = (await pool.query('select to_jsonb(a) as row from articles a where id = $1', [id])).rows[0]?.row ?? null
  const tags = (
    await pool.query<{ t: number }>(
      `select tasks_id as t from articles_rels where parent_id = $1 and path = 'tasks' order by "order", id`,
      [id],
    )
  ).rows.map((r) => Number(r.t))
  const publications = (
    await pool.query<{ channel: number | null; at: Date | null }>(
      'select channel_id as channel, published_at as at from articles_publications where _parent_id = $1 order by _order',
      [id],
    )
  ).rows.map((r) => ({
    channel: r.channel === null ? null : Number(r.channel),
    publishedAt: r.at ? r.at.toISOString() : null,
  }))
  const versions = Number(
    (await pool.query('select count(*)::int as n from _articles_v where parent_id = $1', [id])).rows[0]?.n,
  )
  const ledger = (
    await pool.query<{ k: string }>(
      `select task || '|' || channel || '|' || day as k from quota_contributions where content_type = 'articles' and item = $1 order by 1`,
      [id],
    )
  ).rows.map((r) => r.k)
  return { row, tags, publications, versions, ledger }
}
