/**
 * `node --import tsx src/restore-image.ts IMAGE.bin CHECKPOINT.json`: restores, in this fresh
 * process, a checkpoint image written by the anchor suite (the image's bytes, and its name,
 * position, head, format and the as-of cut as JSON) through the built packages, then times at once
 * the first as-of query of the process on the state just restored — owned, as a command holds it.
 * Prints `{ restoreMs, asOfMs, position }` as JSON; exits 1 when the checkpoint does not restore.
 *
 * @module restore-image
 */
import { readFileSync } from 'node:fs'
import { asOf, restoreCheckpoint, type Cut } from '@progress-ledger/core'
import { timed } from './measure/Timing'

const [imagePath, metaPath] = process.argv.slice(2)
if (imagePath === undefined || metaPath === undefined) {
  process.stderr.write('restore-image: expected IMAGE.bin CHECKPOINT.json\n')
  process.exit(2)
}
const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as {
  name: string
  position: number
  head: string
  format: string
  cut: Cut
}
const image = new Uint8Array(readFileSync(imagePath))
const { ms: restoreMs, value: restored } = timed(() => restoreCheckpoint({ ...meta, image }))
if (restored._tag !== 'Restored') {
  process.stderr.write(`restore-image: ${restored.reason}\n`)
  process.exit(1)
}
const state = restored.state
const { ms: asOfMs, value: view } = timed(() => asOf(state, meta.cut))
if (view.indicators.size === 0) throw new Error('restore-image: the as-of view is empty')
process.stdout.write(
  `${JSON.stringify({ restoreMs, asOfMs, position: restored.state.position })}\n`,
)
