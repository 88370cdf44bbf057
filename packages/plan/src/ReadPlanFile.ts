/**
 * Node conveniences: read and validate a plan or history document from a file. Kept apart so
 * that the rest of the package has no Node dependency.
 *
 * @module ReadPlanFile
 */
import { readFile } from 'node:fs/promises'
import { type HistoryValidation, loadHistoryDocument } from './History'
import { loadPlanDocument, type PlanValidation } from './PlanValidation'

async function readJson(
  path: string,
): Promise<{ ok: true; json: unknown } | { ok: false; message: string }> {
  const text = await readFile(path, 'utf8')
  try {
    return { ok: true, json: JSON.parse(text) as unknown }
  } catch (e) {
    return {
      ok: false,
      message: `${path}: expected JSON, got a syntax error (${(e as Error).message})`,
    }
  }
}

const invalidJson = (path: string, message: string) =>
  ({
    _tag: 'Invalid',
    issues: [{ path, expected: 'JSON', got: 'a syntax error', message }],
  }) as const

/**
 * Reads and validates a plan document. A missing file rejects (an I/O error); bad JSON and
 * validation problems come back as `Invalid`.
 *
 * @example
 * import { readPlanFile } from '@progress-ledger/plan'
 * const r = await readPlanFile('seeds/shengzhou/plan.json')
 * r._tag // 'Valid'
 */
export async function readPlanFile(path: string): Promise<PlanValidation> {
  const r = await readJson(path)
  return r.ok ? loadPlanDocument(r.json) : invalidJson(path, r.message)
}

/**
 * Reads and validates a history document (e.g. `seeds/shengzhou/railway-history.json`).
 *
 * @example
 * import { readHistoryFile } from '@progress-ledger/plan'
 * const r = await readHistoryFile('seeds/shengzhou/railway-history.json')
 * r._tag // 'Valid'
 */
export async function readHistoryFile(path: string): Promise<HistoryValidation> {
  const r = await readJson(path)
  return r.ok ? loadHistoryDocument(r.json) : invalidJson(path, r.message)
}
