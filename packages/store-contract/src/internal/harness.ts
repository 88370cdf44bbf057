// Opening and closing stores around a test, with a manual clock the test controls.
import {
  type AppendResult,
  type Appended,
  type ChainKey,
  type ManualClock,
  manualClock,
} from '@progress-ledger/core'
import type { OpenStore, OpenedStore } from '../Contract'

export const START = '2022-01-08T00:00:00.000Z'

/** A store and its clock for one test. */
export interface Harness extends OpenedStore {
  readonly clock: ManualClock
}

/** Opens a fresh store, runs `body`, and always closes it. */
export async function withStore<A>(
  open: OpenStore,
  body: (h: Harness) => Promise<A>,
  chainKey?: ChainKey,
): Promise<A> {
  const clock = manualClock(START)
  const opened = await open(chainKey === undefined ? { clock } : { clock, chainKey })
  try {
    return await body({ ...opened, clock })
  } finally {
    await opened.close()
  }
}

/** Narrows an append result to `Appended`, failing with the result otherwise. */
export function appended(r: AppendResult): Appended {
  if (r._tag !== 'Appended') throw new Error(`expected Appended, got ${JSON.stringify(r)}`)
  return r
}
