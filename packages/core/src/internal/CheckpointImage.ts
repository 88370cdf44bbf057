/**
 * The bytes of a ledger checkpoint: a directory (JSON), then the columnar image of a state
 * (internal/ShapeCodec). A checkpoint stored in parts (see CheckpointParts) has one image per
 * plan — the indicators, tasks and projects defined in it alone — and an index image holding
 * everything else (every plan, departments, entities of no single plan, the audit and
 * unattached lists) whose directory names the parts and the entities each holds. The plans
 * themselves are small and always in the index, so a state restored from the index alone knows
 * every plan the ledger holds.
 *
 * Layout: `u32` (little-endian) byte length of the directory, the directory as UTF-8 JSON, zero
 * bytes up to a multiple of 8 (the columnar image is read through typed views), the image.
 *
 * @module internal/CheckpointImage
 */
import type { StoredCheckpoint } from '../Checkpoint'
import { EntityMap } from '../EntityMap'
import { type LedgerState, ledgerShape } from '../State'
import { compileCodec, jsonAt } from './ShapeCodec'

/** One part of a checkpoint stored in parts: the entities defined in one plan alone. */
export interface CheckpointPart {
  /** The plan's id. */
  readonly plan: string
  /** The name the part is stored under. */
  readonly name: string
  /** The byte length of the part's image (a part of another length is not this one). */
  readonly bytes: number
  readonly indicators: ReadonlyArray<string>
  readonly tasks: ReadonlyArray<string>
  readonly projects: ReadonlyArray<string>
}

/** What an image holds besides its state: the parts stored beside it (none: self-contained). */
export interface CheckpointDirectory {
  readonly parts: ReadonlyArray<CheckpointPart>
}

const codec = compileCodec(ledgerShape)

/** The image of a state with its directory. */
export function writeImage(state: LedgerState, directory: CheckpointDirectory): Uint8Array {
  const dir = Buffer.from(JSON.stringify(directory), 'utf8')
  const at = (4 + dir.byteLength + 7) & ~7
  const body = codec.encode(state)
  const out = new Uint8Array(at + body.byteLength)
  new DataView(out.buffer).setUint32(0, dir.byteLength, true)
  out.set(dir, 4)
  out.set(body, at)
  return out
}

/** The directory and state of an image (the state owned by the caller); throws a clear Error. */
function readImage(image: Uint8Array): {
  readonly directory: CheckpointDirectory
  readonly state: LedgerState
} {
  if (image.byteLength < 4)
    throw new Error('checkpoint: expected a checkpoint image, got other bytes')
  const length = new DataView(image.buffer, image.byteOffset, image.byteLength).getUint32(0, true)
  const at = (4 + length + 7) & ~7
  if (at > image.byteLength) throw new Error('checkpoint: corrupt image (truncated directory)')
  const directory = jsonAt(image, 4, length, 'directory') as CheckpointDirectory
  if (!Array.isArray(directory?.parts))
    throw new Error('checkpoint: corrupt image (a directory without parts)')
  const state = codec.decode(image.subarray(at)) as LedgerState
  return { directory, state }
}

/** A stored checkpoint read: its directory and state, or why it cannot be used. */
export type StoredRead =
  | { readonly _tag: 'Read'; readonly directory: CheckpointDirectory; readonly state: LedgerState }
  | { readonly _tag: 'Unusable'; readonly reason: string }

/**
 * Reads a stored checkpoint written in `format`: unusable when it has another format, its image
 * does not decode, or the image holds another position or head than the checkpoint claims.
 * Reasons begin with `label` (default: `checkpoint at position N`).
 */
export function readStored(
  cp: StoredCheckpoint,
  format: string,
  label = `checkpoint at position ${cp.position}`,
): StoredRead {
  const unusable = (reason: string): StoredRead => ({ _tag: 'Unusable', reason })
  if (cp.format !== format)
    return unusable(
      `${label} has format ${JSON.stringify(cp.format)}, this library writes ${JSON.stringify(format)}`,
    )
  let read: ReturnType<typeof readImage>
  try {
    read = readImage(cp.image)
  } catch (e) {
    return unusable(`${label}: ${(e as Error).message.replace(/^checkpoint: /, '')}`)
  }
  if (read.state.position !== cp.position)
    return unusable(`${label}: its image holds position ${read.state.position}`)
  if (read.state.head !== cp.head)
    return unusable(
      `${label}: its image was built up to hash ${abbreviated(read.state.head)}, the checkpoint names ${abbreviated(cp.head)}`,
    )
  return { _tag: 'Read', ...read }
}

