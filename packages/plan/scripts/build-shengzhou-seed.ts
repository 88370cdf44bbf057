/**
 * Builds the Shengzhou seed files (`seeds/shengzhou/plan.json`, `railway-history.json`,
 * `chronicles.json`) from the three transcribers' parts in `seeds/shengzhou/parts/`. Run from the
 * repository root: `node --conditions=@progress-ledger/source --import tsx packages/plan/scripts/build-shengzhou-seed.ts`.
 * A test checks that the committed files are exactly what this produces.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { daysInMonth, type LocalizedText, type TargetExpression } from '@progress-ledger/core'
import { departmentRegistry, resolveDepartment } from '../src/Department'
import { HISTORY_DOCUMENT_FORMAT, loadHistoryDocument } from '../src/History'
import { targetParseOptions } from '../src/Indicator'
import { PLAN_DOCUMENT_FORMAT } from '../src/PlanDocument'
import { loadPlanDocument } from '../src/PlanValidation'
import { parseTarget, type TargetParseResult } from '../src/TargetGrammar'

/** The parsed expression, or a quota placeholder while the problems are collected. */
const parsedOr = (r: TargetParseResult): TargetExpression =>
  r._tag === 'Parsed' ? r.value : { kind: 'quota' }

interface Src {
  readonly line: number
  readonly quote: string
}
interface PartFact {
  key: string
  value: number
  unit?: string
  label?: LocalizedText
  qualifier?: string
  note?: string
  source?: Src
}
interface PartIndicator {
  id: string
  number: string
  name: LocalizedText
  unit: string
  unitEn: string
  category: string
  printedCategory: string
  categoryCorrection: string | null
  attribute: 'evaluation' | 'observation' | null
  selfSelected: boolean
  parent: string | null
  departmentsPrinted: string[]
  targets: Array<{ year: number; printed: string }>
  spansBothYears: boolean
  notes: string | null
  source: Src
}
interface PartItem {
  id: string
  number: number
  section: string
  name?: LocalizedText
  title?: LocalizedText
  summary?: string
  unitsPrinted: string[]
  source: Src
  note?: string
}
interface PartDated {
  date: string
  precision: string
  dateEnd: string | null
}
/** The transcribers' parts. */
export interface Parts {
  indicators: {
    categories: Array<{ id: string; name: LocalizedText; printed: string }>
    indicators: PartIndicator[]
    headlineTargets: Array<{
      id: string
      text: string
      year: number
      printed: string
      unit: string
      indicator: string | null
      agrees: boolean
      disagreement: string | null
      source: Src
    }>
    departments: Array<{
      id: string
      name: string
      en: string
      aliases: string[]
      note: string | null
      source: Src
    }>
  }
  lists: {
    sections: Record<
      'keyTasks' | 'flagshipProjects' | 'reforms' | 'actionItems',
      Array<{ number: string; title: string }>
    >
    keyTasks: PartItem[]
    flagshipProjects: PartItem[]
    reforms: PartItem[]
    actionItems: PartItem[]
  }
  railway: {
    project: {
      id: string
      name: LocalizedText
      formerName: LocalizedText & { source: Src }
      facts: Array<PartFact & { label: LocalizedText; unit: string; source: Src }>
      unitsPrinted: Array<{ name: string; source: Src }>
    }
    milestones: Array<
      PartDated & {
        id: string
        time: string | null
        kind: string
        scope: string
        title: LocalizedText
        facts: PartFact[]
        source: Src
      }
    >
  }
  chronicles: {
    series: Array<{
      id: string
      chronicle: string
      name: LocalizedText
      unit: string
      unitEn: string
      kind: string
    }>
    values: Array<
      PartDated & { id: string; series: string; value: number; source: Src; note: string | null }
    >
  }
}

