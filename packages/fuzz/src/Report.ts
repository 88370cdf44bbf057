/**
 * The text a fuzz run prints: the seed, the figures per target and store, and the first findings
 * of each kind with what reproduces them.
 *
 * @module Report
 */
import type { Finding, FuzzReport } from './Fuzz'

function section(title: string, list: ReadonlyArray<Finding>, seed: number): string[] {
  if (list.length === 0) return [`${title}: 0`]
  return [
    `${title}: ${list.length}`,
    ...list
      .slice(0, 10)
      .map(
        (f) =>
          `  #${f.index} ${f.target} on ${f.store} (${f.kind}): ${f.problem}\n    input ${f.input}\n    reproduce: pnpm fuzz --seed ${seed} --from ${f.index} --inputs 1`,
      ),
  ]
}

/**
 * Renders a report as the lines `pnpm fuzz` prints.
 *
 * @example
 * import { renderReport } from '@progress-ledger/fuzz'
 * renderReport({ seed: 1, inputs: 0, byTarget: {}, byStore: {}, crashes: [], acceptedInvalid: [], changedAfterRefusal: [], durationMs: 12 }).split('\n')[0] // 'fuzz: 0 inputs from seed 1 in 0.0 s'
 */
export function renderReport(r: FuzzReport): string {
  const lines = [
    `fuzz: ${r.inputs} inputs from seed ${r.seed} in ${(r.durationMs / 1000).toFixed(1)} s`,
  ]
  for (const [name, t] of Object.entries(r.byTarget)) {
    const by = Object.entries(t.refusedBy)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')
    lines.push(
      `  ${name}: ${t.inputs} inputs, ${t.accepted} accepted, ${t.refused} refused (${by})`,
    )
  }
  lines.push(
    `  stores: ${Object.entries(r.byStore)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  )
  lines.push(...section('crashes', r.crashes, r.seed))
  lines.push(...section('accepted-invalid', r.acceptedInvalid, r.seed))
  lines.push(...section('ledger changes after refusal', r.changedAfterRefusal, r.seed))
  return lines.join('\n')
}
