// Laws of the spreadsheet package, checked with fast-check: figures read back as written, in
// any accepted form and by any of three writers; nothing is read from words; no input makes a
// reader throw.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { currentDefinition, type IndicatorState } from '@progress-ledger/core'
import * as XLSX from 'xlsx'
import {
  isPercentUnit,
  parseFigure,
  readCsv,
  readFigures,
  readXlsx,
  writeTemplate,
} from '../src/index'
import { seedState } from './ledger'
import { type CellSpec, csvBytes, exceljsBook, sheetjsBook } from './writers'

const seed = Number(process.env['FC_SEED'] ?? Date.now() % 2 ** 31)
const params = (numRuns: number) => ({ numRuns, seed })

/** A decimal with up to 4 places and at most 11 significant digits, and its digits. */
const decimal = fc
  .record({
    n: fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }),
    k: fc.integer({ min: 0, max: 4 }),
  })
  .map(({ n, k }) => {
    const neg = n < 0
    const digits = String(Math.abs(n)).padStart(k + 1, '0')
    const int = digits.slice(0, digits.length - k)
    const frac = digits.slice(digits.length - k)
    const value = Number(`${neg ? '-' : ''}${int}${k > 0 ? `.${frac}` : ''}`)
    return { value: value === 0 ? 0 : value, neg, int, frac }
  })

type Form = 'plain' | 'grouped' | 'full-width' | 'plus' | 'padded'
const forms: ReadonlyArray<Form> = ['plain', 'grouped', 'full-width', 'plus', 'padded']

function render(d: { neg: boolean; int: string; frac: string }, form: Form): string {
  const int = form === 'grouped' ? d.int.replace(/\B(?=(\d{3})+$)/g, ',') : d.int
  const s = `${d.neg ? '-' : form === 'plus' ? '+' : ''}${int}${d.frac === '' ? '' : `.${d.frac}`}`
  if (form === 'full-width')
    return s.replace(/[0-9.+-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
  return form === 'padded' ? `\u3000 ${s} ` : s
}

describe('laws of figures', () => {
  it('any decimal, written in any accepted form, reads back as itself', () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom(...forms), fc.boolean(), (d, form, percent) => {
        const text = render(d, form) + (percent ? '%' : '')
        const r = parseFigure({ kind: 'text', text }, { unit: percent ? '%' : '万元' })
        expect(r).toEqual({ _tag: 'Figure', value: d.value, formula: false })
      }),
      params(2000),
    )
  })

  it('no figure is read from text with a letter or a Chinese character in it', () => {
    const word = fc.constantFrom('a', 'E', 'x', '万', '元', '约', '%a')
    fc.assert(
      fc.property(
        fc.string(),
        word,
        fc.string(),
        fc.constantFrom('%', '万元', ''),
        (a, w, b, unit) => {
          expect(parseFigure({ kind: 'text', text: a + w + b }, { unit })._tag).not.toBe('Figure')
        },
      ),
      params(2000),
    )
  })

  it('never throws on any text, and every figure read is finite', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.constantFrom('%', '万元', ''),
        (text, unit) => {
          const r = parseFigure({ kind: 'text', text }, { unit })
          if (r._tag === 'Figure') expect(Number.isFinite(r.value)).toBe(true)
        },
      ),
      params(2000),
    )
  })
})

