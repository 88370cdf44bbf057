// ChunkList against a plain array as the model: any sequence of pushes, sets and insertions,
// with no owner, with a draft's owner set, or owned outright, gives the model's items, and never
// changes a version that the writer did not own.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ChunkList, OwnedNodes, type ListOwner } from '../src/ChunkList'

type Op =
  | { readonly kind: 'push'; readonly value: number }
  | { readonly kind: 'set'; readonly at: number; readonly value: number }
  | { readonly kind: 'insert'; readonly at: number; readonly value: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('push' as const), value: fc.integer() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      value: fc.integer(),
    }),
  },
)

function run(
  list: ChunkList<number>,
  model: number[],
  o: Op,
  owner?: ListOwner,
): ChunkList<number> {
  if (o.kind === 'push') {
    model.push(o.value)
    return list.push(o.value, owner)
  }
  if (model.length === 0) return list
  if (o.kind === 'set') {
    const at = o.at % model.length
    model[at] = o.value
    return list.set(at, o.value, owner)
  }
  const at = o.at % (model.length + 1)
  model.splice(at, 0, o.value)
  return list.insert(at, o.value, owner)
}

describe('ChunkList', () => {
  it('persistent writes behave like an array and leave every earlier version unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 100 }),
        fc.array(op, { maxLength: 150 }),
        (start, ops) => {
          const model = [...start]
          let list = ChunkList.of(start)
          const history: Array<[ChunkList<number>, number[]]> = []
          for (const o of ops) {
            history.push([list, [...model]])
            list = run(list, model, o)
            expect(list.toArray()).toEqual(model)
            expect(list.length).toBe(model.length)
          }
          for (const [old, items] of history) expect([...old]).toEqual(items)
          for (let i = 0; i < model.length; i++) expect(list.get(i)).toBe(model[i])
          expect(list.get(model.length)).toBeUndefined()
          expect(list.at(-1)).toBe(model.at(-1))
        },
      ),
      { numRuns: 300 },
    )
  })

  it("a draft's owner set changes in place only what it made; the original stays as it was", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 100 }),
        fc.array(op, { maxLength: 150 }),
        (start, ops) => {
          const original = ChunkList.of(start)
          const owner = new OwnedNodes()
          const model = [...start]
          let list = original
          for (const o of ops) list = run(list, model, o, owner)
          expect(list.toArray()).toEqual(model)
          expect(original.toArray()).toEqual(start)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('OwnedNodes answers alike below and past the size where it keeps a set of its nodes', () => {
    const owner = new OwnedNodes()
    const nodes = Array.from({ length: 100 }, (_, i) => ({ node: i }))
    const storage = Array.from({ length: 40 }, (_, i) => ({ storage: i }))
    for (let i = 0; i < nodes.length; i++) {
      owner.add(nodes[i] as object)
      if (i < storage.length) owner.addStorage(storage[i] as object)
      expect(owner.has(nodes[i] as object)).toBe(true)
      expect(owner.has(nodes[0] as object)).toBe(true)
      expect(owner.has(storage[Math.min(i, storage.length - 1)] as object)).toBe(true)
      expect(owner.has(nodes[i + 1] ?? {})).toBe(false)
      expect(owner.has({ node: i })).toBe(false)
    }
    expect(nodes.every((x) => owner.has(x)) && storage.every((x) => owner.has(x))).toBe(true)
    // What it publishes: its nodes, in the order made, never the private storage.
    const published = [...owner]
    expect(published).toHaveLength(nodes.length)
    expect(published.every((x, i) => x === nodes[i])).toBe(true)
    const visited: object[] = []
    owner.forEach((x) => visited.push(x))
    expect(visited.every((x, i) => x === nodes[i]) && visited.length === nodes.length).toBe(true)
  })

  it('an owned list is changed in place', () => {
    const list = ChunkList.of([1, 2, 3])
    expect(list.push(4, true)).toBe(list)
    expect(list.set(0, 9, true)).toBe(list)
    expect(list.insert(1, 7, true)).toBe(list)
    expect(list.toArray()).toEqual([9, 7, 2, 3, 4])
  })

  it('a frozen list refuses in-place writes; a later draft copies what an earlier one made', () => {
    const items = Array.from({ length: 40 }, (_, i) => i)
    const first = new OwnedNodes()
    let list = ChunkList.of(items)
    list = list.push(40, first).set(35, -35, first).push(41, first)
    // What a draft publishes: its lists (frozen then), never the chunks they keep privately.
    const published = [...first]
    expect(published).toEqual([list])
    for (const x of published) Object.freeze(x)
    expect(() => list.push(42, true)).toThrow(
      'ChunkList: a frozen (published) list cannot be changed in place',
    )
    expect(() => list.set(0, 9, true)).toThrow(TypeError)
    const second = new OwnedNodes()
    const next = list.push(42, second).set(35, 0, second).set(1, -1, second)
    expect(next).not.toBe(list)
    expect(list.toArray()).toEqual([...items.slice(0, 35), -35, ...items.slice(36), 40, 41])
    expect(next.toArray()).toEqual([
      0,
      -1,
      ...items.slice(2, 35),
      0,
      ...items.slice(36),
      40,
      41,
      42,
    ])
  })

  it('prefixes share chunks and concat appends', () => {
    const items = Array.from({ length: 100 }, (_, i) => i)
    const list = ChunkList.of(items)
    for (const n of [0, 1, 31, 32, 33, 64, 99, 100, 150]) {
      expect(list.prefix(n).toArray()).toEqual(items.slice(0, n))
      expect(list.prefix(n).concat([-1, -2]).toArray()).toEqual([...items.slice(0, n), -1, -2])
    }
    expect(list.prefix(100)).toBe(list)
    expect(list.toArray()).toEqual(items)
  })

  it('has array-like reads and writes JSON as an array', () => {
    const list = ChunkList.of(['a', 'b', 'c'])
    expect(list.map((x, i) => `${i}${x}`)).toEqual(['0a', '1b', '2c'])
    expect(list.filter((x) => x !== 'b')).toEqual(['a', 'c'])
    expect(list.find((x) => x > 'a')).toBe('b')
    expect(JSON.stringify({ list })).toBe('{"list":["a","b","c"]}')
    expect(ChunkList.fromJSON(['x'], 'p').toArray()).toEqual(['x'])
    expect(() => ChunkList.fromJSON({}, 'state.indicators.I01.values')).toThrow(
      'state.indicators.I01.values: expected an array, got {}',
    )
    expect(() => list.set(3, 'd')).toThrow('ChunkList.set: index 3 is outside 0..2')
    expect(() => list.insert(5, 'd')).toThrow('ChunkList.insert: index 5 is outside 0..3')
  })
})
