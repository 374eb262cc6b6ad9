import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { findOffice } from './findOffice'

export const PDF_MIME = 'application/pdf'

/** The Debian package that gives a server `soffice` (named in the 501 answer). */
export const OFFICE_PACKAGE = 'libreoffice-writer'

export type PdfResult =
  { ok: true; pdf: Buffer } | { ok: false; reason: 'unavailable' } | { ok: false; reason: 'failed'; detail: string }

export interface PdfOptions {
  /** Where to look for soffice/libreoffice (findOffice); the process environment by default. */
  env?: Record<string, string | undefined>
  /** A conversion taking longer is killed and reported failed. */
  timeoutMs?: number
}

/**
 * A .docx as PDF through LibreOffice (`soffice --headless --convert-to pdf`), in a temporary
 * folder of its own with its own LibreOffice profile (two conversions at once would otherwise
 * fight over the user's profile and the second silently does nothing), removed afterwards
 * whatever happens. `unavailable` when LibreOffice is not installed; `failed` when it exits
 * badly, runs past the timeout, or leaves anything but a PDF: never a broken file.
 */
export async function convertDocxToPdf(docx: Buffer, options: PdfOptions = {}): Promise<PdfResult> {
  const office = findOffice(options.env)
  if (!office) return { ok: false, reason: 'unavailable' }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'report-pdf-'))
  try {
    const input = path.join(dir, 'report.docx')
    await writeFile(input, docx)
    const profile = pathToFileURL(path.join(dir, 'profile')).href
    const run = await runOffice(
      office,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
      { cwd: dir, timeoutMs: options.timeoutMs ?? 60_000, home: dir },
    )
    if (run.timedOut)
      return { ok: false, reason: 'failed', detail: `LibreOffice took longer than ${options.timeoutMs ?? 60_000} ms` }
    if (run.code !== 0)
      return { ok: false, reason: 'failed', detail: `LibreOffice exited ${run.code}: ${run.output.slice(-500)}` }
    let pdf: Buffer
    try {
      pdf = await readFile(path.join(dir, 'report.pdf'))
    } catch {
      return { ok: false, reason: 'failed', detail: `LibreOffice wrote no PDF: ${run.output.slice(-500)}` }
    }
    // A PDF starts with its header and ends with its trailer; anything else is not one.
    const tail = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1')
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-' || !tail.includes('%%EOF')) {
      return { ok: false, reason: 'failed', detail: 'LibreOffice wrote a file that is not a complete PDF' }
    }
    return { ok: true, pdf }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function runOffice(
  program: string,
  args: string[],
  options: { cwd: string; timeoutMs: number; home: string },
): Promise<{ code: number | null; timedOut: boolean; output: string }> {
  return new Promise((resolve) => {
    // Its own process group, so a timeout ends soffice and whatever it started (oosplash, soffice.bin).
    const child = spawn(program, args, {
      cwd: options.cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOME: options.home },
    })
    let output = ''
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }, options.timeoutMs)
    child.once('error', (err) => {
      clearTimeout(timer)
      resolve({ code: -1, timedOut, output: `${output}\n${err.message}` })
    })
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, timedOut, output })
    })
  })
}
