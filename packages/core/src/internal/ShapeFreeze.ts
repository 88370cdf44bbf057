/**
 * Freezing a replayed state by its declared shape. The generic `deepFreeze` asks of every object
 * what it is (frozen? array? plain? a persistent container?) and enumerates its keys; a freezer
 * compiled from the shape knows, for each node, which fields hold objects and what they are, so
 * it freezes each node and visits only those fields. Values from event data (names, definitions,
 * expressions, dates, sources) go to `deepFreeze`, which returns at once when the event was
 * frozen at append. A subtree already frozen is skipped, as `deepFreeze` skips it. What it must
 * reach is stated by testkit's `publishedFrozenLaw`: everything reachable from a replayed state
 * is frozen.
 *
 * @module internal/ShapeFreeze
 */
import type { ChunkList } from '../ChunkList'
import type { EntityMap } from '../EntityMap'
import { deepFreeze } from './Freeze'
import { compiled, read } from './Compile'
import { type AnyNode, type AnyShape, fieldsOf } from './Shape'
import { indexFields, isSummarised, recordSummary } from './VisibilityIndex'

/** Freezes one value of a known shape (and what it reaches). */
export type Freezer = (x: unknown) => void

const { freeze, isFrozen } = Object

function freezeData(x: unknown): void {
  deepFreeze(x)
}

function freezeOrder(x: unknown): void {
  freeze(x)
}

function nodeFreezer(node: AnyNode): Freezer {
  const visits: Array<readonly [string, Freezer]> = []
  for (const [key, field] of fieldsOf(node)) {
    const f = compileFreeze(field)
    if (f !== undefined) visits.push([key, f])
  }
  const keys = visits.map(([k]) => k)
  const fns = visits.map(([, f]) => f)
  const n = keys.length
  const deps: Record<string, unknown> = { isFrozen, freeze }
  fns.forEach((f, i) => (deps[`f${i}`] = f))
  return compiled<Freezer>(
    deps,
    `return function freeze${node.name.replace(/[^\w$]/g, '_')}(o) {
      if (isFrozen(o)) return
      freeze(o)
      ${keys.map((k, i) => `f${i}(${read('o', k)})`).join('\n')}
    }`,
    () => (x) => {
      const o = x as Record<string, unknown>
      if (isFrozen(o)) return
      freeze(o)
      for (let i = 0; i < n; i++) (fns[i] as Freezer)(o[keys[i] as string])
    },
  )
}

/**
 * A container's freezer: freezes the container, then calls `item` on what it holds, as `walk`
 * (code text over `xs` and `item`, the same as `fallback`) says. Compiled per container so that
 * each calls one item freezer.
 */
function containerFreezer(item: Freezer, walk: string, fallback: Freezer): Freezer {
  return compiled<Freezer>(
    { isFrozen, freeze, item },
    `return function freezeContainer(xs) {
      if (isFrozen(xs)) return
      freeze(xs)
      ${walk}
    }`,
    () => fallback,
  )
}

type Item = Readonly<Record<string, unknown>>
type Chunk = ReadonlyArray<Item>

/** The freezer of a shape; `undefined` for a shape that holds nothing to freeze (a scalar). */
export function compileFreeze(s: AnyShape): Freezer | undefined {
  switch (s.kind) {
    case 'scalar':
      return undefined
    case 'data':
    case 'list':
      return freezeData
    case 'order':
      return freezeOrder
    case 'node':
      return nodeFreezer(s)
    case 'versions': {
      const item = nodeFreezer(s.item)
      return containerFreezer(item, 'for (let i = 0; i < xs.length; i++) item(xs[i])', (x) => {
        const xs = x as ReadonlyArray<unknown>
        if (isFrozen(xs)) return
        freeze(xs)
        for (let i = 0; i < xs.length; i++) item(xs[i])
      })
    }
    case 'dict': {
      const value = nodeFreezer(s.value)
      return containerFreezer(value, 'for (const key in xs) item(xs[key])', (x) => {
        const r = x as Readonly<Record<string, unknown>>
        if (isFrozen(r)) return
        freeze(r)
        for (const key in r) value(r[key])
      })
    }
    case 'entities': {
      const value = nodeFreezer(s.value)
      return containerFreezer(value, 'xs.each(item)', (x) => {
        const m = x as EntityMap<unknown>
        if (isFrozen(m)) return
        freeze(m)
        m.each(value)
      })
    }
    case 'periods': {
      const item = nodeFreezer(s.item)
      const fields = indexFields(s.item)
      // Chunk by chunk: a chunk already summarised was published with its items frozen (a later
      // version of the list shares it), so only the chunks this update made are walked, and each
      // is summarised for as-of views while its items are in cache.
      // A list restored from a checkpoint remembers its chunks' summaries: those still valid are
      // recorded as they are.
      let list: ChunkList<Item> | undefined
      const visit = (chunk: Chunk, start: number): void => {
        if (isSummarised(chunk)) return
        for (let i = 0; i < chunk.length; i++) item(chunk[i])
        recordSummary(list as ChunkList<Item>, chunk, start >>> 5, fields)
      }
      return (x) => {
        const l = x as ChunkList<Item>
        if (isFrozen(l)) return
        freeze(l)
        const outer = list
        list = l
        l.forEachChunk(visit)
        list = outer
      }
    }
  }
}
