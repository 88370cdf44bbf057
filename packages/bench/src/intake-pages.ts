/**
 * `node --import tsx src/intake-pages.ts LEDGER.sqlite FILE.jsonl PAGE TODAY`: in this fresh
 * process, decides and appends every line of FILE.jsonl to the SQLite ledger as the CLI's `append`
 * of a large file does — the ledger loaded unfrozen and owned by the decisions, one all-or-nothing
 * `handleStream` — with pages of PAGE events, and prints `{ ms, written }` as JSON. The caller
 * measures the peak resident set (the `intake-pages` probe, which alternates page sizes in fresh
 * processes on fresh copies of the ledger). Exits 1 unless every line was appended.
 *
 * @module intake-pages
 */
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { loadLedger, manualClock, type IsoDate } from '@progress-ledger/core'
import {
  type CommandInput,
  handleStream,
  planAdmin,
  sequentialIds,
} from '@progress-ledger/commands'
import { openSqliteStore } from '@progress-ledger/store-sqlite'

const [path, file, pageText, today] = process.argv.slice(2)
const pageSize = Number(pageText)
if (path === undefined || file === undefined || today === undefined || !(pageSize >= 1)) {
  process.stderr.write('intake-pages: expected LEDGER.sqlite FILE.jsonl PAGE TODAY\n')
  process.exit(2)
}

async function* inputs(): AsyncGenerator<CommandInput> {
  const lines = createInterface({ input: createReadStream(file as string), crlfDelay: Infinity })
  for await (const line of lines) if (line.trim() !== '') yield { command: JSON.parse(line) }
}

const store = await openSqliteStore({ path, clock: manualClock(`${today}T12:00:00.000Z`) })
try {
  const start = performance.now()
  const loaded = await loadLedger(store, { freeze: false })
  if (loaded._tag !== 'Loaded') throw new Error(`intake-pages: ledger not loaded (${loaded._tag})`)
  const r = await handleStream(
    store,
    inputs(),
    { actor: planAdmin('bench'), today: today as IsoDate, ids: sequentialIds('intake') },
    { state: loaded.state, ownsState: true, settleFrom: 10_000, pageSize },
  )
  const ms = performance.now() - start
  if (r._tag !== 'StreamAppended') {
    process.stderr.write(`intake-pages: ${r._tag} ${JSON.stringify(r).slice(0, 300)}\n`)
    process.exitCode = 1
  } else process.stdout.write(`${JSON.stringify({ ms, written: r.written })}\n`)
} finally {
  await store.close()
}
