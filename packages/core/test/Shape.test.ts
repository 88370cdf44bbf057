// Everything that walks a state by its shape is derived from a declaration: a toy state declared
// with the same vocabulary as `ledgerShape` gets a freeze, an as-of view, a revival from JSON and
// a binary image without a line of code of its own. (docs/extending.md walks through adding an
// entity kind to the ledger the same way.)
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ChunkList, EntityMap } from '../src/collections'
import type { PeriodKey } from '../src/Period'
import type { Stamp } from '../src/State'
import { compileFreeze } from '../src/internal/ShapeFreeze'
import { compileRevive } from '../src/internal/ShapeRevive'
import { compileView } from '../src/internal/ShapeView'
import { compileCodec } from '../src/internal/ShapeCodec'
import { describeShape, shape } from '../src/internal/Shape'

interface Loan extends Stamp {
  readonly borrower: string
}
interface Reading {
  readonly period: PeriodKey
  readonly loans: ReadonlyArray<Loan>
}
interface Chapter extends Stamp {
  readonly title: { readonly zh: string }
}
interface Book extends Stamp {
  readonly bookId: string
  readonly chapters: Readonly<Record<string, Chapter>>
  readonly chapterOrder: ReadonlyArray<string>
  readonly readings: ChunkList<Reading>
}
interface Shelf {
  readonly books: EntityMap<Book>
}

const stamp = {
  eventId: shape.scalar,
  position: shape.scalar,
  validTime: shape.scalar,
  recordedTime: shape.scalar,
  actor: shape.scalar,
} as const
const loan = shape.node<Loan>('Loan', { kind: 'stamp' }, { ...stamp, borrower: shape.scalar })
const shelfShape = shape.node<Shelf>(
  'Shelf',
  { kind: 'always' },
  {
    books: shape.entities(
      shape.node<Book>(
        'Book',
        { kind: 'stamp' },
        {
          ...stamp,
          bookId: shape.scalar,
          chapters: shape.dict(
            shape.node<Chapter>('Chapter', { kind: 'stamp' }, { ...stamp, title: shape.data }),
          ),
          chapterOrder: shape.order('chapters'),
          readings: shape.periods(
            shape.node<Reading>(
              'Reading',
              { kind: 'any', of: ['loans'] },
              { period: shape.scalar, loans: shape.versions(loan) },
            ),
          ),
        },
      ),
    ),
  },
)

const s = (position: number, day: string): Stamp => ({
  eventId: `e${position}`,
  position,
  validTime: day as Stamp['validTime'],
  recordedTime: `${day}T00:00:00.000Z` as Stamp['recordedTime'],
  actor: 'librarian',
})

function shelf(): Shelf {
  const book: Book = {
    ...s(1, '2021-01-01'),
    bookId: 'b1',
    chapters: {
      c1: { ...s(2, '2021-01-02'), title: { zh: '一' } },
      c2: { ...s(5, '2022-03-01'), title: { zh: '二' } },
    },
    chapterOrder: ['c1', 'c2'],
    readings: ChunkList.of<Reading>([
      { period: '2021' as PeriodKey, loans: [{ ...s(3, '2021-02-01'), borrower: 'a' }] },
      { period: '2022' as PeriodKey, loans: [{ ...s(6, '2022-02-01'), borrower: 'b' }] },
    ]),
  }
  return { books: EntityMap.of({ b1: book }) }
}

const byValidTime = (day: string) => {
  const v = day as Stamp['validTime']
  return {
    visible: (x: Stamp) => x.validTime <= v,
    bounds: { position: undefined, recordedTime: undefined, validTime: day },
  }
}

