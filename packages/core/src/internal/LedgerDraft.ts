/**
 * The draft of a whole {@link LedgerState} that the reducers receive: one {@link Entities} per
 * entity map and write access to the ledger-wide lists, all derived from `ledgerShape`, over one
 * copy-on-write protocol ({@link Writes}). Owned mode (replay) changes the state in place;
 * published mode leaves it unchanged and `finish` returns a new, frozen state sharing everything
 * the events did not touch.
 *
 * @module internal/LedgerDraft
 */
import type { EntityMap } from '../EntityMap'
import type { RecordedEvent } from '../Envelope'
import { type LedgerState, ledgerShape, type Unattached } from '../State'
import { Editor, Entities, type Mutable, Writes } from './Draft'
import { fieldsOf } from './Shape'

type EntityKey = {
  [K in keyof LedgerState]: LedgerState[K] extends EntityMap<infer _V> ? K : never
}[keyof LedgerState]
type EntityOf<K extends EntityKey> =
  LedgerState[K] extends EntityMap<infer V extends object> ? V : never

/** The entity maps of the ledger, by field name, as the draft lets reducers write them. */
type LedgerCollections = { readonly [K in EntityKey]: Entities<EntityOf<K>> }

const entityKeys = fieldsOf(ledgerShape)
  .filter(([, f]) => f.kind === 'entities')
  .map(([k]) => k as EntityKey)

/** See the module documentation. */
export class LedgerDraft {
  readonly #w: Writes
  readonly #base: LedgerState
  /** The ledger-wide lists and the head, written in place on this (owned or fresh) copy. */
  readonly #root: Mutable<LedgerState>
  /** The root's editor: `push('denied', …)`, `push('unattached', …)`. */
  readonly root: Editor<LedgerState>
  /** The entity maps opened so far, by their index in `entityKeys` (an update opens one or two). */
  readonly #opened: Array<Entities<object> | undefined>

  static {
    // One lazy accessor per entity map of the shape: `d.indicators` opens the map on first use.
    entityKeys.forEach((key, i) =>
      Object.defineProperty(LedgerDraft.prototype, key, {
        get(this: LedgerDraft) {
          return (this.#opened[i] ??= new Entities(this.#w, this.#base[key] as EntityMap<object>))
        },
      }),
    )
  }

  /** Use {@link beginDraft}. */
  constructor(base: LedgerState, owned: boolean) {
    this.#w = new Writes(owned)
    this.#base = base
    this.#root = owned ? base : { ...base }
    this.root = new Editor(this.#w, this.#root)
    this.#opened = new Array<Entities<object> | undefined>(entityKeys.length).fill(undefined)
  }

  /** Records the event as the last one applied. */
  at(e: RecordedEvent): void {
    this.#root.position = e.position
    this.#root.head = e.hash
  }

  /** Keeps an event the reducer cannot attach (it refers to something undefined), with the reason. */
  unattached(e: RecordedEvent, reason: string): void {
    const item: Unattached = {
      eventId: e.id,
      position: e.position,
      validTime: e.validTime,
      recordedTime: e.recordedTime,
      actor: e.actor,
      type: e.type,
      reason,
    }
    this.#root.unattached = this.#w.push(this.#root.unattached, item)
  }

  /**
   * Closes the draft. Owned mode returns the base object, changed in place (unfrozen: replay
   * freezes once at the end); published mode returns a new, frozen state.
   */
  finish(): LedgerState {
    const root = this.#root
    const opened = this.#opened
    for (let i = 0; i < opened.length; i++) {
      const entities = opened[i]
      if (entities !== undefined)
        (root as Record<EntityKey, EntityMap<object>>)[entityKeys[i] as EntityKey] = entities.done()
    }
    if (this.#w.fresh === undefined) return root
    // Every value reachable from a copied or adopted node is old (frozen), frozen as it was
    // stored, or itself copied or adopted: a shallow freeze of those suffices. (A ChunkList's
    // chunks are private storage, reachable only through the frozen list.)
    this.#w.freezeFresh()
    for (let i = 0; i < opened.length; i++)
      if (opened[i] !== undefined) Object.freeze(root[entityKeys[i] as EntityKey])
    return Object.freeze(root)
  }

  /** The state this draft started from. */
  get base(): LedgerState {
    return this.#base
  }
}

/** What a reducer writes through: the draft and, by field name, each entity map of the ledger. */
export type Draft = LedgerDraft & LedgerCollections

/** A draft of `base`: owned (changed in place) or published (copy on write). */
export function beginDraft(base: LedgerState, owned: boolean): Draft {
  return new LedgerDraft(base, owned) as Draft
}
