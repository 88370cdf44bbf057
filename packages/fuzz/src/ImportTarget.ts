/**
 * The `import` target: the world's ledger exported as JSON lines, one record spoiled — a field
 * of its envelope or data changed, a record dropped, two swapped, an id repeated, a line cut —
 * and the text loaded by a fresh, empty store's `importLog`, read line by line strictly as the
 * CLI reads an export. Every spoiling changes what the hashes cover or the order they chain in,
 * so each must be refused; an unspoiled export must be reproduced exactly. A refusal that left
 * events in the fresh store, or an accepted import that does not reproduce the export, throws
 * (and is counted as a crash with that message).
 *
 * @module ImportTarget
 */
import fc from 'fast-check'
import {
  fixedClock,
  InMemoryEventStore,
  parseJsonText,
  type RecordedEvent,
} from '@progress-ledger/core'
import { planAdmin } from '@progress-ledger/commands'
import type { FuzzInput } from './Inputs'
import type { FuzzTarget } from './Targets'
import type { World } from './World'

/** How a record of the export is spoiled. */
const SPOILINGS = [
  'value',
  'period',
  'actor',
  'recordedTime',
  'validTime',
  'position',
  'version',
  'streamId',
  'hash',
  'prevHash',
  'type',
  'drop',
  'swap',
  'repeat-id',
  'cut-line',
] as const
type Spoiling = (typeof SPOILINGS)[number] | 'none'

interface Plan {
  readonly spoil: Spoiling
  /** Where in the export, as a share of its length. */
  readonly at: number
}

/**
 * The event's data with one field the hash covers changed: `value` or `period` when it has one,
 * else its first text or number field. (A key added to the data would not do: decoding drops
 * unknown keys, so the import would rightly reproduce the original.)
 */
function changed(data: Record<string, unknown>, prefer: string): Record<string, unknown> {
  const key =
    prefer in data
      ? prefer
      : Object.keys(data).find((k) => typeof data[k] === 'string' || typeof data[k] === 'number')
  if (key === undefined) return { ...data, [prefer]: 1 }
  const v = data[key]
  return { ...data, [key]: typeof v === 'number' ? v + 1 : `${String(v)}0` }
}

const earlier = (t: string): string => new Date(Date.parse(t) - 86_400_000).toISOString()

/** The export's lines with one record spoiled as planned (all records, at least two). */
function spoiled(records: ReadonlyArray<RecordedEvent>, plan: Plan): string[] {
  const lines = records.map((r) => JSON.stringify(r))
  const i = Math.min(records.length - 2, Math.floor(plan.at * (records.length - 1)))
  const r = records[i] as RecordedEvent
  const next = records[i + 1] as RecordedEvent
  const set = (patch: Record<string, unknown>): void => {
    lines[i] = JSON.stringify({ ...r, ...patch })
  }
  const data = r.data as Record<string, unknown>
  switch (plan.spoil) {
    case 'none':
      break
    case 'value':
    case 'period':
      set({ data: changed(data, plan.spoil) })
      break
    case 'actor':
      set({ actor: `${r.actor}-x` })
      break
    case 'recordedTime':
      set({ recordedTime: earlier(r.recordedTime) })
      break
    case 'validTime':
      set({ validTime: r.validTime === '2021-01-01' ? '2021-01-02' : '2021-01-01' })
      break
    case 'position':
      set({ position: r.position + 1 })
      break
    case 'version':
      set({ version: r.version + 1 })
      break
    case 'streamId':
      set({ streamId: `${r.streamId}-x` })
      break
    case 'hash':
      set({ hash: `${r.hash.slice(0, -1)}${r.hash.endsWith('0') ? '1' : '0'}` })
      break
    case 'prevHash':
      set({ prevHash: r.prevHash === '' ? 'a'.repeat(64) : '' })
      break
    case 'type':
      set({ type: r.type === 'ValueReported' ? 'ValueCorrected' : 'ValueReported' })
      break
    case 'drop':
      lines.splice(i, 1)
      break
    case 'swap':
      lines[i] = JSON.stringify(next)
      lines[i + 1] = JSON.stringify(r)
      break
    case 'repeat-id':
      lines[i + 1] = JSON.stringify({ ...next, id: r.id })
      break
    case 'cut-line':
      lines[i] = (lines[i] as string).slice(0, Math.floor((lines[i] as string).length / 2))
      break
  }
  return lines
}

/** The inputs: a spoiling (one in sixteen exports is left whole) and where. */
export const importInputs: fc.Arbitrary<FuzzInput> = fc
  .record({
    spoil: fc.oneof(
      { arbitrary: fc.constantFrom(...SPOILINGS), weight: 15 },
      { arbitrary: fc.constant<Spoiling>('none'), weight: 1 },
    ),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((plan): FuzzInput => ({
    target: 'import',
    kind: `import: ${plan.spoil}`,
    text: JSON.stringify(plan),
    actor: planAdmin('importer'),
    recordDenied: false,
    mustRefuse: plan.spoil === 'none' ? undefined : `an export with its ${plan.spoil} spoiled`,
  }))

/** Strict JSON per line, as the CLI's `import` reads an export. */
async function* parsed(lines: ReadonlyArray<string>): AsyncGenerator<unknown> {
  for (const [n, line] of lines.entries()) {
    const r = parseJsonText(line)
    if (r._tag === 'JsonTextError') throw new UnreadableLine(n + 1, r.message)
    yield r.value
  }
}

class UnreadableLine extends Error {
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`)
  }
}

/**
 * `import`: see the module documentation.
 *
 * @example
 * import { importTarget } from '@progress-ledger/fuzz'
 * importTarget.name // 'import'
 */
export const importTarget: FuzzTarget = {
  name: 'import',
  weight: 1,
  inputs: importInputs,
  run: async (world: World, input: FuzzInput) => {
    const plan = JSON.parse(input.text) as Plan
    const records = await world.store.readAll()
    const lines = spoiled(records, plan)
    const target = new InMemoryEventStore({ clock: fixedClock('2030-01-01T00:00:00.000Z') })
    let result
    try {
      result = await target.importLog(parsed(lines), { pageSize: 256 })
    } catch (e) {
      if (!(e instanceof UnreadableLine)) throw e
      if ((await target.headPosition()) !== 0)
        throw new Error('import left events behind after an unreadable line', { cause: e })
      return { _tag: 'Refused', by: 'json', recorded: [] }
    }
    if (result._tag === 'ImportRejected') {
      if ((await target.headPosition()) !== 0)
        throw new Error(`import left events behind after refusing (${result.problem})`)
      return { _tag: 'Refused', by: result.problem, recorded: [] }
    }
    // The hash covers an event's content and its link: same positions, ids and hashes, same log.
    const key = (e: RecordedEvent): string => `${e.position}:${e.id}:${e.hash}`
    const stored = await target.readAll()
    if (plan.spoil === 'none' && stored.map(key).join() !== records.map(key).join())
      throw new Error('an accepted import did not reproduce the export')
    // Nothing was written to the world: its head must not move.
    return { _tag: 'Accepted', events: [] }
  },
}
