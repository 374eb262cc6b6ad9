/**
 * What every Node process of the project preloads, in place of a bare `--import tsx`:
 *
 *   node --import ./src/cli/register.mjs <script.ts>
 *
 * It registers tsx (TypeScript) and, before it, one resolve hook for Lexical (see
 * lexicalBuildHooks.mjs). Plain JavaScript because it runs before tsx can load TypeScript.
 */
import { register } from 'node:module'

register('./lexicalBuildHooks.mjs', import.meta.url)
await import('tsx')
