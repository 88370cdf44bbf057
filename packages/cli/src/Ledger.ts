/**
 * Loading the projected ledger for a command: core's `loadLedger` (the newest checkpoint, then
 * the tail, the chain verified as it is read) with a progress bar on a terminal; a ledger whose
 * chain does not verify is refused unless `--allow-broken`, and then every output carries the
 * warning. Also the bitemporal cut the user asked for.
 *
 * @module Ledger
 */
import {
  type ChainBreak,
  type ChainVerification,
  type ChainKey,
  type Cut,
  type EventStore,
  type Instant,
  isInstant,
  isIsoDate,
  type LedgerState,
  loadLedger,
  type PlanScope,
  readPages,
  type RecordedEvent,
  verifyChain,
} from '@progress-ledger/core'
import { Refusal, UsageError } from './Failure'
import type { Io } from './Io'
import { type Progress, progressBar } from './Progress'

/** A ledger loaded for a command. */
export interface LedgerRead {
  /** The state at the head. */
  readonly state: LedgerState
  /** Sentences every output must carry (a broken chain read with `--allow-broken`). */
  readonly warnings: ReadonlyArray<string>
  /** Where the chain breaks, when a broken ledger was read (`--allow-broken`). */
  readonly broken: ChainBreak | null
  /**
   * When the state holds only some plans (asked with `plans`), where everything else is (core's
   * `PlanScope`); `null` for the whole ledger.
   */
  readonly planScope: PlanScope | null
  /** Whether loading it stored a checkpoint at its position (after a long replay). */
  readonly checkpointWritten: boolean
}

/** The global options that say how a command loads the ledger. */
export interface LoadingFlags {
  /** Restore the newest checkpoint and write new ones (`--no-checkpoint` turns both off). */
  readonly checkpoint: boolean
  /** Load a ledger whose chain does not verify, warning in every output. */
  readonly allowBroken: boolean
}

/** How a command loads the ledger. */
export interface LoadSettings extends LoadingFlags {
  /** The key of a keyed chain (`PROGRESS_LEDGER_KEY`). */
  readonly chainKey: ChainKey | undefined
}

/**
 * The warning a report carries when its ledger's chain is broken.
 *
 * @example
 * import { brokenChainWarning } from '@progress-ledger/cli'
 * const w = brokenChainWarning({ position: 812, eventId: 'e-812', reason: 'hash mismatch' })
 * w.slice(0, 69) // 'the hash chain is broken at position 812 (event e-812): hash mismatch'
 */
export function brokenChainWarning(b: ChainBreak, lang: 'zh' | 'en' = 'en'): string {
  if (lang === 'zh')
    return `哈希链在位置 ${b.position}${b.eventId === '' ? '' : `（事件 ${b.eventId}）`}处断开：${reasonInChinese(b.reason)}；自该位置起的数据可能已被篡改`
  return `the hash chain is broken at ${whereBroken(b)}; figures from that position on may have been altered`
}

/** Core's reasons for a break, in Chinese (one it does not know stays as it is). */
function reasonInChinese(reason: string): string {
  if (reason === 'previous-hash link does not match') return '与前一事件的哈希链接不符'
  if (reason.startsWith('content does not match its keyed hash'))
    return '内容与其带密钥的哈希不符（被编辑，或密钥不同）'
  if (reason.startsWith('content does not match its hash'))
    return '内容与其哈希不符（被编辑，或读取带密钥的链时未提供密钥）'
  const position = /^expected position (\d+), found (\d+)$/.exec(reason)
  if (position !== null) return `应为位置 ${position[1]}，实为位置 ${position[2]}`
  const removed =
    /^the ledger's head is at position (\d+), but its events stop at position (\d+)/.exec(reason)
  if (removed !== null)
    return `账本头部在位置 ${removed[1]}，事件却止于位置 ${removed[2]}（有事件被删除？）`
  return reason
}

/** `position 812 (event e-812): why` — the event is left out when none is known (a gap). */
export function whereBroken(b: ChainBreak): string {
  return `position ${b.position}${b.eventId === '' ? '' : ` (event ${b.eventId})`}: ${b.reason}`
}

