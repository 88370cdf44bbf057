/**
 * Code compiled per shape (`internal/Compile`): where the host refuses to compile code, the
 * generic closures take over and give the same results — everything reachable frozen, the same
 * chunk summaries.
 */
import { fixtures } from '@progress-ledger/testkit'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ChunkList } from '../src/ChunkList'
import { manualClock } from '../src/Clock'
import { EntityMap } from '../src/EntityMap'
import { InMemoryEventStore } from '../src/InMemoryEventStore'
import { compiled } from '../src/internal/Compile'
import { compileFreeze } from '../src/internal/ShapeFreeze'
import { indexFields } from '../src/internal/VisibilityIndex'
import { ledgerProjection, replay } from '../src/Replay'
import { isoDate } from '../src/Scalars'
import type { AnyNode, AnyShape } from '../src/internal/Shape'
import { ledgerShape, type LedgerState } from '../src/State'

/** Makes `new Function` throw as under a content security policy without `unsafe-eval`. */
function refuseCompiling(): void {
  vi.stubGlobal('Function', function refused() {
    throw new EvalError('Code generation from strings disallowed for this context')
  })
}

/** The declared node of an indicator's period values. */
function periodValueShape(): AnyNode {
  const indicators = ledgerShape.fields.indicators as AnyShape
  if (indicators.kind !== 'entities') throw new Error('indicators: expected entities')
  const values = indicators.value.fields.values as AnyShape
  if (values.kind !== 'periods') throw new Error('values: expected periods')
  return values.item
}

afterEach(() => {
  vi.unstubAllGlobals()
})

/** Is every object reachable from `x` (through the containers too) frozen? */
function everyObjectFrozen(x: unknown, path = '$'): string | undefined {
  if (typeof x !== 'object' || x === null) return undefined
  if (!Object.isFrozen(x)) return path
  const children: Array<readonly [string, unknown]> = []
  if (x instanceof ChunkList) x.forEach((v, i) => children.push([`[${i}]`, v]))
  else if (x instanceof EntityMap) x.each((v, k) => children.push([`<${String(k)}>`, v]))
  else for (const [k, v] of Object.entries(x)) children.push([`.${k}`, v])
  for (const [k, v] of children) {
    const bad = everyObjectFrozen(v, path + k)
    if (bad !== undefined) return bad
  }
  return undefined
}

/** An unfrozen replayed state with two indicators of 100 daily values, some corrected. */
function replayedThawed(): LedgerState {
  const clock = manualClock('2022-01-01')
  const store = new InMemoryEventStore({ clock })
  for (const id of ['A', 'B']) {
    store.appendNow([
      {
        streamId: `s-${id}`,
        expectedVersion: 'any',
        events: [fixtures.indicatorDefined(id, 'day')],
      },
    ])
    for (let d = 0; d < 100; d++) {
      clock.advance(3_600_000)
      const period = new Date(Date.UTC(2021, 0, 1) + ((d * 37) % 100) * 86_400_000)
        .toISOString()
        .slice(0, 10)
      store.appendNow([
        {
          streamId: `s-${id}`,
          expectedVersion: 'any',
          events: [
            {
              id: `${id}-${d}`,
              type: 'ValueReported',
              validTime: isoDate(period),
              actor: 't',
              data: {
                indicatorId: id,
                period,
                value: d,
                status: 'final',
                source: { document: `p${d}` },
              },
            },
          ],
        },
      ])
    }
  }
  return replay(ledgerProjection, store.readAllNow(), { freeze: false })
}

describe('code compiled per shape', () => {
  it('compiles the body, binding the dependencies by name', () => {
    const add = compiled<(x: number) => number>(
      { k: 2 },
      'return function add(x) { return x + k }',
      () => () => -1,
    )
    expect(add(40)).toBe(42)
  })

  it('falls back where the host refuses to compile code, and not for broken code text', () => {
    refuseCompiling()
    expect(compiled({}, 'return () => 1', () => () => 2)()).toBe(2)
    vi.unstubAllGlobals()
    expect(() => compiled({}, 'return (', () => () => 2)).toThrow(SyntaxError)
  })

  it('freezes everything and summarises the same without compiled code', () => {
    const state = replayedThawed()
    expect(everyObjectFrozen(state)).toBe('$')
    refuseCompiling()
    const freeze = compileFreeze(ledgerShape)
    const slow = indexFields(periodValueShape())
    vi.unstubAllGlobals()
    const fast = indexFields(periodValueShape())
    expect(fast.summarise).not.toBe(slow.summarise)
    freeze?.(state)
    expect(everyObjectFrozen(state)).toBeUndefined()
    let chunks = 0
    state.indicators.each((indicator) =>
      indicator.values.forEachChunk((values) => {
        const chunk = values as ReadonlyArray<object> as ReadonlyArray<
          Readonly<Record<string, unknown>>
        >
        chunks++
        expect({ ...fast.summarise(chunk) }).toEqual({ ...slow.summarise(chunk) })
      }),
    )
    expect(chunks).toBe(8)
  })
})