describe('a toy state declared with the shape vocabulary', () => {
  it('is frozen all the way down by the derived freezer', () => {
    const x = shelf()
    compileFreeze(shelfShape)?.(x)
    const book = x.books.get('b1') as Book
    expect(Object.isFrozen(book)).toBe(true)
    expect(Object.isFrozen(book.chapters.c1?.title)).toBe(true)
    expect(Object.isFrozen(book.readings.get(0)?.loans[0])).toBe(true)
    expect(Object.isFrozen(book.chapterOrder)).toBe(true)
  })

  it('is viewed as of a date by the derived view: invisible versions, entries and orders dropped', () => {
    const x = shelf()
    compileFreeze(shelfShape)?.(x)
    const view = compileView(shelfShape)?.(x, byValidTime('2021-12-31')) as Shelf
    const book = view.books.get('b1') as Book
    expect(Object.keys(book.chapters)).toEqual(['c1'])
    expect(book.chapterOrder).toEqual(['c1'])
    expect(book.readings.toArray().map((r) => r.period)).toEqual(['2021'])
    expect(compileView(shelfShape)?.(x, byValidTime('2020-12-31'))).toMatchObject({})
    expect((compileView(shelfShape)?.(x, byValidTime('2020-12-31')) as Shelf).books.size).toBe(0)
    // Nothing filtered: the very same object.
    expect(compileView(shelfShape)?.(x, byValidTime('2030-01-01'))).toBe(x)
  })

  it('is rebuilt from its JSON by the derived revival, naming the path of a wrong container', () => {
    const x = shelf()
    const back = compileRevive(shelfShape, 'shelf')(JSON.parse(JSON.stringify(x))) as Shelf
    expect(back.books.get('b1')?.readings).toBeInstanceOf(ChunkList)
    expect(JSON.stringify(back)).toBe(JSON.stringify(x))
    expect(() =>
      compileRevive(
        shelfShape,
        'shelf',
      )({ books: { b1: { ...JSON.parse(JSON.stringify(x)).books.b1, readings: {} } } }),
    ).toThrow('shelf.books.b1.readings: expected an array, got {}')
  })

  it('round-trips through the derived binary image', () => {
    const x = shelf()
    const codec = compileCodec(shelfShape)
    const back = codec.decode(codec.encode(x)) as Shelf
    expect(JSON.stringify(back)).toBe(JSON.stringify(x))
    expect(() => codec.decode(codec.encode(x).subarray(0, 40))).toThrow(
      /truncated or corrupt|unreadable/,
    )
  })

  it('round-trips any strings, ASCII or not, and the summaries of full chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { minLength: 1, maxLength: 90 }),
        (names) => {
          const x = shelf()
          const book = x.books.get('b1') as Book
          const readings = ChunkList.of<Reading>(
            names.map((name, i) => ({
              period: String(2000 + i) as PeriodKey,
              loans: [{ ...s(10 + i, '2023-01-01'), borrower: name }],
            })),
          )
          const chapters = {
            ...book.chapters,
            c3: { ...s(9, '2023-01-01'), title: { zh: names[0] as string } },
          }
          const y: Shelf = { books: EntityMap.of({ b1: { ...book, readings, chapters } }) }
          const codec = compileCodec(shelfShape)
          const back = codec.decode(codec.encode(y)) as Shelf
          expect(JSON.stringify(back)).toBe(JSON.stringify(y))
          const restored = (back.books.get('b1') as Book).readings
          expect(restored.remembersChunks).toBe(names.length >= 32)
        },
      ),
      { numRuns: 100 },
    )
  })

  it('has a fingerprint that changes with the declaration', () => {
    const changed = shape.node<{ readonly other: string }>(
      'Shelf',
      { kind: 'always' },
      { other: shape.scalar },
    )
    expect(describeShape(shelfShape)).not.toBe(describeShape(changed))
    expect(describeShape(shelfShape)).toContain('readings:periods(Reading[any:loans]')
  })
})

describe('the declaration is checked against the types', () => {
  it('refuses a node shape that leaves a field undescribed or gives it the wrong kind', () => {
    interface Two {
      readonly a: string
      readonly list: ReadonlyArray<Loan>
    }
    // @ts-expect-error: `list` is not described
    shape.node<Two>('Two', { kind: 'always' }, { a: shape.scalar })
    // @ts-expect-error: a list of stamped versions is not a scalar
    shape.node<Two>('Two', { kind: 'always' }, { a: shape.scalar, list: shape.scalar })
    const ok = shape.node<Two>(
      'Two',
      { kind: 'always' },
      { a: shape.scalar, list: shape.versions(loan) },
    )
    expect(describeShape(ok)).toBe(
      'Two[always]{a:scalar,list:versions(Loan[stamp]{eventId:scalar,position:scalar,validTime:scalar,recordedTime:scalar,actor:scalar,borrower:scalar})}',
    )
  })
})