/**
 * A whole-ledger check that read `count` events intact, against the head the store reports: a
 * store that hides a gap (a row deleted from the middle) or lost its last events reads as a
 * shorter ledger, and only the head says so.
 */
export function checkedToHead(
  chain: ChainVerification,
  count: number,
  head: number,
): ChainVerification {
  if (chain._tag !== 'Intact' || count >= head) return chain
  return {
    _tag: 'Broken',
    position: count + 1,
    eventId: '',
    reason: `the ledger's head is at position ${head}, but its events stop at position ${count} (events removed?)`,
  }
}

/** The hint of a refusal for a chain that does not verify. */
export const BROKEN_HINT =
  'run `progress-ledger verify` to see what is wrong; --allow-broken reads the ledger anyway, with a warning in every output'

/**
 * The first of `events` (stored events a command is about to print, in any order) whose content
 * no longer matches its own hash, as a break of the chain. A checkpoint vouches for the state it
 * holds, not for the stored rows before it: an event edited in place since then is found here
 * when a command shows it, without reading the whole ledger. (An edit that recomputed the hash
 * breaks the next event's link instead, which `verify` finds; see the threat model.)
 */
export function editedEvent(
  events: ReadonlyArray<RecordedEvent>,
  key: LoadSettings['chainKey'],
): ChainBreak | undefined {
  for (const e of events) {
    const check = verifyChain([e], { head: e.prevHash, position: e.position - 1 }, key)
    if (check._tag === 'Broken')
      return { position: check.position, eventId: check.eventId, reason: check.reason }
  }
  return undefined
}

/**
 * The first sign that one stream's stored events, as read (versions 1, 2, 3, … in order), were
 * tampered with since a checkpoint vouched for the state: an event edited in place
 * ({@link editedEvent}), a version missing (a row deleted from among them), or an event whose
 * previous-hash link does not name the stream's event just before it in the ledger. A deletion
 * of a stream's last event leaves no gap in it: `verify` finds that one.
 *
 * @example
 * import { InMemoryEventStore, fixedClock } from '@progress-ledger/core'
 * import { brokenStream } from '@progress-ledger/cli'
 * const store = new InMemoryEventStore({ clock: fixedClock('2022-01-01T00:00:00.000Z') })
 * const at = { type: 'DepartmentRegistered', validTime: '2022-01-01', actor: 'office' } as const
 * const dept = (id: string) => ({ ...at, id, data: { departmentId: id, name: { zh: id, en: id }, aliases: [] } })
 * const appended = await store.append('department-d', [dept('a'), dept('b'), dept('c')], 'no-stream')
 * appended._tag // 'Appended'
 * const [a, b, c] = await store.readStream('department-d')
 * brokenStream([a!, b!, c!], undefined) // undefined
 * brokenStream([a!, c!], undefined)?.reason // 'the stream "department-d" has no version 2 (an event was removed)'
 */
export function brokenStream(
  events: ReadonlyArray<RecordedEvent>,
  key: LoadSettings['chainKey'],
): ChainBreak | undefined {
  const edited = editedEvent(events, key)
  if (edited !== undefined) return edited
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as RecordedEvent
    if (e.version !== i + 1)
      return {
        position: e.position,
        eventId: e.id,
        reason: `the stream ${JSON.stringify(e.streamId)} has no version ${i + 1} (an event was removed)`,
      }
    const before = events[i - 1]
    if (before !== undefined && before.position === e.position - 1 && e.prevHash !== before.hash)
      return { position: e.position, eventId: e.id, reason: 'previous-hash link does not match' }
  }
  return undefined
}

/**
 * Refuses, naming the position, when one stream's stored events (that a command shows or rests
 * on, all of them, as read) show tampering ({@link brokenStream}); with `--allow-broken`, warns
 * on stderr instead.
 */
export function checkShownEvents(
  events: ReadonlyArray<RecordedEvent>,
  loading: LoadSettings,
  io: Pick<Io, 'stderr'>,
): void {
  const edited = brokenStream(events, loading.chainKey)
  if (edited === undefined) return
  if (!loading.allowBroken)
    throw new Refusal(`hash chain broken at ${whereBroken(edited)}`, BROKEN_HINT)
  io.stderr.write(`warning: ${brokenChainWarning(edited)}\n`)
}

