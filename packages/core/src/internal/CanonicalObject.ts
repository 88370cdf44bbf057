/**
 * Canonical JSON of a plain object (keys sorted, `undefined` values left out), written by a
 * function compiled once per key list. Events of one type are built the same way, so their data
 * objects come with the same keys in the same order: for such a list the sorted order, each key's
 * JSON text and the reads of fixed property names are settled once, instead of sorting and
 * escaping every key of every object on the write path.
 *
 * The result is exactly the generic writer's for any object: a writer is chosen by the object's
 * own enumerable keys (`Object.keys`, what the generic writer walks), compared key by key with
 * the list it was compiled for, and reads only those keys.
 *
 * @module internal/CanonicalObject
 */
import { compiled } from './Compile'
import { jsonString } from './JsonString'

type Write = (record: Record<string, unknown>) => string
type Value = (v: unknown) => string

interface Shape {
  readonly keys: ReadonlyArray<string>
  readonly write: Write
}

/** Key lists compiled, at most; past this, objects of new lists take the generic path. */
const MAX_SHAPES = 512
/** Key lists longer than this take the generic path (a map of ids, not a record). */
const MAX_KEYS = 32

/** Shapes by their first key (then compared in full). */
const shapes = new Map<string, Shape[]>()
let count = 0

/** The generic writer: sort the keys (when not sorted already), write each defined value. */
function writeGeneric(record: Record<string, unknown>, keys: string[], value: Value): string {
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      keys.sort()
      break
    }
  }
  let out = '{'
  let first = true
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string
    const v = record[key]
    if (v === undefined) continue
    out += `${first ? '' : ','}${jsonString(key)}:${value(v)}`
    first = false
  }
  return `${out}}`
}

function compileShape(keys: ReadonlyArray<string>, value: Value): Write {
  // Canonical order: UTF-16 code units, as `Array.prototype.sort` gives.
  const order = [...keys].sort()
  // Property names and their JSON texts enter the code as JSON string literals only.
  const lines = order.map(
    (k) =>
      `v = r[${JSON.stringify(k)}]; if (v !== undefined) { o += (o.length === 1 ? ${JSON.stringify(`${jsonString(k)}:`)} : ${JSON.stringify(`,${jsonString(k)}:`)}) + (typeof v === 'string' ? str(v) : value(v)) }`,
  )
  return compiled<Write>(
    { str: jsonString, value },
    `return function canonicalShape(r) {\n  let o = '{'\n  let v\n  ${lines.join('\n  ')}\n  return o + '}'\n}`,
    () => (r) => writeGeneric(r, [...order], value),
  )
}

function sameKeys(a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * The canonical JSON text of a plain object, its values written by `value` (the canonical
 * writer of any JSON value).
 */
export function canonicalObjectText(record: Record<string, unknown>, value: Value): string {
  const keys = Object.keys(record)
  const first = keys[0]
  if (first === undefined) return '{}'
  if (keys.length > MAX_KEYS) return writeGeneric(record, keys, value)
  const known = shapes.get(first)
  if (known !== undefined)
    for (let i = 0; i < known.length; i++) {
      const s = known[i] as Shape
      if (sameKeys(s.keys, keys)) return s.write(record)
    }
  if (count >= MAX_SHAPES) return writeGeneric(record, keys, value)
  const shape: Shape = { keys, write: compileShape(keys, value) }
  count++
  if (known === undefined) shapes.set(first, [shape])
  else known.push(shape)
  return shape.write(record)
}
