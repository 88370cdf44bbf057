// The image keeps each scalar column in a typed buffer while its values are of one kind and falls
// back to plain values when a column mixes kinds: whatever the mix and its order, a value comes
// back as it went in.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileCodec } from '../src/internal/ShapeCodec'
import { shape } from '../src/internal/Shape'

interface Cell {
  readonly v: number | string | boolean | null
  readonly d: unknown
}
interface Sheet {
  readonly cells: ReadonlyArray<Cell>
}
const sheetShape = shape.node<Sheet>(
  'Sheet',
  { kind: 'always' },
  {
    cells: shape.versions(
      shape.node<Cell>('Cell', { kind: 'always' }, { v: shape.scalar, d: shape.data }),
    ),
  },
)
const codec = compileCodec(sheetShape)

const scalar = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
)
const data = fc.oneof(
  fc.constant(null),
  fc.dictionary(fc.string(), fc.string()),
  fc.array(fc.integer()),
)

describe('the columnar image', () => {
  it('round-trips columns of any mix of numbers, strings, booleans and nulls', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ v: scalar, d: data }), { maxLength: 60 }), (cells) => {
        const back = codec.decode(codec.encode({ cells })) as Sheet
        expect(back.cells).toEqual(cells.map((c) => ({ v: Object.is(c.v, -0) ? 0 : c.v, d: c.d })))
      }),
      { numRuns: 1000 },
    )
  })

  it('stores a column of one kind in its typed form: a string column or a data column costs 4 bytes a row', () => {
    const strings = Array.from({ length: 1000 }, () => ({ v: 'same', d: null }))
    const mixed = strings.map((c, i) => (i === 999 ? { v: 1, d: null } : c))
    const typed = codec.encode({ cells: strings }).byteLength
    // 1,000 rows × (4 bytes of string reference + 4 of data reference), a header and the table.
    expect(typed).toBeLessThan(1000 * 8 + 500)
    // One number among strings: the column is kept as JSON values instead.
    expect(codec.encode({ cells: mixed }).byteLength).toBeGreaterThan(typed)
    expect((codec.decode(codec.encode({ cells: mixed })) as Sheet).cells[999]).toEqual({
      v: 1,
      d: null,
    })
  })
})