const DOC = 'seeds/shengzhou/source.txt'
/** The plan id of the observation series of the chronicles (not an adopted plan). */
export const CHRONICLES_PLAN_ID = 'shengzhou-chronicles-2021'
const src = (s: Src) => ({ document: DOC, line: s.line, quote: s.quote })
const nn = <K extends string, V>(k: K, v: V | null | undefined): { [P in K]?: V } =>
  v === null || v === undefined ? {} : ({ [k]: v } as { [P in K]: V })

function directionOf(
  exprs: ReadonlyArray<TargetExpression>,
): 'higher' | 'lower' | 'band' | 'neutral' {
  for (const e of exprs) {
    if (e.kind === 'trend') return e.direction === 'rise' ? 'higher' : 'lower'
    if (e.kind === 'comparison') return e.op === 'ge' || e.op === 'gt' ? 'higher' : 'lower'
    if (e.kind === 'level') return e.direction === 'lower' ? 'lower' : 'higher'
    if (e.kind === 'stable' || e.kind === 'reasonable-range') return 'band'
  }
  return 'neutral'
}

function dateSpec(x: PartDated): { date: string; precision: string; end?: string } {
  if (x.precision !== 'range') return { date: x.date, precision: x.precision }
  const month = /^\d{4}-\d{2}$/
  const end = x.dateEnd as string
  const endDay = month.test(end)
    ? `${end}-${String(daysInMonth(Number(end.slice(0, 4)), Number(end.slice(5, 7)))).padStart(2, '0')}`
    : end
  return { date: month.test(x.date) ? `${x.date}-01` : x.date, precision: 'range', end: endDay }
}

