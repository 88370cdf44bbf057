// EntityMap against a native Map as the model: any sequence of sets and deletes, through the
// persistent API or an editor, gives the same entries, iterates in id order, and leaves every
// earlier version unchanged.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EntityMap } from '../src/EntityMap'

type Op =
  | { readonly kind: 'set'; readonly key: string; readonly value: number }
  | {
      readonly kind: 'delete'
      readonly key: string
    }

/** FNV-1a over UTF-16 code units: the published hash, recomputed here to find collisions. */
function fnv1a(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Pairs of distinct keys with the same 32-bit hash (found by the birthday bound). */
const collisions: ReadonlyArray<readonly [string, string]> = (() => {
  const seen = new Map<number, string>()
  const out: Array<readonly [string, string]> = []
  for (let i = 0; out.length < 3 && i < 400_000; i++) {
    const k = `k${i}`
    const h = fnv1a(k)
    const other = seen.get(h)
    if (other !== undefined) out.push([other, k])
    else seen.set(h, k)
  }
  return out
})()

const collidingKeys = collisions.flat()
const key = fc.oneof(
  fc.constantFrom('a', 'b', 'I01', 'I02', 'I10', '', 'é', '指标'),
  fc.string({ maxLength: 4 }),
  fc.constantFrom(...collidingKeys),
)
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('set' as const), key, value: fc.integer() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), key }) },
)

function sortedEntries(m: ReadonlyMap<string, number>): Array<[string, number]> {
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

function expectSame(actual: EntityMap<number>, model: Map<string, number>): void {
  expect(actual.size).toBe(model.size)
  expect([...actual.entries()]).toEqual(sortedEntries(model))
  for (const [k, v] of model) {
    expect(actual.get(k)).toBe(v)
    expect(actual.has(k)).toBe(true)
  }
}

describe('EntityMap', () => {
  it('the test has colliding keys to exercise collision buckets', () => {
    expect(collisions.length).toBeGreaterThanOrEqual(1)
    for (const [a, b] of collisions) expect(fnv1a(a)).toBe(fnv1a(b))
  })

  it('persistent set/delete behave like a Map, iterate in id order, and keep old versions', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const model = new Map<string, number>()
        let m = EntityMap.empty<number>()
        const history: Array<[EntityMap<number>, Array<[string, number]>]> = []
        for (const o of ops) {
          history.push([m, sortedEntries(model)])
          if (o.kind === 'set') {
            model.set(o.key, o.value)
            m = m.set(o.key, o.value)
          } else {
            model.delete(o.key)
            m = m.delete(o.key)
          }
          expectSame(m, model)
        }
        for (const [old, entries] of history) expect([...old.entries()]).toEqual(entries)
      }),
      { numRuns: 300 },
    )
  })

  it('an editor gives the same map as the persistent operations, and leaves its origin unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key, value: fc.integer() }), { maxLength: 40 }),
        fc.array(op, { maxLength: 120 }),
        (start, ops) => {
          const origin = EntityMap.of(start.map((e) => [e.key, e.value] as const))
          const before = [...origin.entries()]
          const model = new Map(start.map((e) => [e.key, e.value]))
          const editor = origin.edit()
          for (const o of ops) {
            if (o.kind === 'set') {
              model.set(o.key, o.value)
              editor.set(o.key, o.value)
            } else expect(editor.delete(o.key)).toBe(model.delete(o.key))
            expect(editor.size).toBe(model.size)
          }
          expectSame(editor.done(), model)
          expect([...origin.entries()]).toEqual(before)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('returns the same map when nothing changes', () => {
    const m = EntityMap.of({ a: 1, b: 2 })
    expect(m.set('a', 1)).toBe(m)
    expect(m.delete('zz')).toBe(m)
    expect(m.edit().done()).toBe(m)
    const e = m.edit()
    e.get('a')
    expect(e.done()).toBe(m)
  })

  it('refuses an editor used after done()', () => {
    const e = EntityMap.empty<number>().edit()
    e.done()
    expect(() => e.set('a', 1)).toThrow('EntityMapEditor: used after done()')
  })

  it('implements ReadonlyMap and writes plain JSON in id order', () => {
    const m: ReadonlyMap<string, number> = EntityMap.of([
      ['b', 2],
      ['a', 1],
    ])
    const seen: string[] = []
    m.forEach((v, k) => seen.push(`${k}=${v}`))
    expect(seen).toEqual(['a=1', 'b=2'])
    expect([...m.keys()]).toEqual(['a', 'b'])
    expect([...m.values()]).toEqual([1, 2])
    expect(JSON.stringify(m)).toBe('{"a":1,"b":2}')
    expect(String(m)).toBe('[object EntityMap]')
  })

  it('rebuilds from JSON, naming the path of a bad value', () => {
    const m = EntityMap.fromJSON({ x: 1, y: 2 }, 'state.indicators', (v) => v as number)
    expect([...m.entries()]).toEqual([
      ['x', 1],
      ['y', 2],
    ])
    expect(() => EntityMap.fromJSON([1], 'state.indicators', (v) => v)).toThrow(
      'state.indicators: expected an object of entities by id, got [1]',
    )
  })

  it('holds many entries (deep tries) like a Map', () => {
    const editor = EntityMap.empty<number>().edit()
    const model = new Map<string, number>()
    for (let i = 0; i < 20_000; i++) {
      editor.set(`indicator-${i}`, i)
      model.set(`indicator-${i}`, i)
    }
    for (let i = 0; i < 20_000; i += 3) {
      editor.delete(`indicator-${i}`)
      model.delete(`indicator-${i}`)
    }
    expectSame(editor.done(), model)
  })
})
