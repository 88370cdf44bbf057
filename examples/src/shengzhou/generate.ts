// Builds the illustrative history from the seed (plan imported, nothing illustrative yet).
import { InMemoryEventStore, manualClock } from '@progress-ledger/core'
import { type IllustrativeHistory, illustrativeHistory } from './illustrative'
import { replayShengzhou } from './replay'
import { loadPlan } from './seeds'

/** The illustrative history as `seeds/shengzhou/illustrative-history.json` holds it. */
export async function generateIllustrative(): Promise<IllustrativeHistory> {
  const clock = manualClock('2016-01-01')
  const store = new InMemoryEventStore({ clock })
  const { state } = await replayShengzhou(store, clock)
  return illustrativeHistory(state, loadPlan().plan.id)
}

/** The file's text: stable JSON, one batch per line group. */
export function illustrativeText(history: IllustrativeHistory): string {
  return `${JSON.stringify(history, null, 1)}\n`
}
