/**
 * The page size of a streamed write against the intake's memory: the intake's lines decided and
 * appended (`src/intake-pages.ts`, as the CLI's `append` of a large file does, through the built
 * packages) with pages of each size in turn, in fresh processes on fresh copies of the intake's
 * ledger, the sizes alternating so that a drift of the machine touches each alike. Gives each
 * size's median seconds and peak resident set (GNU time), with min and max.
 *
 * @module measure/IntakePages
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cachedIntake, copyLedger } from '../ledgers/Cache'
import { repoRoot } from '../workloads/Seeds'
import { timeProcess } from './Process'
import { median } from './Timing'

/** The date the intake is decided on (after every period it reports). */
const TODAY = '2026-01-31'

/**
 * Runs the intake of `lines` lines `runs` times per page size (inputs generated into, or taken
 * from, `dir`); figures keyed by page size. `source` runs the packages' TypeScript sources instead
 * of their built `dist` (for a test without a build).
 */
export async function intakePages(
  dir: string,
  lines: number,
  sizes: ReadonlyArray<number>,
  runs: number,
  source = false,
): Promise<Record<string, number>> {
  const input = await cachedIntake(dir, lines, (l) => process.stderr.write(`${l}\n`))
  const script = `${repoRoot}packages/bench/src/intake-pages.ts`
  const seconds = new Map<number, number[]>(sizes.map((s) => [s, []]))
  const rss = new Map<number, number[]>(sizes.map((s) => [s, []]))
  const work = mkdtempSync(join(tmpdir(), 'ledger-bench-pages-'))
  try {
    for (let run = 0; run < runs; run++)
      for (const size of sizes) {
        const ledger = join(work, 'ledger.sqlite')
        copyLedger(input.ledger, ledger)
        const r = await timeProcess(
          process.execPath,
          [
            ...(source ? ['--conditions=@progress-ledger/source'] : []),
            '--import',
            'tsx',
            script,
            ledger,
            input.jsonl,
            String(size),
            TODAY,
          ],
          { timeoutMs: 900_000, cwd: repoRoot },
        )
        if (r._tag === 'Failed') throw new Error(`intake with pages of ${size}: ${r.reason}`)
        const written = (JSON.parse(r.stdout) as { written: number }).written
        if (written !== lines)
          throw new Error(`intake with pages of ${size}: wrote ${written}, not ${lines}`)
        seconds.get(size)?.push(r.ms / 1000)
        if (r.peakRssMb !== null) rss.get(size)?.push(r.peakRssMb)
        process.stderr.write(`pages of ${size}: ${(r.ms / 1000).toFixed(1)} s, ${r.peakRssMb} MB\n`)
      }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  const figures: Record<string, number> = { lines, runs }
  for (const size of sizes) {
    const s = seconds.get(size) ?? []
    const m = rss.get(size) ?? []
    figures[`page_${size}_s`] = median(s)
    figures[`page_${size}_s_min`] = Math.min(...s)
    figures[`page_${size}_s_max`] = Math.max(...s)
    if (m.length > 0) {
      figures[`page_${size}_peak_rss_mb`] = median(m)
      figures[`page_${size}_peak_rss_mb_min`] = Math.min(...m)
      figures[`page_${size}_peak_rss_mb_max`] = Math.max(...m)
    }
  }
  return figures
}