/** The three seed documents built from the parts, and every problem met on the way. */
export function buildShengzhouSeed(parts: Parts): {
  plan: unknown
  railway: unknown
  chronicles: unknown
  problems: string[]
} {
  const { indicators: ind, lists, railway: rail, chronicles: chron } = parts
  const problems: string[] = []
  const departments = ind.departments.map((d) => ({
    id: d.id,
    name: { zh: d.name, en: d.en },
    aliases: d.aliases,
    ...nn('note', d.note),
    transcript: { source: src(d.source) },
  }))
  const reg = departmentRegistry(departments)
  const resolve = (where: string, names: ReadonlyArray<string>): string[] => {
    const ids: string[] = []
    for (const n of names) {
      const r = resolveDepartment(reg, n)
      if (r._tag === 'Unresolved')
        problems.push(`${where}: unresolved department ${JSON.stringify(n)}`)
      else if (!ids.includes(r.id)) ids.push(r.id)
    }
    return ids
  }

  const indicators = ind.indicators.map((i) => {
    const raw = i.targets.map((x) => ({
      dueYear: x.year,
      role: x.year === 2025 ? ('final' as const) : ('interim' as const),
      printed: x.printed,
    }))
    const pre = raw.map((x) => ({
      ...x,
      expression: parsedOr(parseTarget(x.printed, { unit: i.unit })),
    }))
    const targets = raw.map((x) => {
      const r = parseTarget(x.printed, targetParseOptions({ targets: pre, unit: i.unit }, x.role))
      if (r._tag === 'TargetParseError') problems.push(`${i.id}: ${r.message}`)
      return { ...x, expression: parsedOr(r) }
    })
    return {
      id: i.id,
      number: i.number,
      name: i.name,
      unit: i.unit,
      unitEn: i.unitEn,
      category: i.category,
      attribute: i.attribute ?? 'observation',
      selfSelected: i.selfSelected,
      ...nn('parent', i.parent),
      departments: resolve(i.id, i.departmentsPrinted),
      direction: directionOf(targets.map((x) => x.expression).reverse()),
      periodicity: 'year',
      targets,
      source: src(i.source),
      transcript: {
        departments: i.departmentsPrinted,
        category: i.printedCategory,
        ...nn('categoryCorrection', i.categoryCorrection),
        ...(i.attribute === null ? { attributePrinted: false } : {}),
        ...(i.spansBothYears ? { spansBothYears: true } : {}),
        ...nn('note', i.notes),
      },
    }
  })
  const task = (kind: string) => (x: PartItem) => ({
    id: x.id,
    kind,
    number: String(x.number),
    section: x.section,
    name: x.name ?? x.title,
    ...nn('summary', x.summary),
    departments: resolve(x.id, x.unitsPrinted),
    source: src(x.source),
    transcript: { departments: x.unitsPrinted, ...nn('note', x.note) },
  })
  const flagships = lists.flagshipProjects.map((x) => ({
    id: x.id,
    kind: 'flagship',
    number: String(x.number),
    section: x.section,
    name: x.name,
    departments: resolve(x.id, x.unitsPrinted),
    facts: [],
    milestones: [],
    source: src(x.source),
    transcript: { departments: x.unitsPrinted, ...nn('summary', x.summary), ...nn('note', x.note) },
  }))
  const p = rail.project
  const railway = {
    id: p.id,
    kind: 'construction',
    name: p.name,
    departments: [],
    facts: p.facts.map((f) => ({ key: f.key, value: f.value, unit: f.unit, label: f.label })),
    milestones: [],
    source: src(p.formerName.source),
    transcript: {
      formerName: { zh: p.formerName.zh, ...nn('en', p.formerName.en) },
      factSources: p.facts.map((f) => ({
        key: f.key,
        source: src(f.source),
        ...nn('qualifier', f.qualifier),
        ...nn('note', f.note),
      })),
      otherUnits: p.unitsPrinted.map((u) => ({ name: u.name, source: src(u.source) })),
      note: 'Built and run by national and provincial bodies (otherUnits), none of them a responsible unit of the plan; its dated milestones are history (railway-history.json).',
    },
  }
  const s = lists.sections
  const plan = {
    id: 'shengzhou-common-prosperity-2021-2025',
    name: {
      zh: '嵊州全力打造浙江高质量发展建设共同富裕示范区县域样板行动方案（2021—2025年）',
      en: 'Shengzhou action plan for building a county-level model of the Zhejiang common prosperity demonstration zone through high-quality development (2021–2025)',
    },
    adoptedOn: '2021-08-10',
    baseYear: 2020,
    startYear: 2021,
    endYear: 2025,
    issuer: '中共嵊州市委 嵊州市人民政府',
    source: {
      document: DOC,
      line: 42,
      quote:
        '现将《嵊州全力打造浙江高质量发展建设共同富裕示范区县域样板行动方案（2021—2025年）》印发给你们',
    },
    categories: ind.categories.map((c) => ({
      id: c.id,
      name: c.name,
      transcript: { category: c.printed },
    })),
    departments,
    indicators,
    tasks: [
      ...lists.keyTasks.map(task('key-task')),
      ...lists.reforms.map(task('reform')),
      ...lists.actionItems.map(task('action-item')),
    ],
    projects: [...flagships, railway],
  }
  const planDoc = {
    format: PLAN_DOCUMENT_FORMAT,
    plan,
    headlineTargets: ind.headlineTargets.map((h) => {
      const r = parseTarget(h.printed)
      return {
        id: h.id,
        text: h.text,
        dueYear: h.year,
        printed: h.printed,
        expression: r._tag === 'Parsed' ? r.value : null,
        unit: h.unit,
        indicator: h.indicator,
        agrees: h.agrees,
        disagreement: h.disagreement,
        source: src(h.source),
      }
    }),
    sections: [
      ...s.keyTasks.map((x) => ({ list: 'key-task', ...x })),
      ...s.flagshipProjects.map((x) => ({ list: 'flagship', ...x })),
      ...s.reforms.map((x) => ({ list: 'reform', ...x })),
      ...s.actionItems.map((x) => ({ list: 'action-item', ...x })),
    ],
    notes: [
      'Transcribed from seeds/shengzhou/source.txt by three transcribers; every record carries its source line and quoted phrase.',
      'baseYear 2020: 表1 prints no baseline column; 2020 is the year before the plan period 2021–2025. No baselines are recorded.',
      'Indicator directions are derived from the parsed targets (a trend, a comparison, or a plain number whose direction is inferred from the other year).',
      'Rows 26, 26.1 and 26.2 print no 指标属性: recorded as observation, with transcript.attributePrinted = false.',
      'Targets printed once across the 2022 and 2025 columns are recorded for both years (transcript.spansBothYears).',
    ],
  }
  const v = loadPlanDocument(planDoc)
  if (v._tag === 'Invalid') problems.push(...v.issues.map((i) => `plan.json ${i.message}`))

  const railwayHistory = {
    format: HISTORY_DOCUMENT_FORMAT,
    milestones: rail.milestones.map((m) => ({
      id: m.id,
      projectId: p.id,
      met: dateSpec(m),
      kind: m.kind,
      scope: m.scope,
      title: m.title,
      facts: m.facts.map((f) => ({
        key: f.key,
        value: f.value,
        ...nn('unit', f.unit),
        ...nn('label', f.label),
        ...nn('qualifier', f.qualifier),
        ...nn('note', f.note),
        ...(f.source === undefined ? {} : { source: src(f.source) }),
      })),
      source: src(m.source),
      ...nn('time', m.time),
      ...(m.precision === 'range' && /^\d{4}-\d{2}$/.test(m.date)
        ? {
            note: `printed as the months ${m.date} to ${m.dateEnd ?? ''}; recorded as the days from the first to the last of those months`,
          }
        : {}),
    })),
    notes: [
      'The chronicle of the Hangzhou–Taizhou railway, Shengzhou section (source lines 577–663): actual dates, so every milestone is recorded as met without a plan (unplanned: true).',
      'scope: line (the whole Hangzhou–Taizhou line), section (the Shengzhou section), related (nearby works).',
    ],
  }
  const chronicles = {
    format: HISTORY_DOCUMENT_FORMAT,
    series: chron.series.map((x) => ({
      id: x.id,
      planId: CHRONICLES_PLAN_ID,
      category: x.chronicle,
      name: x.name,
      unit: x.unit,
      unitEn: x.unitEn,
      kind: x.kind,
      chronicle: x.chronicle,
    })),
    values: chron.values.map((x) => ({
      id: x.id,
      series: x.series,
      date: dateSpec(x),
      value: x.value,
      source: src(x.source),
      ...nn('note', x.note),
    })),
    notes: [
      `The quantitative facts of the 2021 COVID, digital-reform and Party-history chronicles as dated values. Each series becomes an observation indicator of ${CHRONICLES_PLAN_ID}, which is not an adopted plan (these are not plan indicators); its category is its chronicle.`,
      "A value dated by a range is reported for the range's last day.",
    ],
  }
  for (const [name, doc] of [
    ['railway-history.json', railwayHistory],
    ['chronicles.json', chronicles],
  ] as const) {
    const h = loadHistoryDocument(doc)
    if (h._tag === 'Invalid') problems.push(...h.issues.map((i) => `${name} ${i.message}`))
  }
  return { plan: planDoc, railway: railwayHistory, chronicles, problems }
}

/** Reads the parts from a seed folder. */
export function readParts(dir: string): Parts {
  const read = (f: string): unknown => JSON.parse(readFileSync(`${dir}/parts/${f}.json`, 'utf8'))
  return {
    indicators: read('indicators'),
    lists: read('lists'),
    railway: read('railway'),
    chronicles: read('chronicles'),
  } as Parts
}

/** The text a seed document is written as. */
export const seedText = (u: unknown): string => `${JSON.stringify(u, null, 2)}\n`

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = 'seeds/shengzhou'
  const built = buildShengzhouSeed(readParts(dir))
  if (built.problems.length > 0) {
    process.stderr.write(`${built.problems.join('\n')}\n`)
    process.exitCode = 1
  } else {
    writeFileSync(`${dir}/plan.json`, seedText(built.plan))
    writeFileSync(`${dir}/railway-history.json`, seedText(built.railway))
    writeFileSync(`${dir}/chronicles.json`, seedText(built.chronicles))
  }
}
