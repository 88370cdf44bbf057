// A writer process for the multi-process tests. Usage: writer.ts <json args>
//   race:  appends `batches` batches to its own stream or a shared one, re-reading the version on
//          each conflict; prints one JSON summary line.
//   crash: appends multi-stream batches forever, printing `ACK <batch>` after each commit.
//   stream: one streamed append of `batches` pages of 100 events, pausing 20 ms between pages,
//           printing `PAGE <n>` after each page is written and `ACK <head>` after the commit.
import { writeSync } from 'node:fs'
import {
  type AppendRequest,
  type EventInput,
  type IsoDate,
  type PeriodKey,
  manualClock,
} from '@progress-ledger/core'
import { openSqliteStore } from '../../src/SqliteEventStore'

interface Args {
  readonly mode: 'race' | 'crash' | 'stream'
  readonly path: string
  readonly writer: string
  readonly batches?: number
  readonly shared?: boolean
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args
const clock = manualClock('2022-01-08T00:00:00.000Z')

function event(id: string, value: number): EventInput {
  return {
    id,
    type: 'ValueReported',
    validTime: '2021-12-31' as IsoDate,
    actor: args.writer,
    data: { indicatorId: 'I01', period: '2021' as PeriodKey, value, status: 'final' },
  }
}

/** A batch's events carry its id and size: `<batch>.<size>.<k>`. */
function batchEvents(batch: string, size: number): EventInput[] {
  return Array.from({ length: size }, (_, k) => event(`${batch}.${size}.${k}`, k + 0.25))
}

const say = (line: string): void => void writeSync(1, `${line}\n`)

async function race(): Promise<void> {
  const store = await openSqliteStore({
    path: args.path,
    clock,
    busyAttempts: 50,
    synchronous: 'normal',
  })
  const streamId = args.shared === true ? 'shared' : `own-${args.writer}`
  const acked: string[] = []
  let conflicts = 0
  for (let b = 0; b < (args.batches ?? 10); b++) {
    const batch = `${args.writer}-b${b}`
    for (;;) {
      clock.advance(1000)
      const version = await store.streamVersion(streamId)
      const r = await store.append(streamId, batchEvents(batch, 1 + (b % 3)), version)
      if (r._tag === 'Appended') break
      if (r._tag !== 'VersionConflict') throw new Error(`unexpected ${JSON.stringify(r)}`)
      conflicts++
    }
    acked.push(batch)
  }
  await store.close()
  say(JSON.stringify({ acked, conflicts }))
}

async function crash(): Promise<void> {
  const store = await openSqliteStore({
    path: args.path,
    clock,
    busyAttempts: 50,
    synchronous: 'normal',
  })
  say('READY')
  for (let b = 0; ; b++) {
    const batch = `${args.writer}-b${b}`
    const size = 1 + (b % 4)
    clock.advance(1000)
    const r = await store.appendBatch([
      {
        streamId: `crash-${b % 3}`,
        events: batchEvents(`${batch}x`, size),
        expectedVersion: 'any',
      },
      { streamId: 'crash-log', events: batchEvents(`${batch}y`, 2), expectedVersion: 'any' },
    ])
    if (r._tag !== 'Appended') throw new Error(`unexpected ${JSON.stringify(r)}`)
    say(`ACK ${batch}`)
  }
}

async function stream(): Promise<void> {
  const store = await openSqliteStore({ path: args.path, clock, synchronous: 'normal' })
  say('READY')
  async function* requests(): AsyncGenerator<AppendRequest> {
    for (let page = 0; page < (args.batches ?? 10); page++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      yield {
        streamId: `${args.writer}-${page % 3}`,
        events: batchEvents(`${args.writer}-p${page}`, 100),
        expectedVersion: 'any',
      }
    }
  }
  let pages = 0
  const r = await store.appendStream(requests(), {
    pageSize: 100,
    onProgress: () => say(`PAGE ${++pages}`),
  })
  if (r._tag !== 'StreamAppended') throw new Error(`unexpected ${JSON.stringify(r)}`)
  say(`ACK ${r.head}`)
  await store.close()
}

await (args.mode === 'race' ? race() : args.mode === 'crash' ? crash() : stream())
