// The application service: read, decide, append with expected versions; batches for the CLI.
import { describe, expect, it } from 'vitest'
import {
  InMemoryEventStore,
  latestValue,
  ledgerProjection,
  manualClock,
  replay,
  validateInput,
} from '@progress-ledger/core'
import { fixtures as events } from '@progress-ledger/testkit'
import { appendRequests, type StreamedEvent } from '../src/StreamedEvent'
import { decideAll } from '../src/DecideAll'
import { handle, handleAll } from '../src/Handle'
import { admin, baseState, ctx, fgjClerk, jxjClerk, report, setup, theAuditor } from './fixtures'

async function seeded() {
  const store = new InMemoryEventStore({ clock: manualClock('2023-06-30') })
  const r = await handleAll(store, setup, ctx(admin))
  expect(r._tag).toBe('Appended')
  return store
}

const absent = (id: string): never => {
  throw new Error(`${id} is not in the ledger`)
}

describe('handle', () => {
  it('appends an accepted command and the projection shows it', async () => {
    const store = await seeded()
    const r = await handle(store, report('I01', '2021', 11.2, { id: 'v1' }), ctx(fgjClerk))
    expect(r).toMatchObject({
      _tag: 'Appended',
      written: 1,
      events: [{ id: 'v1', streamId: 'indicator-I01', actor: 'fgj-clerk' }],
    })
    const state = replay(ledgerProjection, await store.readAll())
    expect(latestValue(state.indicators.get('I01') ?? absent('I01'))?.value).toBe(11.2)
  })

  it('appends nothing on a rejection, or only the audit record when asked', async () => {
    const store = await seeded()
    const head = await store.headPosition()
    const r = await handle(store, report('I01', '2021', 11.2), ctx(jxjClerk))
    expect(r).toMatchObject({ _tag: 'Rejected', rule: 'not-authorised' })
    expect(await store.headPosition()).toBe(head)
    await handle(store, report('I01', '2021', 11.2), ctx(jxjClerk), { recordDenied: true })
    const [audit] = await store.readAll({ after: head })
    expect(audit).toMatchObject({
      type: 'AccessDenied',
      streamId: 'audit-jxj-clerk',
      data: { command: 'ReportValue', subjectId: 'I01' },
    })
    expect(replay(ledgerProjection, await store.readAll()).denied).toHaveLength(1)
  })

  it('passes a version conflict through when the stream moved after the state it decided on', async () => {
    const store = await seeded()
    const stale = replay(ledgerProjection, await store.readAll())
    expect(
      (await handle(store, report('I01', '2021', 11.2, { id: 'v1' }), ctx(fgjClerk)))._tag,
    ).toBe('Appended')
    const r = await handle(store, report('I01', '2022', 12.0, { id: 'v2' }), ctx(fgjClerk), {
      state: stale,
    })
    expect(r).toMatchObject({ _tag: 'VersionConflict', streamId: 'indicator-I01' })
    const fresh = replay(ledgerProjection, await store.readAll())
    expect(
      (
        await handle(store, report('I01', '2022', 12.0, { id: 'v2' }), ctx(fgjClerk), {
          state: fresh,
        })
      )._tag,
    ).toBe('Appended')
  })

  it('is idempotent for a re-sent command with the same event id', async () => {
    const store = await seeded()
    const session = ctx(fgjClerk)
    await handle(store, report('I01', '2021', 11.2, { id: 'v1' }), session)
    const again = await handle(store, report('I01', '2021', 11.2, { id: 'v1' }), session, {
      state: baseState,
    })
    expect(again).toMatchObject({ _tag: 'Appended', written: 0 })
    // The same id with other content (here: another session's correlation id) is a conflict, not a silent overwrite.
    expect(
      await handle(store, report('I01', '2021', 11.2, { id: 'v1' }), ctx(fgjClerk), {
        state: baseState,
      }),
    ).toMatchObject({ _tag: 'IdConflict', eventId: 'v1' })
  })
})

describe('audit records of refusals', () => {
  it('say what handleAll recorded, with the role and department of the refused actor', async () => {
    const store = await seeded()
    const head = await store.headPosition()
    const lines = [
      report('I01', '2021', 11.2),
      report('I07', '2021', 14),
      report('I01', '2022', 12),
    ]
    const quiet = await handleAll(store, lines, ctx(jxjClerk))
    expect(quiet).toMatchObject({ _tag: 'BatchRejected', recorded: [] })
    expect(await store.headPosition()).toBe(head)
    const r = await handleAll(store, lines, ctx(jxjClerk), { recordDenied: true })
    if (r._tag !== 'BatchRejected') throw new Error(`expected a refusal, got ${r._tag}`)
    expect(r.rejections.map((x) => x.index)).toEqual([0, 2])
    expect(r.recorded).toHaveLength(2)
    expect(r.recorded.map((e) => [e.type, e.position, e.streamId])).toEqual([
      ['AccessDenied', head + 1, 'audit-jxj-clerk'],
      ['AccessDenied', head + 2, 'audit-jxj-clerk'],
    ])
    expect(r.recorded[0]?.data).toMatchObject({
      command: 'ReportValue',
      subject: 'indicator',
      subjectId: 'I01',
      role: 'reporter',
      department: 'jxj',
    })
    expect(await store.headPosition()).toBe(head + 2)
    const denied = replay(ledgerProjection, await store.readAll()).denied
    expect(denied.map((d) => [d.actor, d.role, d.department])).toEqual([
      ['jxj-clerk', 'reporter', 'jxj'],
      ['jxj-clerk', 'reporter', 'jxj'],
    ])
  })

  it('say what handle recorded, and why nothing could be', async () => {
    const store = await seeded()
    const r = await handle(store, report('I01', '2021', 11.2), ctx(theAuditor), {
      recordDenied: true,
    })
    expect(r).toMatchObject({
      _tag: 'Rejected',
      rule: 'not-authorised',
      recorded: [{ type: 'AccessDenied', data: { role: 'auditor' } }],
    })
    expect(r._tag === 'Rejected' && 'department' in (r.recorded[0]?.data ?? {})).toBe(false)
    // A refusal whose audit event id is taken already: nothing of it is written, and the result says so.
    const reused = { ...ctx(jxjClerk), ids: { next: () => 'v-taken' } }
    await handle(store, report('I01', '2021', 11.2, { id: 'v-taken' }), ctx(fgjClerk))
    const head = await store.headPosition()
    expect(
      await handle(store, report('I01', '2021', 11.3), reused, { recordDenied: true }),
    ).toMatchObject({ _tag: 'Rejected', recorded: [], auditFailure: { _tag: 'IdConflict' } })
    expect(await store.headPosition()).toBe(head)
  })
})

