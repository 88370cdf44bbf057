/**
 * A progress bar for long operations (replay, import, verify). It draws on a terminal only and
 * stays silent when output is piped, so scripts and logs see clean text.
 *
 * @module Progress
 */
import type { Output } from './Io'

/** Reports progress of a long operation. */
export interface Progress {
  /** Sets the number of items done (of `total`). */
  update(done: number): void
  /** Clears the bar. */
  done(): void
}

/**
 * A progress bar on `out` when it is a terminal, otherwise a no-op.
 *
 * @example
 * import { progressBar } from '@progress-ledger/cli'
 * let drawn = ''
 * const bar = progressBar({ write: (s) => { drawn += s }, isTTY: true, columns: 60 }, 'replay', 100)
 * bar.update(50)
 * drawn // '\rreplay [############------------] 50/100'
 * let piped = ''
 * progressBar({ write: (s) => { piped += s }, isTTY: false }, 'replay', 100).update(50)
 * piped // ''
 */
export function progressBar(out: Output, label: string, total: number): Progress {
  if (!out.isTTY || total <= 0) return { update: () => undefined, done: () => undefined }
  const width = Math.max(10, Math.min(40, (out.columns ?? 80) - label.length - 30))
  let last = -1
  return {
    update(done) {
      const share = Math.min(1, done / total)
      const filled = Math.round(share * width)
      if (filled === last && done < total) return
      last = filled
      out.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`)
    },
    done() {
      out.write(`\r${' '.repeat(width + label.length + 30)}\r`)
    },
  }
}

/**
 * A running count on `out` when it is a terminal (for work whose total is unknown, such as a
 * file read line by line), redrawn every `every` items; otherwise a no-op.
 *
 * @example
 * import { progressCounter } from '@progress-ledger/cli'
 * let drawn = ''
 * const counter = progressCounter({ write: (s) => { drawn += s }, isTTY: true }, 'append', 1000)
 * counter.update(2500)
 * drawn // '\rappend: 2500'
 */
export function progressCounter(out: Output, label: string, every = 10_000): Progress {
  if (!out.isTTY) return { update: () => undefined, done: () => undefined }
  let shown = 0
  let width = 0
  return {
    update(done) {
      if (done - shown < every) return
      shown = done
      const text = `\r${label}: ${done}`
      width = text.length
      out.write(text)
    },
    done() {
      if (width > 0) out.write(`\r${' '.repeat(width)}\r`)
    },
  }
}
