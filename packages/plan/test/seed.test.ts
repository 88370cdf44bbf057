import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { metRecord } from '@progress-ledger/core'
import { departmentRegistry, resolveDepartment } from '../src/Department'
import { historyToEvents } from '../src/History'
import { targetParseOptions } from '../src/Indicator'
import { ledgerView } from '../src/Plan'
import { planFromState } from '../src/PlanFromState'
import { planToEvents } from '../src/PlanEvents'
import { readHistoryFile, readPlanFile } from '../src/ReadPlanFile'
import { parseTarget } from '../src/TargetGrammar'
import { replayGroups } from './ledger'

const root = resolve(__dirname, '../../..')
const seed = (f: string): string => resolve(root, 'seeds/shengzhou', f)
const sourceLines = readFileSync(seed('source.txt'), 'utf8').split('\n')

async function loadAll() {
  const plan = await readPlanFile(seed('plan.json'))
  const railway = await readHistoryFile(seed('railway-history.json'))
  const chronicles = await readHistoryFile(seed('chronicles.json'))
  if (plan._tag !== 'Valid') throw new Error(plan.issues.map((i) => i.message).join('\n'))
  if (railway._tag !== 'Valid') throw new Error(railway.issues.map((i) => i.message).join('\n'))
  if (chronicles._tag !== 'Valid')
    throw new Error(chronicles.issues.map((i) => i.message).join('\n'))
  return { doc: plan.document, railway: railway.document, chronicles: chronicles.document }
}

/** Every `{ line, quote }` source anywhere in a JSON value, with its path. */
function quotes(
  u: unknown,
  path: string,
  out: Array<{ path: string; line: number; quote: string }>,
): void {
  if (Array.isArray(u)) u.forEach((x, i) => quotes(x, `${path}[${i}]`, out))
  else if (typeof u === 'object' && u !== null) {
    const r = u as Record<string, unknown>
    if (typeof r['quote'] === 'string' && typeof r['line'] === 'number')
      out.push({ path, line: r['line'], quote: r['quote'] })
    for (const [k, v] of Object.entries(r)) quotes(v, `${path}.${k}`, out)
  }
}

