/**
 * How people name a project on the command line: by its id, in any case; an unknown id gets the
 * closest known ids as a suggestion (`hangtia` → did you mean `hangtai`?).
 *
 * @module ProjectRef
 */
import { editDistance } from '@progress-ledger/core'

/** The outcome of {@link resolveProject}. */
export type ProjectResolution =
  | { readonly _tag: 'Found'; readonly id: string }
  | { readonly _tag: 'NotFound'; readonly ref: string; readonly suggestions: ReadonlyArray<string> }

/** Ids suggested for one that is not found, at most. */
const SUGGESTED = 5

/**
 * Finds the project a user means: the id exactly, else the id in any case; otherwise suggests
 * the known ids that contain what was typed (three characters or more), then those within a
 * third of its length in edits (at least 2): the closest only, at most five.
 *
 * @example
 * import { resolveProject } from '@progress-ledger/cli'
 * resolveProject('HANGTAI', ['F01', 'hangtai']) // { _tag: 'Found', id: 'hangtai' }
 * resolveProject('hangtia', ['F01', 'hangtai']) // { _tag: 'NotFound', ref: 'hangtia', suggestions: ['hangtai'] }
 * resolveProject('metro', ['F01', 'hangtai']) // { _tag: 'NotFound', ref: 'metro', suggestions: [] }
 * resolveProject('hangtai', ['F01', 'hangtai-hsr-shengzhou']).suggestions // ['hangtai-hsr-shengzhou']
 * resolveProject('F011', ['F01', 'F02', 'F11', 'F12']).suggestions // ['F01', 'F11']
 */
export function resolveProject(ref: string, ids: ReadonlyArray<string>): ProjectResolution {
  if (ids.includes(ref)) return { _tag: 'Found', id: ref }
  const lower = ref.trim().toLowerCase()
  const byCase = ids.filter((id) => id.toLowerCase() === lower)
  if (byCase.length === 1) return { _tag: 'Found', id: byCase[0] as string }
  const limit = Math.max(2, Math.floor(lower.length / 3))
  // An id containing what was typed (`hangtai` in `hangtai-hsr-shengzhou`) comes first.
  const suggestions = ids
    .map((id) => ({
      id,
      d:
        lower.length >= 3 && id.toLowerCase().includes(lower)
          ? 0
          : editDistance(lower, id.toLowerCase()),
    }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  // The nearest only (`F011`: F01 and F11, not every F0x at two edits), at most five.
  const nearest = suggestions[0]?.d
  return {
    _tag: 'NotFound',
    ref,
    suggestions: suggestions
      .filter((x) => x.d === nearest)
      .slice(0, SUGGESTED)
      .map((x) => x.id),
  }
}
