// Reading the non-figure cells of a row: the indicator key, the status, the notes, names.
import type { ValueStatus } from '@progress-ledger/core'
import { type Cell, showCell } from '../Sheet'
import { cleanName } from '@progress-ledger/reporting'

/** The text of a key cell (indicator number or id), `undefined` when it holds none. */
export function keyText(cell: Cell): string | undefined {
  switch (cell.kind) {
    case 'number':
      return Number.isFinite(cell.value) ? String(cell.value) : undefined
    case 'text': {
      const s = cell.text.normalize('NFKC').trim()
      return s === '' ? undefined : s
    }
    case 'formula':
      return cell.result === null ? undefined : keyText(cell.result)
    default:
      return undefined
  }
}

/** The words a status cell may hold (compared after NFKC, trimming and lower-casing). */
export const STATUS_WORDS: Readonly<Record<ValueStatus, ReadonlyArray<string>>> = {
  preliminary: ['preliminary', '初步', '初步数', '快报', '快报数'],
  final: ['final', '正式', '正式数', '最终', '最终数'],
}

export type StatusReading =
  | { readonly _tag: 'Status'; readonly status: ValueStatus | undefined }
  | { readonly _tag: 'Invalid'; readonly got: string }

export function readStatus(cell: Cell): StatusReading {
  const text = plainText(cell)
  if (text === undefined) return { _tag: 'Invalid', got: showCell(cell) }
  const s = text.normalize('NFKC').trim().toLowerCase()
  if (s === '') return { _tag: 'Status', status: undefined }
  for (const status of ['preliminary', 'final'] as const)
    if (STATUS_WORDS[status].includes(s)) return { _tag: 'Status', status }
  return { _tag: 'Invalid', got: showCell(cell) }
}

/** The text of a cell meant to hold text (numbers written as text), `''` when empty. */
export function plainText(cell: Cell): string | undefined {
  switch (cell.kind) {
    case 'empty':
      return ''
    case 'text':
      return cell.text
    case 'number':
      return String(cell.value)
    case 'formula':
      return cell.result === null ? undefined : plainText(cell.result)
    default:
      return undefined
  }
}

/** A name for comparison: NFKC, no spaces or `*`, no `其中：`, no trailing `(…)` groups, lower case. */
export function comparableName(s: string): string {
  let n = cleanName(s)
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\*/g, '')
    .replace(/^其中:/, '')
  for (;;) {
    const stripped = n.replace(/\([^()]*\)$/, '')
    if (stripped === n || stripped === '') break
    n = stripped
  }
  return n.toLowerCase()
}
