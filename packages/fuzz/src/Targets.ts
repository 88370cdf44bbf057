/**
 * What the harness drives: a target takes a generated input to a world and says what the write
 * path did with it. `append` is the CLI's append at library level (JSON lines read by core's
 * strict reader, then `handleAll`); `import-plan` reads a plan document the same way, validates
 * it (`loadPlanDocument`) and imports it through the deciders (`importPlan`).
 *
 * The stores' atomic `import` of an exported ledger is the third (see `ImportTarget`).
 *
 * @module Targets
 */
import type fc from 'fast-check'
import { parseJsonText, type RecordedEvent } from '@progress-ledger/core'
import { handleAll, importPlan } from '@progress-ledger/commands'
import { loadPlanDocument } from '@progress-ledger/plan'
import { importTarget } from './ImportTarget'
import { appendInputs, type FuzzInput, planInputs, skipped } from './Inputs'
import { contextFor, type World } from './World'

/** What the write path did with an input. */
export type Outcome =
  | {
      readonly _tag: 'Accepted'
      /** The events the store reports for the write (earlier copies for a retry included). */
      readonly events: ReadonlyArray<RecordedEvent>
    }
  | {
      readonly _tag: 'Refused'
      /** Where it was refused: `json`, `plan`, or the deciders' rule names. */
      readonly by: string
      /** The audit events recorded for the refusal (`recordDenied`). */
      readonly recorded: ReadonlyArray<RecordedEvent>
    }

/** A write path the harness drives. */
export interface FuzzTarget {
  readonly name: string
  /** How often its inputs are drawn, relative to the other targets'. */
  readonly weight: number
  readonly inputs: fc.Arbitrary<FuzzInput>
  /** Sends one input through the write path into the world's store. */
  readonly run: (world: World, input: FuzzInput, index: number) => Promise<Outcome>
}

/** JSONL as the CLI reads it: blank lines and `#` or `//` comments skipped, each line strictly. */
function readLines(text: string): { values: unknown[] } | { refused: string } {
  const values: unknown[] = []
  for (const line of text.split('\n')) {
    if (skipped(line)) continue
    const r = parseJsonText(line)
    if (r._tag === 'JsonTextError') return { refused: 'json' }
    values.push(r.value)
  }
  return { values }
}

/**
 * `append`: each line read strictly, then `handleAll` against the world's state.
 *
 * @example
 * import { appendTarget } from '@progress-ledger/fuzz'
 * appendTarget.name // 'append'
 */
export const appendTarget: FuzzTarget = {
  name: 'append',
  weight: 3,
  inputs: appendInputs,
  run: async (world, input, index) => {
    const read = readLines(input.text)
    if ('refused' in read) return { _tag: 'Refused', by: read.refused, recorded: [] }
    const r = await handleAll(world.store, read.values, contextFor(input.actor, `fuzz-${index}`), {
      state: world.state,
      recordDenied: input.recordDenied,
    })
    switch (r._tag) {
      case 'Appended':
        return { _tag: 'Accepted', events: r.events }
      case 'BatchRejected':
        return {
          _tag: 'Refused',
          by: [...new Set(r.rejections.map((x) => x.rejection.rule))].sort().join(','),
          recorded: r.recorded,
        }
      default:
        return { _tag: 'Refused', by: r._tag, recorded: [] }
    }
  },
}

/**
 * `import-plan`: the document read strictly, validated, then imported through the deciders.
 *
 * @example
 * import { importPlanTarget } from '@progress-ledger/fuzz'
 * importPlanTarget.name // 'import-plan'
 */
export const importPlanTarget: FuzzTarget = {
  name: 'import-plan',
  weight: 1,
  inputs: planInputs,
  run: async (world, input, index) => {
    const json = parseJsonText(input.text)
    if (json._tag === 'JsonTextError') return { _tag: 'Refused', by: 'json', recorded: [] }
    const loaded = loadPlanDocument(json.value)
    if (loaded._tag === 'Invalid') return { _tag: 'Refused', by: 'plan', recorded: [] }
    const r = await importPlan(
      world.store,
      loaded.document.plan,
      contextFor(input.actor, `fuzz-${index}`),
      { state: world.state, recordDenied: input.recordDenied },
    )
    switch (r._tag) {
      case 'Appended':
        return { _tag: 'Accepted', events: r.events }
      case 'PlanRejected':
        return {
          _tag: 'Refused',
          by: [...new Set(r.rejections.map((x) => x.rule))].sort().join(','),
          recorded: r.recorded,
        }
      default:
        return { _tag: 'Refused', by: r._tag, recorded: [] }
    }
  },
}

/** The targets `pnpm fuzz` drives. */
export const defaultTargets: ReadonlyArray<FuzzTarget> = [
  appendTarget,
  importPlanTarget,
  importTarget,
]
