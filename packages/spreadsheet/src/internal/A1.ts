// A1-style cell addresses: column letters and 1-based row numbers.

/** The letters of a 1-based column number: 1 → A, 26 → Z, 27 → AA. */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 1)
    throw new Error(`column must be a whole number >= 1, got ${String(column)}`)
  let n = column
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/** The address of a cell from 1-based row and column numbers: (7, 4) → D7. */
export function cellAddress(row: number, column: number): string {
  if (!Number.isInteger(row) || row < 1)
    throw new Error(`row must be a whole number >= 1, got ${String(row)}`)
  return `${columnLetters(column)}${row}`
}
