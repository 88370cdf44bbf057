// The harness itself: a CI slice of the fuzz run finds nothing, and each of the three counts can
// go up — a target that throws, one that writes after refusing, and one that accepts what it
// must refuse are each caught.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { emptyLedger, type RecordedEvent } from '@progress-ledger/core'
import { planAdmin, reporter } from '@progress-ledger/commands'
import { findings, runFuzz } from '../src/Fuzz'
import { invalidOf } from '../src/Hostile'
import { appendInputs, type FuzzInput } from '../src/Inputs'
import { violations } from '../src/Oracle'
import { importTarget } from '../src/ImportTarget'
import { appendTarget, type FuzzTarget } from '../src/Targets'

const sqlitePath = () => join(mkdtempSync(join(tmpdir(), 'fuzz-test-')), 'fuzz.sqlite')

describe('the fuzz harness', () => {
  it('finds nothing in a slice of 1,500 inputs on both stores, and exercises both targets', async () => {
    const report = await runFuzz({
      inputs: 1500,
      seed: 20_260_101,
      worldSize: 500,
      sqlitePath: sqlitePath(),
    })
    expect({
      crashes: report.crashes,
      acceptedInvalid: report.acceptedInvalid,
      changedAfterRefusal: report.changedAfterRefusal,
    }).toEqual({ crashes: [], acceptedInvalid: [], changedAfterRefusal: [] })
    expect(report.byStore).toEqual({ memory: 1000, sqlite: 500 })
    for (const name of ['append', 'import-plan']) {
      const t = report.byTarget[name]
      expect(t?.accepted).toBeGreaterThan(20)
      expect(t?.refused).toBeGreaterThan(100)
    }
    // Exports: every spoiled one refused, the few whole ones reproduced.
    const imports = report.byTarget['import']
    expect(imports?.refused).toBeGreaterThan(100)
    expect(imports?.accepted).toBeGreaterThan(0)
    expect(Object.keys(imports?.refusedBy ?? {}).length).toBeGreaterThan(3)
  })

  it('counts an import that accepts a spoiled export as accepted-invalid', async () => {
    const lax: FuzzTarget = {
      ...importTarget,
      run: () => Promise.resolve({ _tag: 'Accepted', events: [] }),
    }
    const r = await runFuzz({
      inputs: 40,
      seed: 3,
      stores: ['memory'],
      worldSize: 500,
      targets: [lax],
    })
    expect(r.acceptedInvalid.length).toBeGreaterThan(30)
    expect(r.acceptedInvalid[0]?.problem).toMatch(/^accepted an export with its .* spoiled$/)
  })

  it('counts a crash when a write path throws', async () => {
    const throwing: FuzzTarget = {
      ...appendTarget,
      run: () => Promise.reject(new RangeError('Maximum call stack size exceeded')),
    }
    const r = await runFuzz({
      inputs: 3,
      seed: 1,
      stores: ['memory'],
      worldSize: 500,
      targets: [throwing],
    })
    expect(r.crashes.map((c) => c.problem)).toEqual(
      Array(3).fill('RangeError: Maximum call stack size exceeded'),
    )
    expect(findings(r)).toBe(3)
  })

  it('counts a ledger change after a refusal', async () => {
    const sneaky: FuzzTarget = {
      ...appendTarget,
      run: async (world, input, index) => {
        const text = `{"type":"RegisterDepartment","departmentId":"sneak-${index}","name":{"zh":"局"}}`
        await appendTarget.run(world, { ...input, text, actor: planAdmin('po') }, index)
        return { _tag: 'Refused', by: 'pretend', recorded: [] }
      },
    }
    const r = await runFuzz({
      inputs: 2,
      seed: 1,
      stores: ['memory'],
      worldSize: 500,
      targets: [sneaky],
    })
    expect(r.changedAfterRefusal).toHaveLength(2)
    expect(r.changedAfterRefusal[0]?.problem).toMatch(
      /^head moved from \d+ to \d+ after a refusal by pretend/,
    )
  })

  it('counts an accepted input that had to be refused', async () => {
    const lax: FuzzTarget = {
      ...appendTarget,
      inputs: appendInputs.map((i): FuzzInput => ({ ...i, mustRefuse: 'anything, for this test' })),
      run: async (world, input, index) =>
        appendTarget.run(
          world,
          {
            ...input,
            text: '{"type":"RegisterDepartment","departmentId":"ok","name":{"zh":"局"}}',
            actor: planAdmin('po'),
          },
          index,
        ),
    }
    const r = await runFuzz({
      inputs: 2,
      seed: 1,
      stores: ['memory'],
      worldSize: 500,
      targets: [lax],
    })
    expect(r.acceptedInvalid.map((f) => f.problem)).toEqual(
      Array(2).fill('accepted anything, for this test'),
    )
  })
})

describe('the oracle', () => {
  const event = (type: string, data: object, actor = 'po'): RecordedEvent =>
    ({
      id: 'e1',
      streamId: 's',
      version: 1,
      position: 1,
      schemaVersion: 1,
      validTime: '2021-08-10',
      recordedTime: '2021-08-10T00:00:00.000Z',
      actor,
      correlationId: null,
      causationId: null,
      prevHash: '',
      hash: 'h',
      type,
      data,
    }) as RecordedEvent

  it('flags what the limits forbid in any field of an event', () => {
    const problems = (type: string, data: object, actor = planAdmin('po')) =>
      violations([event(type, data)], [emptyLedger()], actor).map((v) => `${v.path}: ${v.problem}`)
    expect(
      problems('DepartmentRegistered', {
        departmentId: '__proto__',
        name: { zh: '局\n#' },
        aliases: [],
        note: 'x'.repeat(2001),
      }),
    ).toEqual([
      'data.departmentId: a prototype name as id',
      'data.name.zh: a name with a control, bidi or line-breaking character',
      'data.note: a text of 2001 characters',
    ])
    expect(
      problems('PlanAdopted', {
        planId: 'p',
        name: { zh: '方案' },
        adoptedOn: '2030-01-01',
        baseYear: 2020,
        startYear: 2021,
        endYear: 2025,
      }),
    ).toEqual(['PlanAdopted: adopted in 2030, outside its years'])
    expect(
      problems('TaskStatusReported', { taskId: 'T1', status: 'completed', progress: 1e16 }),
    ).toEqual([
      'data.progress: the number 10000000000000000',
      'TaskStatusReported: a task progress of 10000000000000000 %',
    ])
    expect(
      problems(
        'CategoryDefined',
        { planId: 'p', categoryId: 'c', name: { zh: '类' }, order: 1 },
        reporter('c', 'fgj'),
      ),
    ).toEqual(['CategoryDefined: a reporter wrote CategoryDefined'])
  })

  it('is never satisfied by a value drawn from an invalid pool, in an id field', () => {
    fc.assert(
      fc.property(
        invalidOf('id').filter((v) => typeof v === 'string'),
        (id) => {
          const v = violations(
            [event('DepartmentRegistered', { departmentId: id, name: { zh: '局' }, aliases: [] })],
            [emptyLedger()],
            planAdmin('po'),
          )
          expect(v.length).toBeGreaterThan(0)
        },
      ),
    )
  })
})
