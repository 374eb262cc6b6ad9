import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The layering rule of the README ("Imports run app → plugin → domain, never back"), checked on
 * the source itself: every relative import of a plugin or domain file is resolved and must stay
 * in its own layer or a lower one, and the domain imports nothing from Payload.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..')

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(rel)
    return /\.(ts|tsx)$/.test(e.name) ? [rel] : []
  })
}

const layer = (file: string): 'domain' | 'plugin' | 'app' =>
  file.startsWith('src/domain/') ? 'domain' : file.startsWith('src/plugin/') ? 'plugin' : 'app'
const RANK = { domain: 0, plugin: 1, app: 2 } as const

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8')
  const from = /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm
  const bare = /(?:^|\s)import\s+['"]([^'"]+)['"]/gm
  const dynamic = /import\(\s*['"]([^'"]+)['"]\s*\)/g
  return [from, bare, dynamic].flatMap((re) => [...text.matchAll(re)].map((m) => m[1] ?? ''))
}

describe('layering: app → plugin → domain', () => {
  const files = [...sourceFiles('src/plugin'), ...sourceFiles('src/domain')]

  it('finds the plugin and domain sources', () => {
    expect(files.filter((f) => layer(f) === 'plugin').length).toBeGreaterThan(80)
    expect(files.filter((f) => layer(f) === 'domain').length).toBeGreaterThan(40)
  })

  it('no plugin or domain file imports a file of a higher layer', () => {
    const wrong = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)))
        .filter((target) => RANK[layer(target)] > RANK[layer(file)])
        .map((target) => `${file} → ${target}`),
    )
    expect(wrong).toEqual([])
  })

  it('the domain imports nothing from Payload, Next or the database driver', () => {
    const wrong = files
      .filter((f) => layer(f) === 'domain')
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => /^(payload|@payloadcms\/|next|drizzle-orm|pg)(\/|$)/.test(spec))
          .map((spec) => `${file} → ${spec}`),
      )
    expect(wrong).toEqual([])
  })
})