/**
 * A turn of the event loop, taken between pages of a long read: a store that reads synchronously
 * (SQLite) would otherwise hold off an interrupt (Ctrl-C) until the whole ledger had been read.
 */
function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve))
}

/** Reads the whole ledger in pages, reporting progress on a terminal. */
export async function* readWithProgress(
  store: EventStore,
  io: Io,
  label: string,
): AsyncGenerator<ReadonlyArray<RecordedEvent>> {
  const total = await store.headPosition()
  const bar = progressBar(io.stderr, label, total)
  let done = 0
  try {
    for await (const page of readPages(store, 0, 10_000)) {
      done += page.length
      bar.update(done)
      yield page
      await nextTurn()
    }
  } finally {
    bar.done()
  }
}

/**
 * Loads the ledger: the newest usable checkpoint and the events after it (unless
 * `--no-checkpoint`), writing a new checkpoint when many events were replayed. A broken chain is
 * a {@link Refusal} naming the position, unless `--allow-broken`.
 */
export async function readLedger(
  store: EventStore,
  io: Io,
  settings: LoadSettings,
  plans?: ReadonlyArray<string>,
): Promise<LedgerRead> {
  let bar: Progress | undefined
  let loaded
  try {
    loaded = await loadLedger(store, {
      useCheckpoint: settings.checkpoint,
      ...(settings.checkpoint ? {} : { checkpointAfter: 0 }),
      allowBroken: settings.allowBroken,
      // The state is the command's alone and no command changes it except `append`, which
      // asks to own it: the freeze, a walk over every node of a large state, is skipped.
      freeze: false,
      ...(settings.chainKey === undefined ? {} : { chainKey: settings.chainKey }),
      ...(plans === undefined ? {} : { plans }),
      onProgress: (done, total) => {
        bar ??= progressBar(io.stderr, 'load', total)
        bar.update(done)
        return nextTurn()
      },
    })
  } finally {
    bar?.done()
  }
  if (loaded._tag === 'ChainBroken')
    throw new Refusal(`hash chain broken at ${whereBroken(loaded.break)}`, BROKEN_HINT)
  if (loaded.checkpointIgnored !== null)
    io.stderr.write(`note: ${loaded.checkpointIgnored}; replayed from the start\n`)
  if (loaded.checkpointError !== null) io.stderr.write(`note: ${loaded.checkpointError}\n`)
  const warnings = loaded.broken === null ? [] : [brokenChainWarning(loaded.broken)]
  for (const w of warnings) io.stderr.write(`warning: ${w}\n`)
  return {
    state: loaded.state,
    warnings,
    broken: loaded.broken,
    planScope: loaded.planScope,
    checkpointWritten: loaded.checkpointWritten,
  }
}

/**
 * The ledger as of `--as-of` (valid time) and `--known-at` (recorded time: a date means the end of
 * that day; an instant may leave out its milliseconds).
 */
export function cutOf(
  asOfDate: string | undefined,
  knownAt: string | undefined,
  knownAtOption = 'known-at',
): Cut {
  if (asOfDate !== undefined && !isIsoDate(asOfDate))
    throw new UsageError(`--as-of: expected a date YYYY-MM-DD, got ${JSON.stringify(asOfDate)}`)
  const recorded = knownAt === undefined ? undefined : knownInstant(knownAt, knownAtOption)
  return {
    ...(asOfDate === undefined ? {} : { validTime: asOfDate }),
    ...(recorded === undefined ? {} : { recordedTime: recorded }),
  }
}

/** `--known-at` (or the option `option` names) as the instant it means. */
function knownInstant(knownAt: string, option: string): Instant {
  if (isIsoDate(knownAt)) return `${knownAt}T23:59:59.999Z` as Instant
  const full = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(knownAt)
    ? `${knownAt.slice(0, -1)}.000Z`
    : knownAt
  if (!isInstant(full))
    throw new UsageError(
      `--${option}: expected a date YYYY-MM-DD or an instant YYYY-MM-DDTHH:mm:ss[.sss]Z, got ${JSON.stringify(knownAt)}`,
    )
  return full
}
