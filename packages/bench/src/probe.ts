/**
 * `pnpm --filter @progress-ledger/bench probe <name>`: runs one probe of `measure/Probes` in this
 * process and prints its figures as JSON. Names: alloc, freeze, chunk-copy, append-path,
 * stream-memory-100k, stream-memory-1m, intake-pages.
 *
 * @module probe
 */
import { PROBES } from './measure/Probes'

const name = process.argv[2] ?? ''
const probe = PROBES[name]
if (probe === undefined) {
  process.stderr.write(
    `probe: expected one of ${Object.keys(PROBES).join(', ')}, got ${JSON.stringify(name)}\n`,
  )
  process.exit(2)
}
process.stdout.write(
  `${JSON.stringify({ probe: name, node: process.version, ...(await probe()) }, null, 2)}\n`,
)
