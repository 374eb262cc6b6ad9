/**
 * Finding the line a value came from, for values the parser reports as text (a unit's name, a
 * target's words): the reviewer checks each value against its line of the document.
 */
import { foldVi, htmlToText, matchKey } from '../planText/normalize'
import { preprocess } from '../planText/lines'

export class SourceLines {
  private readonly keys: string[]
  private readonly folded: string[]

  constructor(text: string) {
    // The parser numbers the lines of the preprocessed text; so does this.
    const lines = preprocess(text).split('\n')
    this.keys = lines.map((l) => ` ${matchKey(htmlToText(l))} `)
    this.folded = lines.map((l) => foldVi(l.trim()))
  }

  get count(): number {
    return this.keys.length
  }

  /**
   * The first line at or after `from` (1-based) holding the start of `value`, searching a window of
   * `span` lines, then the whole text. Null when the value is not found (edited, or assembled from
   * several lines in a way no single line shows).
   */
  find(value: string | null | undefined, from = 1, span = 60): number | null {
    const needle = this.needle(value)
    if (!needle) return null
    const start = Math.max(1, from)
    const windowEnd = Math.min(this.keys.length, start + span)
    for (let no = start; no <= windowEnd; no++) if (this.keys[no - 1]?.includes(needle)) return no
    for (let no = 1; no <= this.keys.length; no++) if (this.keys[no - 1]?.includes(needle)) return no
    return null
  }

  /** The first line that begins with `value` (a heading's title, not a sentence quoting it), else `find`. */
  findStart(value: string | null | undefined): number | null {
    const needle = this.needle(value)
    if (!needle) return null
    const i = this.keys.findIndex((k) => k.startsWith(needle))
    return i < 0 ? this.find(value) : i + 1
  }

  private needle(value: string | null | undefined): string | null {
    if (!value) return null
    const words = matchKey(value).split(' ').filter(Boolean)
    return words.length === 0 ? null : ` ${words.slice(0, 8).join(' ')} `
  }

  /** The first line whose text (lowercase, no diacritics, punctuation kept) passes a test: the "Số:" line. */
  findWhere(test: (folded: string) => boolean): number | null {
    const i = this.folded.findIndex((k) => test(k))
    return i < 0 ? null : i + 1
  }

  /** The key of a line (lowercase, no diacritics or punctuation), '' outside the text. */
  keyAt(no: number): string {
    return (this.keys[no - 1] ?? '').trim()
  }
}