/** A hash as notes show it: its first 12 characters, quoted (`""` for none). */
function abbreviated(hash: string): string {
  return JSON.stringify(hash.length > 12 ? `${hash.slice(0, 12)}…` : hash)
}

/** The plan an entity belongs to alone, if one. */
function soleOwner(
  plans: ReadonlySet<string>,
  ids: ReadonlyArray<string | undefined>,
): string | undefined {
  const first = ids[0]
  if (first === undefined || !plans.has(first)) return undefined
  for (const id of ids) if (id !== first) return undefined
  return first
}

/** A state with the given entities and nothing else (no lists, the same position and head). */
function subState(
  state: LedgerState,
  pick: {
    readonly plans: LedgerState['plans']
    readonly departments?: LedgerState['departments']
    readonly indicators: LedgerState['indicators']
    readonly tasks: LedgerState['tasks']
    readonly projects: LedgerState['projects']
    readonly lists: boolean
  },
): LedgerState {
  return {
    position: state.position,
    head: state.head,
    plans: pick.plans,
    departments: pick.departments ?? EntityMap.empty(),
    indicators: pick.indicators,
    projects: pick.projects,
    tasks: pick.tasks,
    denied: pick.lists ? state.denied : [],
    unattached: pick.lists ? state.unattached : [],
  }
}

/**
 * Splits a state into one part per adopted plan and the rest. An indicator belongs to a plan
 * when every version of its definition names that plan; a task or project when its definition
 * does; anything else (the plans themselves, departments, a project of no plan, an entity whose
 * definitions name several plans or a plan never adopted) stays with the rest.
 */
export function partition(
  state: LedgerState,
  nameOf: (plan: string) => string,
): {
  readonly rest: LedgerState
  readonly parts: ReadonlyArray<{
    readonly state: LedgerState
    readonly part: Omit<CheckpointPart, 'bytes'>
  }>
} {
  const plans = new Set(state.plans.keys())
  type Bucket = { indicators: string[]; tasks: string[]; projects: string[] }
  const buckets = new Map<string, Bucket>()
  for (const p of plans) buckets.set(p, { indicators: [], tasks: [], projects: [] })
  const rest = {
    indicators: state.indicators.edit(),
    tasks: state.tasks.edit(),
    projects: state.projects.edit(),
  }
  state.indicators.each((ind, id) => {
    const owner = soleOwner(
      plans,
      ind.definitions.map((d) => d.definition.planId),
    )
    if (owner === undefined) return
    buckets.get(owner)?.indicators.push(id)
    rest.indicators.delete(id)
  })
  state.tasks.each((task, id) => {
    const owner = soleOwner(plans, [task.definition.planId])
    if (owner === undefined) return
    buckets.get(owner)?.tasks.push(id)
    rest.tasks.delete(id)
  })
  state.projects.each((project, id) => {
    const owner = soleOwner(plans, [project.definition.planId])
    if (owner === undefined) return
    buckets.get(owner)?.projects.push(id)
    rest.projects.delete(id)
  })
  const pickFrom = <V>(map: EntityMap<V>, ids: ReadonlyArray<string>): EntityMap<V> =>
    EntityMap.of(ids.map((id) => [id, map.get(id) as V] as const))
  const parts = [...buckets].map(([plan, b]) => ({
    part: {
      plan,
      name: nameOf(plan),
      indicators: b.indicators,
      tasks: b.tasks,
      projects: b.projects,
    },
    state: subState(state, {
      plans: EntityMap.empty(),
      indicators: pickFrom(state.indicators, b.indicators),
      tasks: pickFrom(state.tasks, b.tasks),
      projects: pickFrom(state.projects, b.projects),
      lists: false,
    }),
  }))
  return {
    rest: subState(state, {
      plans: state.plans,
      departments: state.departments,
      indicators: rest.indicators.done(),
      tasks: rest.tasks.done(),
      projects: rest.projects.done(),
      lists: true,
    }),
    parts,
  }
}

/** `into` (owned) with the entities of `parts` added: the state the parts were split from. */
export function merge(into: LedgerState, parts: ReadonlyArray<LedgerState>): LedgerState {
  const plans = into.plans.edit()
  const indicators = into.indicators.edit()
  const tasks = into.tasks.edit()
  const projects = into.projects.edit()
  for (const p of parts) {
    p.plans.each((v, k) => plans.set(k, v))
    p.indicators.each((v, k) => indicators.set(k, v))
    p.tasks.each((v, k) => tasks.set(k, v))
    p.projects.each((v, k) => projects.set(k, v))
  }
  return {
    ...into,
    plans: plans.done(),
    indicators: indicators.done(),
    tasks: tasks.done(),
    projects: projects.done(),
  }
}
