/**
 * The vocabulary in which the ledger state is declared once (see `ledgerShape` in State.ts):
 * every node of the state, field by field, as one of a handful of kinds. Everything that walks the
 * state by its shape — freezing a replayed state, the bitemporal as-of view, rebuilding a state
 * from JSON or from plain records, a checkpoint's fingerprint — is derived from that declaration
 * by the compilers beside this module, so a new field or entity kind is described in one place.
 *
 * The declaration is checked against the state's TypeScript types: {@link NodeShape} requires a
 * shape for every field of the node's type, and only a shape that fits the field's type (a
 * `ChunkList` field must be `periods`, an `EntityMap` field `entities`, an array `versions`,
 * `list` or `order`, a primitive `scalar`), so a field added to a type without being described
 * does not compile.
 *
 * @module internal/Shape
 */
import type { ChunkList } from '../ChunkList'
import type { EntityMap } from '../EntityMap'

/** A primitive field (string, number, boolean, null): nothing to freeze, view or revive. */
export interface ScalarShape {
  readonly kind: 'scalar'
}

/** A value taken from event data (names, definitions, expressions, dates): frozen whole, never filtered. */
export interface DataShape {
  readonly kind: 'data'
}

/**
 * When a node is visible under a bitemporal cut: `stamp` — its own stamp is visible (the node
 * extends `Stamp`); `any` — at least one of the named lists keeps a visible item; `always`.
 */
export type Presence<T> =
  | { readonly kind: 'stamp' }
  | { readonly kind: 'any'; readonly of: ReadonlyArray<keyof T & string> }
  | { readonly kind: 'always' }

/** An object with a fixed set of fields, each described. */
export interface NodeShape<T> {
  readonly kind: 'node'
  readonly name: string
  readonly fields: { readonly [K in keyof T]-?: FieldShape<T[K]> }
  readonly presence: Presence<T>
}

/** A list of stamped versions: an as-of view keeps the visible ones. */
export interface VersionsShape<I> {
  readonly kind: 'versions'
  readonly item: NodeShape<I>
}

/** A plain list, never filtered (its items are frozen whole). */
export interface ListShape {
  readonly kind: 'list'
}

/** The ids of a sibling `dict` field in the order they were first recorded: a view keeps those still present. */
export interface OrderShape {
  readonly kind: 'order'
  readonly of: string
}

/** A record of nodes by id; a view drops the nodes that are not present. */
export interface DictShape<V> {
  readonly kind: 'dict'
  readonly value: NodeShape<V>
}

/** An `EntityMap` of nodes by id; a view drops the nodes that are not present. */
export interface EntitiesShape<V> {
  readonly kind: 'entities'
  readonly value: NodeShape<V>
}

/** A `ChunkList` of nodes sorted by their `period`; a view drops the nodes that are not present. */
export interface PeriodsShape<I> {
  readonly kind: 'periods'
  readonly item: NodeShape<I>
}

/** A node shape with its field types forgotten: what the compilers walk. */
export interface AnyNode {
  readonly kind: 'node'
  readonly name: string
  readonly fields: Readonly<Record<string, AnyShape>>
  readonly presence:
    | { readonly kind: 'stamp' }
    | { readonly kind: 'any'; readonly of: ReadonlyArray<string> }
    | { readonly kind: 'always' }
}

/** Any shape, with field types forgotten. */
export type AnyShape =
  | ScalarShape
  | DataShape
  | ListShape
  | OrderShape
  | AnyNode
  | { readonly kind: 'versions'; readonly item: AnyNode }
  | { readonly kind: 'dict'; readonly value: AnyNode }
  | { readonly kind: 'entities'; readonly value: AnyNode }
  | { readonly kind: 'periods'; readonly item: AnyNode }

type Primitive = string | number | boolean | null | undefined

/**
 * The shapes that fit a field of type `F`. A node sits in a container (a map, a record, a list of
 * versions or periods); an object field directly in a node is data (or a record of nodes).
 */
export type FieldShape<F> = [F] extends [Primitive]
  ? ScalarShape
  : [F] extends [ChunkList<infer I>]
    ? PeriodsShape<I>
    : [F] extends [EntityMap<infer V>]
      ? EntitiesShape<V>
      : [F] extends [ReadonlyArray<infer I>]
        ? ListShape | OrderShape | ([I] extends [object] ? VersionsShape<I> : never)
        : null extends F
          ? DataShape
          : undefined extends F
            ? DataShape
            : [F] extends [Readonly<Record<string, infer V>>]
              ? DataShape | ([V] extends [object] ? DictShape<V> : never)
              : DataShape

/** The shape constructors. */
export const shape = {
  scalar: { kind: 'scalar' } as ScalarShape,
  data: { kind: 'data' } as DataShape,
  list: { kind: 'list' } as ListShape,
  node<T>(
    name: string,
    presence: Presence<T>,
    fields: { readonly [K in keyof T]-?: FieldShape<T[K]> },
  ): NodeShape<T> {
    return { kind: 'node', name, presence, fields }
  },
  versions<I>(item: NodeShape<I>): VersionsShape<I> {
    return { kind: 'versions', item }
  },
  order(of: string): OrderShape {
    return { kind: 'order', of }
  },
  dict<V>(value: NodeShape<V>): DictShape<V> {
    return { kind: 'dict', value }
  },
  entities<V>(value: NodeShape<V>): EntitiesShape<V> {
    return { kind: 'entities', value }
  },
  periods<I>(item: NodeShape<I>): PeriodsShape<I> {
    return { kind: 'periods', item }
  },
} as const

/** The fields of a node shape as `[name, shape]` pairs, in declaration order. */
export function fieldsOf(node: AnyNode): ReadonlyArray<readonly [string, AnyShape]> {
  return Object.entries(node.fields)
}

/**
 * A canonical text of a shape: changes whenever a node, field or kind is added, removed, renamed
 * or changes kind. Stored beside checkpoints so that one taken under another shape is rebuilt.
 */
export function describeShape(s: AnyShape): string {
  switch (s.kind) {
    case 'scalar':
    case 'data':
    case 'list':
      return s.kind
    case 'order':
      return `order(${s.of})`
    case 'versions':
    case 'periods':
      return `${s.kind}(${describeShape(s.item)})`
    case 'dict':
    case 'entities':
      return `${s.kind}(${describeShape(s.value)})`
    case 'node': {
      const presence =
        s.presence.kind === 'any' ? `any:${s.presence.of.join('|')}` : s.presence.kind
      const fields = fieldsOf(s).map(([k, f]) => `${k}:${describeShape(f)}`)
      return `${s.name}[${presence}]{${fields.join(',')}}`
    }
  }
}
