/**
 * Settling the stamps of a state folded from provisional events: commands decided against a
 * state see their own events applied before the store has stamped them, with a placeholder
 * recorded time; once the store has recorded them (one recorded time for a whole streamed
 * append), every stamp after the position the decisions started from is given the real recorded
 * time. The walk is compiled from the state's declared shape: it visits every node that can hold
 * a stamp (entities, versions, periods, records of nodes) and skips scalars and event data.
 *
 * @module internal/ShapeRestamp
 */
import type { ChunkList } from '../ChunkList'
import type { EntityMap } from '../EntityMap'
import { type AnyNode, type AnyShape, fieldsOf } from './Shape'

/** What a walk sets: the recorded time of every stamp after `after`. */
export interface Restamp {
  after: number
  recordedTime: string
}

type Visit = (x: unknown, r: Restamp) => void

function nodeVisit(node: AnyNode): Visit {
  const visits: Array<readonly [string, Visit]> = []
  for (const [key, field] of fieldsOf(node)) {
    const v = compileRestamp(field)
    if (v !== undefined) visits.push([key, v])
  }
  const stamped = node.presence.kind === 'stamp'
  return (x, r) => {
    const o = x as Record<string, unknown>
    if (stamped && (o['position'] as number) > r.after) o['recordedTime'] = r.recordedTime
    for (const [key, v] of visits) v(o[key], r)
  }
}

/** The walk of a shape; `undefined` for one that holds no stamps (scalars, data, plain lists). */
export function compileRestamp(s: AnyShape): Visit | undefined {
  switch (s.kind) {
    case 'scalar':
    case 'data':
    case 'list':
    case 'order':
      return undefined
    case 'node':
      return nodeVisit(s)
    case 'versions': {
      const item = nodeVisit(s.item)
      return (x, r) => {
        for (const i of x as ReadonlyArray<unknown>) item(i, r)
      }
    }
    case 'dict': {
      const value = nodeVisit(s.value)
      return (x, r) => {
        for (const v of Object.values(x as Readonly<Record<string, unknown>>)) value(v, r)
      }
    }
    case 'entities': {
      const value = nodeVisit(s.value)
      return (x, r) => (x as EntityMap<unknown>).each((v) => value(v, r))
    }
    case 'periods': {
      const item = nodeVisit(s.item)
      return (x, r) => (x as ChunkList<unknown>).forEach((i) => item(i, r))
    }
  }
}