describe('the write path', () => {
  it('hands the store decided events validated once: decoded and frozen, taken as they are', async () => {
    const store = await seeded()
    const seen: unknown[] = []
    const spy = Object.create(store) as InMemoryEventStore
    spy.appendBatch = (requests) => {
      for (const r of requests) seen.push(...r.events)
      return store.appendBatch(requests)
    }
    const r = await handleAll(
      spy,
      [report('I01', '2021', 11.2), report('I01', '2022', 12)],
      ctx(fgjClerk),
    )
    expect(r._tag).toBe('Appended')
    expect(seen).toHaveLength(2)
    for (const e of seen)
      expect(Object.isFrozen(e) && Object.isFrozen((e as { data: object }).data)).toBe(true)
  })

  it('previews a batch without sealing it: provisional positions, no stream version, no hash', () => {
    const d = decideAll(
      baseState,
      [report('I01', '2021', 11.2), report('I01', '2022', 12)],
      ctx(fgjClerk),
    )
    if (d._tag !== 'BatchAccepted') throw new Error('expected acceptance')
    expect(d.state.position).toBe(baseState.position + 2)
    expect(d.state.head).toBe('')
    expect(d.state.indicators.get('I01')?.values.map((v) => v.period)).toEqual(['2021', '2022'])
  })
})

describe('decideAll and handleAll', () => {
  it('decides each command against the state the earlier ones leave', () => {
    const d = decideAll(
      baseState,
      [
        report('I01', '2021', 11.2, { id: 'v1', submitted: true }),
        {
          type: 'CorrectValue',
          indicatorId: 'I01',
          period: '2021',
          value: 11.3,
          status: 'final',
          corrects: 'v1',
          reason: 'typo',
          submitted: true,
          id: 'c1',
        },
      ],
      ctx(fgjClerk),
    )
    expect(d).toMatchObject({
      _tag: 'BatchAccepted',
      events: [{ event: { id: 'v1' } }, { event: { id: 'c1' } }],
    })
  })

  it('returns every rejection with its index, and appends nothing', async () => {
    const store = await seeded()
    const head = await store.headPosition()
    const r = await handleAll(
      store,
      [
        report('I01', '2021', 11.2),
        report('I07', '2021', 14),
        { type: 'Nope' },
        report('I01', '2022', -1),
      ],
      ctx(fgjClerk),
    )
    expect(r).toMatchObject({
      _tag: 'BatchRejected',
      rejections: [
        { index: 1, rejection: { rule: 'not-authorised' } },
        { index: 2, rejection: { rule: 'malformed' } },
        { index: 3, rejection: { rule: 'implausible-value' } },
      ],
    })
    expect(await store.headPosition()).toBe(head)
  })

  it('appends a multi-stream batch atomically in order', async () => {
    const store = await seeded()
    const r = await handleAll(
      store,
      [report('I01', '2021', 11.2), report('I09', '2021', 58000), report('I01', '2022', 12.1)],
      ctx(fgjClerk),
    )
    expect(r._tag).toBe('Appended')
    const tail = (await store.readAll()).slice(-3)
    expect(tail.map((e) => [e.streamId, (e.data as { period: string }).period])).toEqual([
      ['indicator-I01', '2021'],
      ['indicator-I09', '2021'],
      ['indicator-I01', '2022'],
    ])
  })

  it('groups runs of one stream into requests with running expected versions', () => {
    const ev = (streamId: string, id: string): StreamedEvent => {
      const checked = validateInput(events.valueReported(id, '2021', 1))
      if (checked._tag === 'Invalid') throw new Error(checked.issues[0]?.message)
      return { streamId, event: checked.event }
    }
    expect(
      appendRequests([ev('a', '1'), ev('a', '2'), ev('b', '3'), ev('a', '4')], (s) =>
        s === 'a' ? 5 : 0,
      ).map((r) => [r.streamId, r.events.length, r.expectedVersion]),
    ).toEqual([
      ['a', 2, 5],
      ['b', 1, 0],
      ['a', 1, 7],
    ])
  })
})
