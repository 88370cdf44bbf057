/**
 * The bitemporal as-of view compiled from the state's declared shape: versioned lists keep their
 * visible versions, records, entity maps and period lists drop the nodes that are no longer
 * present (by each node's declared presence), id-order lists follow the records they order, and
 * a node, list or map nothing changed in is returned as it was (shared). Period lists are cut by
 * the visibility index (see VisibilityIndex: a frozen list's index is kept; an owned list is
 * walked, passing over the chunks whose summaries it remembers): the fully visible prefix is kept
 * as is (sharing its chunks), the invisible suffix dropped, and only the nodes between are looked
 * at. A view of a state its owner goes on changing in place
 * shares that state's unchanged parts, as any view does: take it after the changes.
 *
 * @module internal/ShapeView
 */
import type { ChunkList } from '../ChunkList'
import type { EntityMap, EntityMapEditor } from '../EntityMap'
import type { Stamp } from '../State'
import { type AnyNode, type AnyShape, fieldsOf } from './Shape'
import { type Bounds, indexFields, visibleSpan } from './VisibilityIndex'

/** A cut as the viewers take it: the visibility of one stamp, and the cut itself (for the index). */
export interface ViewCut {
  readonly visible: (s: Stamp) => boolean
  readonly bounds: Bounds
}

/** Views one value of a known shape; `undefined` drops a node that is not present. */
export type Viewer = (x: unknown, cut: ViewCut) => unknown

type Item = Readonly<Record<string, unknown>>

/** The visible items of a list, or the same list when all are visible. */
function keep(x: unknown, cut: ViewCut): unknown {
  const items = x as ReadonlyArray<Stamp>
  const visible = cut.visible
  for (let i = 0; i < items.length; i++) {
    if (visible(items[i] as Stamp)) continue
    // The first invisible item: copy the visible ones before it and filter the rest, in one
    // array (no `filter` on the frozen list: a slow path in V8).
    const out: Stamp[] = []
    for (let j = 0; j < i; j++) out.push(items[j] as Stamp)
    for (let j = i + 1; j < items.length; j++)
      if (visible(items[j] as Stamp)) out.push(items[j] as Stamp)
    return out
  }
  return items
}

function isEmpty(x: unknown): boolean {
  return (x as ReadonlyArray<unknown>).length === 0
}

function nodeViewer(node: AnyNode): Viewer {
  const byStamp = node.presence.kind === 'stamp'
  const required = node.presence.kind === 'any' ? node.presence.of : []
  const viewed: Array<readonly [string, Viewer]> = []
  const orders: Array<readonly [string, string]> = []
  for (const [key, field] of fieldsOf(node)) {
    if (field.kind === 'order') orders.push([key, field.of])
    else {
      const v = compileView(field)
      if (v !== undefined) viewed.push([key, v])
    }
  }
  // The fields that make the node present are viewed first: an absent node is dropped early.
  viewed.sort(([a], [b]) => Number(required.includes(b)) - Number(required.includes(a)))
  const keys = viewed.map(([k]) => k)
  const fns = viewed.map(([, f]) => f)
  const n = keys.length
  const presentBy = required.length
  return (x, cut) => {
    const o = x as Item
    if (byStamp && !cut.visible(o as unknown as Stamp)) return undefined
    let out: Record<string, unknown> | undefined
    let empty = presentBy > 0
    for (let i = 0; i < n; i++) {
      const key = keys[i] as string
      const before = o[key]
      const after = (fns[i] as Viewer)(before, cut)
      if (i < presentBy && !isEmpty(after)) empty = false
      if (i === presentBy - 1 && empty) return undefined
      if (after === before) continue
      out ??= { ...o }
      out[key] = after
    }
    if (out === undefined) return o
    for (const [key, of] of orders) {
      const records = out[of] as Item
      if (records !== o[of])
        out[key] = (o[key] as ReadonlyArray<string>).filter((id) => records[id] !== undefined)
    }
    return out
  }
}

function dictViewer(value: Viewer): Viewer {
  return (x, cut) => {
    const record = x as Item
    let out: Record<string, unknown> | undefined
    // for-in allocates no key list; ledger records have plain prototypes, so it visits own keys.
    for (const key in record) {
      const before = record[key]
      const after = value(before, cut)
      if (after === before && out === undefined) continue
      if (out === undefined) {
        out = {}
        for (const k in record) {
          if (k === key) break
          out[k] = record[k]
        }
      }
      if (after !== undefined) out[key] = after
    }
    return out ?? record
  }
}

function entitiesViewer(value: Viewer): Viewer {
  return (x, cut) => {
    const map = x as EntityMap<unknown>
    let editor: EntityMapEditor<unknown> | undefined
    map.each((before, key) => {
      const after = value(before, cut)
      if (after === before) return
      editor ??= map.edit()
      if (after === undefined) editor.delete(key)
      else editor.set(key, after)
    })
    return editor === undefined ? map : editor.done()
  }
}

function periodsViewer(item: AnyNode): Viewer {
  const view = nodeViewer(item)
  const fields = indexFields(item)
  return (x, cut) => {
    const all = x as ChunkList<Item>
    const [from, to] = visibleSpan(all, cut.bounds, fields)
    if (from >= all.length) return all
    const tail: Item[] = []
    for (let i = from; i < to; i++) {
      const after = view(all.get(i), cut)
      if (after !== undefined) tail.push(after as Item)
    }
    return all.prefix(from).concat(tail)
  }
}

/** The viewer of a shape; `undefined` for a shape a cut does not filter (scalars, event data). */
export function compileView(s: AnyShape): Viewer | undefined {
  switch (s.kind) {
    case 'scalar':
    case 'data':
    case 'list':
    case 'order':
      return undefined
    case 'versions':
      return keep
    case 'node':
      return nodeViewer(s)
    case 'dict':
      return dictViewer(nodeViewer(s.value))
    case 'entities':
      return entitiesViewer(nodeViewer(s.value))
    case 'periods':
      return periodsViewer(s.item)
  }
}
