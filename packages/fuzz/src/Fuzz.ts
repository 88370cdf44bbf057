/**
 * The fuzz loop: seeded inputs, drawn in chunks, are sent through each target's write path into
 * a world (a real store with the base plan), and three things are counted:
 *
 * - **crashes**: an exception thrown by the write path (parsing, validation, deciding, appending);
 * - **accepted-invalid**: an input accepted although its spoiling guarantees a refusal, or an
 *   appended event that breaks a documented limit or rule (see `Oracle`);
 * - **changes after refusal**: a refused input after which the ledger's head moved, other than by
 *   exactly the audit events the refusal reports, or the event at the old head changed.
 *
 * Worlds are renewed every `worldSize` inputs, alternating between the stores asked for, so that
 * a run of any length stays fast and the input at index `i` meets the same world whenever the run
 * is repeated with the same seed.
 *
 * @module Fuzz
 */
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { apply, ledgerProjection, type LedgerState, showValue } from '@progress-ledger/core'
import type { FuzzInput } from './Inputs'
import { violations } from './Oracle'
import { defaultTargets, type FuzzTarget, type Outcome } from './Targets'
import { openWorld, type StoreKind, type World } from './World'

/** Options of {@link runFuzz}. */
export interface FuzzOptions {
  /** How many inputs to generate and send. */
  readonly inputs: number
  /** The seed every input derives from (print it to reproduce a run). */
  readonly seed: number
  /** The stores the worlds alternate between (default both). */
  readonly stores?: ReadonlyArray<StoreKind>
  /** The SQLite file the SQLite worlds use (default: one in the system's temporary folder). */
  readonly sqlitePath?: string
  /** Inputs per world before it is renewed (default 2000; a multiple of 500). */
  readonly worldSize?: number
  /** Skip the inputs before this index (to reproduce one from a report). */
  readonly from?: number
  readonly targets?: ReadonlyArray<FuzzTarget>
  /** Called after each chunk of 500 inputs with the count so far. */
  readonly progress?: (done: number) => void
}

/** One finding: the input, where it was sent, and what went wrong. */
export interface Finding {
  readonly index: number
  readonly target: string
  readonly store: StoreKind
  readonly kind: string
  readonly problem: string
  /** The input's text, shown escaped and truncated. */
  readonly input: string
}

/** Counts for one target. */
export interface TargetTally {
  inputs: number
  accepted: number
  refused: number
  /** Refusals by where they happened (`json`, `plan`, rule names). */
  readonly refusedBy: Record<string, number>
}

/** What a run found. */
export interface FuzzReport {
  readonly seed: number
  readonly inputs: number
  readonly byTarget: Readonly<Record<string, TargetTally>>
  readonly byStore: Readonly<Record<string, number>>
  readonly crashes: ReadonlyArray<Finding>
  readonly acceptedInvalid: ReadonlyArray<Finding>
  readonly changedAfterRefusal: ReadonlyArray<Finding>
  readonly durationMs: number
}

const CHUNK = 500

/** The head of a store: position and the hash of the event there. */
async function headOf(world: World): Promise<{ position: number; hash: string }> {
  const position = await world.store.headPosition()
  if (position === 0) return { position, hash: '' }
  const [last] = await world.store.readAll({ after: position - 1, limit: 1 })
  return { position, hash: last?.hash ?? '' }
}

/** The problems of an outcome: accepted-invalid or changes after refusal. */
async function judge(
  world: World,
  input: FuzzInput,
  before: { position: number; hash: string },
  state: LedgerState,
  outcome: Outcome,
): Promise<{ acceptedInvalid?: string; changed?: string }> {
  const after = await headOf(world)
  const [atOldHead] =
    before.position === 0 ? [] : await world.store.readAll({ after: before.position - 1, limit: 1 })
  if (before.position > 0 && atOldHead?.hash !== before.hash)
    return { changed: `the event at the old head ${before.position} changed` }
  if (outcome._tag === 'Refused') {
    const added = await world.store.readAll({ after: before.position })
    const recorded = outcome.recorded.map((e) => e.id)
    if (after.position !== before.position + recorded.length)
      return {
        changed: `head moved from ${before.position} to ${after.position} after a refusal by ${outcome.by} (${recorded.length} audit event(s) reported)`,
      }
    if (added.some((e, i) => e.type !== 'AccessDenied' || e.id !== recorded[i]))
      return { changed: `a refusal appended ${added.map((e) => e.type).join(', ')}` }
    return {}
  }
  if (input.mustRefuse !== undefined) return { acceptedInvalid: `accepted ${input.mustRefuse}` }
  const fresh = outcome.events.filter((e) => e.position > before.position)
  if (after.position !== before.position + fresh.length)
    return {
      acceptedInvalid: `head moved by ${after.position - before.position}, not ${fresh.length}`,
    }
  const states: LedgerState[] = []
  let s = state
  for (const e of fresh) {
    states.push(s)
    s = apply(ledgerProjection, s, [e])
  }
  const found = violations(fresh, states, input.actor)
  if (found.length > 0) {
    const v = found[0]
    return { acceptedInvalid: `event ${showValue(v?.eventId)} ${v?.path}: ${v?.problem}` }
  }
  return {}
}

