import { parseSlot, type JobName } from '../domain/schedule'

export type JobArgs = { ok: true; name: JobName; slot: string } | { ok: false; message: string }

/** `<name> --slot <slot>` (or `--slot=<slot>`), validated before anything starts. */
export function parseJobArgs(argv: string[]): JobArgs {
  let name: string | undefined
  let slot: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--slot') {
      slot = argv[++i]
      if (!slot) return { ok: false, message: '--slot needs a value' }
    } else if (arg.startsWith('--slot=')) slot = arg.slice('--slot='.length)
    else if (arg.startsWith('-')) return { ok: false, message: `unknown option ${arg}` }
    else if (name === undefined) name = arg
    else return { ok: false, message: `unexpected argument "${arg}"` }
  }
  if (!name) return { ok: false, message: 'the job name is missing' }
  if (!slot) return { ok: false, message: '--slot is missing' }
  const parsed = parseSlot(name, slot)
  if (!parsed.ok) return { ok: false, message: parsed.message }
  return { ok: true, name: parsed.job, slot: parsed.slot }
}
