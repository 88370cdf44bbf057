/**
 * `node --import tsx src/restore.ts LEDGER.sqlite [PLAN]`: restores, in this fresh process, a
 * SQLite ledger's stored checkpoint through the built packages — the whole state, or what
 * `report --plan PLAN` loads of it (the index and that plan's part) — and prints as JSON the
 * milliseconds `loadLedgerCheckpoint` took (reading the parts out of the file and decoding them;
 * the store is opened first) and the position restored. After a whole-state restore it also
 * times, at once, the first as-of query of the process on the state just restored (`asOfMs`; the
 * cut: as known when the middle event was recorded, read before the restore), as a command with
 * `--known-at` has it. The CLI suite runs it after the CLI's `checkpoint` command stored the
 * checkpoint; it exits 1 when there is none to restore.
 *
 * @module restore
 */
import { asOf, loadLedgerCheckpoint, manualClock } from '@progress-ledger/core'
import { openSqliteStore } from '@progress-ledger/store-sqlite'
import { timed } from './measure/Timing'

const [path, plan] = process.argv.slice(2)
if (path === undefined) {
  process.stderr.write('restore: expected LEDGER.sqlite [PLAN]\n')
  process.exit(2)
}
const store = await openSqliteStore({ path, clock: manualClock('2021-01-01') })
try {
  const middle = Math.floor((await store.headPosition()) / 2)
  const [atMiddle] = await store.readAll({ after: middle - 1, limit: 1 })
  const start = performance.now()
  const loaded = await loadLedgerCheckpoint(store, plan === undefined ? {} : { plans: [plan] })
  const ms = performance.now() - start
  if (loaded._tag !== 'Restored') {
    process.stderr.write(`restore: no checkpoint restored (${loaded._tag})\n`)
    process.exitCode = 1
  } else {
    const scoped = loaded.scope !== null
    if (plan !== undefined && !scoped) {
      process.stderr.write(`restore: the checkpoint has no part for plan ${plan}\n`)
      process.exitCode = 1
    } else {
      let asOfMs: number | null = null
      if (plan === undefined && atMiddle !== undefined) {
        const state = loaded.state
        const query = timed(() => asOf(state, { recordedTime: atMiddle.recordedTime }))
        asOfMs = query.ms
        const view = query.value
        if (view.indicators.size === 0) throw new Error('restore: the as-of view is empty')
      }
      process.stdout.write(
        `${JSON.stringify({ ms, position: loaded.state.position, plans: loaded.state.plans.size, asOfMs })}\n`,
      )
    }
  }
} finally {
  await store.close()
}