describe('the Shengzhou seed', () => {
  it('loads without a validation issue', async () => {
    const { doc, railway, chronicles } = await loadAll()
    expect(doc.plan.id).toBe('shengzhou-common-prosperity-2021-2025')
    expect(doc.plan.adoptedOn).toBe('2021-08-10')
    expect([doc.plan.baseYear, doc.plan.startYear, doc.plan.endYear]).toEqual([2020, 2021, 2025])
    expect(railway.milestones).toHaveLength(56)
    expect(chronicles.values).toHaveLength(86)
  })

  it('has every row of 表1 and every list', async () => {
    const { doc } = await loadAll()
    const p = doc.plan
    expect(p.categories).toHaveLength(7)
    expect(p.departments).toHaveLength(69)
    expect(p.indicators).toHaveLength(68)
    expect(
      p.indicators.filter(
        (i) => i.parent === undefined && i.number !== undefined && /^\d+$/.test(i.number),
      ),
    ).toHaveLength(65)
    expect(p.indicators.filter((i) => i.parent !== undefined).map((i) => i.id)).toEqual([
      'I14a',
      'I26a',
      'I26b',
    ])
    const count = (kind: string) => p.tasks.filter((x) => x.kind === kind).length
    expect([count('key-task'), count('reform'), count('action-item')]).toEqual([46, 19, 36])
    expect(p.projects.filter((x) => x.kind === 'flagship')).toHaveLength(18)
    expect(p.projects.filter((x) => x.kind === 'construction').map((x) => x.id)).toEqual([
      'hangtai-hsr-shengzhou',
    ])
    expect(p.indicators.filter((i) => i.transcript?.categoryCorrection !== undefined)).toHaveLength(
      15,
    )
    expect((doc.headlineTargets ?? []).filter((h) => !h.agrees)).toHaveLength(9)
    expect(
      p.indicators.filter((i) => i.transcript?.attributePrinted === false).map((i) => i.id),
    ).toEqual(['I26', 'I26a', 'I26b'])
  })

  it('stores targets exactly as parsing their printed form gives them', async () => {
    const { doc } = await loadAll()
    let n = 0
    for (const ind of doc.plan.indicators) {
      for (const x of ind.targets) {
        expect(x.printed).toBeDefined()
        expect(parseTarget(x.printed as string, targetParseOptions(ind, x.role))).toMatchObject({
          _tag: 'Parsed',
          value: x.expression,
        })
        n++
      }
    }
    expect(n).toBe(131)
    // docs/targets.md names the rows whose direction is inferred `lower`.
    const inferredLower = doc.plan.indicators
      .filter((i) =>
        i.targets.some(
          (x) =>
            x.expression.kind === 'level' &&
            x.expression.inferred &&
            x.expression.direction === 'lower',
        ),
      )
      .map((i) => i.number)
    expect(inferredLower).toEqual(['21', '25', '38', '56'])
    const i26 = doc.plan.indicators.find((i) => i.id === 'I25')
    expect(i26?.targets.map((x) => x.expression)).toEqual([
      { kind: 'level', value: 0.55, direction: 'lower', inferred: true },
      { kind: 'level', value: 0.54, direction: 'lower', inferred: true },
    ])
  })

  it('quotes only phrases that occur in source.txt, on the line given', async () => {
    const found: Array<{ path: string; line: number; quote: string }> = []
    for (const f of ['plan.json', 'railway-history.json', 'chronicles.json'])
      quotes(JSON.parse(readFileSync(seed(f), 'utf8')), f, found)
    expect(found.length).toBeGreaterThanOrEqual(500)
    const missing = found.filter((q) => !(sourceLines[q.line - 1] ?? '').includes(q.quote))
    expect(missing).toEqual([])
  })

  it("resolves the document's variant names of one body to one department", async () => {
    const { doc } = await loadAll()
    const reg = departmentRegistry(doc.plan.departments)
    const id = (n: string) => resolveDepartment(reg, n)
    expect(id('市卫健委')).toEqual({ _tag: 'Resolved', id: 'wjj', name: '市卫健委' })
    expect(id('市卫健局')).toMatchObject({ id: 'wjj' })
    expect(id('市人社局')).toMatchObject({ id: 'rsj' })
    expect(id('市人力社保局')).toMatchObject({ id: 'rsj' })
    expect(id('经信局')).toMatchObject({ id: 'jxj' })
    expect(id('开发区(高新区)')).toMatchObject({ id: 'kfq' })
    expect(id('市卫生局')).toEqual({ _tag: 'Unresolved', name: '市卫生局' })
    expect(reg.conflicts.size).toBe(0)
  })

  it('round-trips through events and replay', async () => {
    const { doc } = await loadAll()
    const state = await replayGroups(planToEvents(doc.plan, { recordedBy: 'plan-office' }))
    expect(state.unattached).toEqual([])
    expect(planFromState(state, doc.plan.id)).toEqual(ledgerView(doc.plan))
  })

  it('replays the railway chronicle and the dated values on top of the plan', async () => {
    const { doc, railway, chronicles } = await loadAll()
    const state = await replayGroups(
      planToEvents(doc.plan, { recordedBy: 'plan-office' }),
      historyToEvents(railway, { recordedBy: 'yearbook' }),
      historyToEvents(chronicles, { recordedBy: 'yearbook' }),
    )
    expect(state.unattached).toEqual([])
    const rail = state.projects.get('hangtai-hsr-shengzhou')!
    expect(rail.milestoneOrder).toHaveLength(56)
    const met = rail.milestoneOrder.map((m) => metRecord(rail.milestones[m]!)!)
    expect(met.every((m) => m.unplanned)).toBe(true)
    expect(met[0]?.date).toEqual({ date: '2016-12-23', precision: 'day' })
    expect(new Set(met.map((m) => m.date.precision))).toEqual(
      new Set(['day', 'month', 'range', 'early-month', 'mid-month', 'late-month']),
    )
    const opening = rail.milestoneOrder
      .map((m) => rail.milestones[m]!)
      .find((m) => m.kind === 'opening')
    expect(metRecord(opening!)?.date).toEqual({ date: '2022-01-08', precision: 'day' })
    const observed = state.indicators
      .toArray()
      .filter(
        (i) =>
          i.definitions[0]?.definition.attribute === 'observation' &&
          i.definitions[0]?.definition.planId === 'shengzhou-chronicles-2021',
      )
    expect(observed).toHaveLength(86)
    expect(observed.flatMap((i) => i.values)).toHaveLength(86)
    // the chronicles do not leak into the plan
    expect(planFromState(state, doc.plan.id)?.indicators).toHaveLength(68)
  })
})