describe('laws of tables', () => {
  it('any figures table written by exceljs, SheetJS or as CSV reads back as the same commands', async () => {
    const state = await seedState()
    const yearly = state.indicators
      .toArray()
      .filter((i) => currentDefinition(i).periodicity === 'year')
    const arbTable = fc.record({
      rows: fc.uniqueArray(fc.constantFrom(...yearly.map((i) => i.indicatorId)), {
        minLength: 1,
        maxLength: 8,
      }),
      years: fc.uniqueArray(fc.integer({ min: 2021, max: 2025 }), { minLength: 1, maxLength: 3 }),
      cells: fc.array(
        fc.array(fc.option(fc.tuple(decimal, fc.constantFrom(...forms)), { nil: null }), {
          minLength: 3,
          maxLength: 3,
        }),
        { minLength: 8, maxLength: 8 },
      ),
      statuses: fc.array(fc.constantFrom(null, 'final', '正式', 'preliminary', '初步'), {
        minLength: 8,
        maxLength: 8,
      }),
      lang: fc.constantFrom('zh', 'en'),
      key: fc.constantFrom('number', 'id'),
      writer: fc.constantFrom('exceljs', 'sheetjs', 'csv'),
      asNumbers: fc.boolean(),
    })
    await fc.assert(
      fc.asyncProperty(arbTable, async (t) => {
        const keyOf = (i: IndicatorState): string =>
          t.key === 'id' ? i.indicatorId : (currentDefinition(i).number ?? i.indicatorId)
        const header: CellSpec[] = [
          t.key === 'number'
            ? t.lang === 'zh'
              ? '序号'
              : 'No.'
            : t.lang === 'zh'
              ? '指标编号'
              : 'ID',
          t.lang === 'zh' ? '指标' : 'Indicator',
          ...t.years.map((y) => (t.lang === 'zh' ? `${y}年` : String(y))),
          t.lang === 'zh' ? '状态' : 'Status',
        ]
        const expected: unknown[] = []
        const rows: CellSpec[][] = t.rows.map((id, r) => {
          const ind = state.indicators.get(id) as IndicatorState
          const def = currentDefinition(ind)
          const status = t.statuses[r] ?? null
          const cells = t.years.map((y, c) => {
            const cell = t.cells[r]?.[c] ?? null
            if (cell === null) return null
            const [d, form] = cell
            expected.push([
              ind.indicatorId,
              String(y),
              d.value,
              status === 'final' || status === '正式' ? 'final' : 'preliminary',
            ])
            return t.asNumbers && t.writer !== 'csv'
              ? d.value
              : render(d, form) + (isPercentUnit(def.unit) && form === 'plain' ? '%' : '')
          })
          return [
            keyOf(ind),
            t.lang === 'zh' ? def.name.zh : (def.name.en ?? def.name.zh),
            ...cells,
            status,
          ]
        })
        const table = [header, ...rows]
        const name = t.writer === 'csv' ? 'figures.csv' : 'figures.xlsx'
        const bytes =
          t.writer === 'csv'
            ? csvBytes(table)
            : t.writer === 'sheetjs'
              ? sheetjsBook({ 表1: table })
              : await exceljsBook({ 表1: table })
        const r = await readFigures({ name, bytes }, { state })
        expect(
          r._tag === 'Read'
            ? r.commands.map((c) => [c.indicatorId, c.period, c.value, c.status])
            : r.problems.map((p) => p.message),
        ).toEqual(expected)
      }),
      params(60),
    )
  })

  it('any filling of the template by SheetJS reads back as the figures filled in', async () => {
    const state = await seedState()
    const t = await writeTemplate(state, { year: 2023, at: '2024-01-05T09:00:00.000Z', lang: 'en' })
    if (t._tag !== 'Template') throw new Error('no template')
    const rows = t.indicators
    const fill = fc.uniqueArray(
      fc.record({
        row: fc.integer({ min: 0, max: rows - 1 }),
        figure: decimal,
        form: fc.constantFrom(...forms),
        asNumber: fc.boolean(),
        status: fc.constantFrom(null, 'preliminary', 'final'),
      }),
      { maxLength: 10, selector: (f) => f.row },
    )
    await fc.assert(
      fc.asyncProperty(fill, async (cells) => {
        const wb = XLSX.read(t.bytes, { type: 'buffer' })
        const ws = wb.Sheets['2023'] as XLSX.WorkSheet
        const expected = [...cells]
          .sort((a, b) => a.row - b.row)
          .map((c) => {
            const id = String(ws[`B${3 + c.row}`]?.v)
            ws[`K${3 + c.row}`] = c.asNumber
              ? { t: 'n', v: c.figure.value }
              : { t: 's', v: render(c.figure, c.form) }
            if (c.status !== null) ws[`L${3 + c.row}`] = { t: 's', v: c.status }
            return [id, '2023', c.figure.value, c.status ?? 'preliminary']
          })
        const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
        const r = await readFigures({ name: 'filled.xlsx', bytes }, { state })
        expect(
          r._tag === 'Read'
            ? r.commands.map((c) => [c.indicatorId, c.period, c.value, c.status])
            : r.problems.map((p) => p.message),
        ).toEqual(expected)
      }),
      params(30),
    )
  })

  it('any table of texts written as CSV reads back cell for cell', () => {
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
      .filter((s) => s.trim() === s)
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const r = readCsv(csvBytes(rows), 't.csv')
          expect(r._tag === 'Sheets' && r.sheets[0]?.rows).toEqual(
            rows.map((row) => row.map((s) => ({ kind: 'text', text: s }))),
          )
        },
      ),
      params(500),
    )
  })

  it('no truncation or damage of a workbook makes the reader throw', async () => {
    const good = await exceljsBook({
      表1: [
        ['序号', '2023年'],
        [1, 12.6],
        [6, '1,234.5'],
      ],
    })
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: good.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        async (cut, flips) => {
          const bytes = Uint8Array.from(flips.length === 0 ? good.subarray(0, cut) : good)
          for (const [at, b] of flips) bytes[at % bytes.length] = b
          const r = await readXlsx(bytes, 'f.xlsx')
          if (r._tag === 'Unreadable')
            expect(r.problems[0]?.message).toMatch(/^f\.xlsx: expected an \.xlsx workbook/)
          else expect(r.sheets.length).toBeGreaterThan(0)
        },
      ),
      params(200),
    )
  })
})
