// Loading the Shengzhou seed: the plan document, the railway chronicle and the 2021 chronicles,
// each validated by the plan package, and the illustrative history file.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  type HistoryDocument,
  loadHistoryDocument,
  loadPlanDocument,
  type PlanDocument,
} from '@progress-ledger/plan'
import type { IllustrativeHistory } from './illustrative'

/** The repository's `seeds/shengzhou` folder. */
export const seedDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'seeds',
  'shengzhou',
)

function json(name: string): unknown {
  return JSON.parse(readFileSync(join(seedDir, name), 'utf8')) as unknown
}

/** The plan document, validated (throws listing every problem if the seed is broken). */
export function loadPlan(): PlanDocument {
  const r = loadPlanDocument(json('plan.json'))
  if (r._tag === 'Invalid')
    throw new Error(
      `seeds/shengzhou/plan.json is invalid:\n${r.issues.map((i) => i.message).join('\n')}`,
    )
  return r.document
}

/** A history document of the seed (`railway-history.json` or `chronicles.json`), validated. */
export function loadHistory(name: 'railway-history.json' | 'chronicles.json'): HistoryDocument {
  const r = loadHistoryDocument(json(name))
  if (r._tag === 'Invalid')
    throw new Error(
      `seeds/shengzhou/${name} is invalid:\n${r.issues.map((i) => i.message).join('\n')}`,
    )
  return r.document
}

/** The illustrative history (not official statistics), as generated into the seed folder. */
export function loadIllustrative(): IllustrativeHistory {
  return json('illustrative-history.json') as IllustrativeHistory
}

/** The id of the railway project in the plan. */
export const RAILWAY = 'hangtai-hsr-shengzhou'