function pick(targets: ReadonlyArray<FuzzTarget>): fc.Arbitrary<FuzzInput> {
  return fc.oneof(...targets.map((t) => ({ arbitrary: t.inputs, weight: t.weight })))
}

/**
 * Runs the harness: generates `inputs` inputs from `seed`, sends each through its target, and
 * reports what it found. Never throws for what an input does (a thrown write path is a crash).
 *
 * @example
 * import { runFuzz } from '@progress-ledger/fuzz'
 * const report = await runFuzz({ inputs: 40, seed: 7, stores: ['memory'], worldSize: 500 })
 * report.inputs // 40
 * report.crashes.length + report.acceptedInvalid.length + report.changedAfterRefusal.length // 0
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const targets = options.targets ?? defaultTargets
  const stores = options.stores ?? ['memory', 'sqlite']
  const worldSize = options.worldSize ?? 2000
  if (!Number.isInteger(options.inputs) || options.inputs < 0)
    throw new Error(`inputs must be a whole number >= 0, got ${String(options.inputs)}`)
  if (!Number.isInteger(worldSize) || worldSize < CHUNK || worldSize % CHUNK !== 0)
    throw new Error(`worldSize must be a multiple of ${CHUNK}, got ${String(worldSize)}`)
  if (stores.length === 0) throw new Error('stores: expected at least one store')
  const sqlitePath =
    options.sqlitePath ?? join(tmpdir(), `progress-ledger-fuzz-${process.pid}.sqlite`)
  const byName = new Map(targets.map((t) => [t.name, t]))
  const arbitrary = pick(targets)
  const byTarget: Record<string, TargetTally> = {}
  for (const t of targets) byTarget[t.name] = { inputs: 0, accepted: 0, refused: 0, refusedBy: {} }
  const byStore: Record<string, number> = {}
  const crashes: Finding[] = []
  const acceptedInvalid: Finding[] = []
  const changedAfterRefusal: Finding[] = []
  const started = performance.now()
  const from = options.from ?? 0
  const end = from + options.inputs
  let world: World | undefined
  let worldIndex = -1
  try {
    for (let chunk = Math.floor(from / CHUNK); chunk * CHUNK < end; chunk++) {
      const batch = fc.sample(arbitrary, { seed: options.seed + chunk, numRuns: CHUNK })
      for (let k = 0; k < CHUNK; k++) {
        const index = chunk * CHUNK + k
        if (index < from || index >= end) continue
        const w = Math.floor(index / worldSize)
        if (world === undefined || w !== worldIndex) {
          await world?.close()
          world = await openWorld(stores[w % stores.length] as StoreKind, sqlitePath)
          worldIndex = w
        }
        const input = batch[k] as FuzzInput
        const target = byName.get(input.target) as FuzzTarget
        const tally = byTarget[target.name] as TargetTally
        tally.inputs++
        byStore[world.kind] = (byStore[world.kind] ?? 0) + 1
        const finding = (problem: string): Finding => ({
          index,
          target: target.name,
          store: (world as World).kind,
          kind: input.kind,
          problem,
          input: showValue(input.text),
        })
        const before = await headOf(world)
        const state = world.state
        let outcome: Outcome
        try {
          outcome = await target.run(world, input, index)
        } catch (e) {
          crashes.push(finding(e instanceof Error ? `${e.name}: ${e.message}` : String(e)))
          // The world may be in any state now: start a fresh one for the next input.
          await world.close()
          world = undefined
          continue
        }
        if (outcome._tag === 'Accepted') tally.accepted++
        else {
          tally.refused++
          tally.refusedBy[outcome.by] = (tally.refusedBy[outcome.by] ?? 0) + 1
        }
        const verdict = await judge(world, input, before, state, outcome)
        if (verdict.acceptedInvalid !== undefined)
          acceptedInvalid.push(finding(verdict.acceptedInvalid))
        if (verdict.changed !== undefined) changedAfterRefusal.push(finding(verdict.changed))
        world.advance(outcome._tag === 'Accepted' ? outcome.events : outcome.recorded)
      }
      options.progress?.(Math.min(end, (chunk + 1) * CHUNK) - from)
    }
  } finally {
    await world?.close()
  }
  return {
    seed: options.seed,
    inputs: options.inputs,
    byTarget,
    byStore,
    crashes,
    acceptedInvalid,
    changedAfterRefusal,
    durationMs: performance.now() - started,
  }
}

/** How many findings a report has (the harness's exit code is 1 when any). */
export function findings(report: FuzzReport): number {
  return report.crashes.length + report.acceptedInvalid.length + report.changedAfterRefusal.length
}
