/**
 * Resolves `lexical` and `@lexical/*` straight to their development or production build.
 *
 * Why: each Lexical package's Node entry (`*.node.mjs`) picks its build with a top-level
 * `await import(...)`. Loading Payload imports about twenty of them at once, and with module
 * hooks registered (tsx) every such import is a round trip to Node 20's hooks thread. Under CPU
 * contention that round trip is sometimes lost, and the process exits with code 13 ("unsettled
 * top-level await") and nothing on stderr, before running a line of its own. Measured on this
 * project's workers: 7 to 15 of 48 boots with eight booting at once on two cores; none of 48
 * with the builds resolved directly. Resolving the build here leaves no top-level await to race.
 *
 * The build follows NODE_ENV as the process started with it. Unset counts as production: the
 * commands set production themselves, only after this hook has read the environment.
 */
const LEXICAL = /^(?:lexical|@lexical\/[^/]+)(?:\/|$)/
const BUILD = process.env.NODE_ENV && process.env.NODE_ENV !== 'production' ? 'development' : 'production'

export async function resolve(specifier, context, nextResolve) {
  if (!LEXICAL.test(specifier)) return nextResolve(specifier, context)
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, BUILD] })
}
