/**
 * How far apart two spellings are, for "did you mean …?" suggestions: the ids a user mistyped,
 * the fields a command file misspelt.
 *
 * @module EditDistance
 */

/**
 * The edit distance between two strings: the fewest single-character insertions, deletions and
 * substitutions (Levenshtein) that turn `a` into `b`.
 *
 * @example
 * import { editDistance } from '@progress-ledger/core'
 * editDistance('submited', 'submitted') // 1
 * editDistance('hangtia', 'hangtai') // 2
 */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++)
      row.push(
        Math.min(
          (prev[j] as number) + 1,
          (row[j - 1] as number) + 1,
          (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
        ),
      )
    prev = row
  }
  return prev[b.length] as number
}
