/**
 * `progress-ledger list indicators|departments|projects|tasks`: what the ledger holds, with the
 * numbers as printed in the plan, so that people can find the id to use in other commands.
 *
 * @module commands/List
 */
import {
  currentDefinition,
  type IsoDate,
  type LedgerState,
  responsibleOn,
} from '@progress-ledger/core'
import { localized } from '@progress-ledger/reporting'
import { type CommandSpec, flagOption, positional, stringOption } from '../Command'
import { ExitCode, UsageError } from '../Failure'
import {
  asOfOf,
  asOfOption,
  jsonOption,
  langOf,
  loadCut,
  noPlan,
  reportOptionSpecs,
} from '../ReportOptions'

/**
 * What `list` can list.
 *
 * @example
 * import { listKinds } from '@progress-ledger/cli'
 * listKinds.length // 5
 */
export const listKinds = ['indicators', 'departments', 'projects', 'tasks', 'plans'] as const
/** What `list` can list. */
export type ListKind = (typeof listKinds)[number]

/**
 * Is `s` something `list` can list?
 *
 * @example
 * import { isListKind } from '@progress-ledger/cli'
 * isListKind('tasks') // true
 * isListKind('reforms') // false
 */
export function isListKind(s: string): s is ListKind {
  return (listKinds as ReadonlyArray<string>).includes(s)
}

/** One row of a listing. */
export interface ListRow {
  /** The plan the row belongs to (a plan's own id for plans); `null` for departments and a project of no plan. */
  readonly planId: string | null
  /** Task or project kind (`key-task`, `reform`, `flagship`, …); `null` for the other kinds. */
  readonly kind: string | null
  /** The number as printed in the plan, if any. */
  readonly number: string | null
  readonly id: string
  readonly name: string
  /** The unit (indicators), the other names (departments), the years and adoption (plans). */
  readonly detail: string
  /** Responsible departments on the as-of date. */
  readonly departments: ReadonlyArray<string>
}

const KIND_ORDER = ['key-task', 'reform', 'action-item', 'flagship', 'construction']

/** Rows of one plan together, the plans in the order they were adopted, then by number. */
function inPlanOrder(state: LedgerState): (a: ListRow, b: ListRow) => number {
  const rank = new Map<string, number>()
  state.plans.each((p) => void rank.set(p.planId, p.position))
  const of = (r: ListRow) => (r.planId === null ? -1 : (rank.get(r.planId) ?? Infinity))
  return (a, b) => of(a) - of(b) || byNumber(a, b)
}

function byNumber(a: ListRow, b: ListRow): number {
  const ka = a.kind === null ? -1 : KIND_ORDER.indexOf(a.kind)
  const kb = b.kind === null ? -1 : KIND_ORDER.indexOf(b.kind)
  const na = a.number === null ? Infinity : parseFloat(a.number)
  const nb = b.number === null ? Infinity : parseFloat(b.number)
  return ka - kb || (na === nb ? 0 : na < nb ? -1 : 1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * The rows of a listing from a ledger state, in plan order; `planId` keeps one plan's entries.
 *
 * @example
 * import { emptyLedger, isoDate } from '@progress-ledger/core'
 * import { listRows } from '@progress-ledger/cli'
 * listRows(emptyLedger(), 'indicators', { asOf: isoDate('2022-12-31'), lang: 'en' }) // []
 */
export function listRows(
  state: LedgerState,
  kind: ListKind,
  options: { readonly asOf: IsoDate; readonly lang: 'zh' | 'en'; readonly planId?: string },
): ReadonlyArray<ListRow> {
  const day = options.asOf
  const inPlan = (planId: string | undefined) =>
    options.planId === undefined || planId === options.planId
  const rows: ListRow[] = []
  switch (kind) {
    case 'indicators':
      state.indicators.each((ind) => {
        const d = currentDefinition(ind)
        if (!inPlan(d.planId)) return
        rows.push({
          planId: d.planId,
          kind: null,
          number: d.number ?? null,
          id: ind.indicatorId,
          name: localized(d.name, options.lang),
          detail: options.lang === 'en' ? (d.unitEn ?? d.unit) : d.unit,
          departments: responsibleOn(ind, day),
        })
      })
      break
    case 'tasks':
      state.tasks.each((t) => {
        if (!inPlan(t.definition.planId)) return
        rows.push({
          planId: t.definition.planId,
          kind: t.definition.kind,
          number: t.definition.number ?? null,
          id: t.taskId,
          name: localized(t.definition.name, options.lang),
          detail: '',
          departments: responsibleOn(t, day),
        })
      })
      break
    case 'projects':
      state.projects.each((p) => {
        if (!inPlan(p.definition.planId)) return
        rows.push({
          planId: p.definition.planId ?? null,
          kind: p.definition.kind,
          number: p.definition.number ?? null,
          id: p.projectId,
          name: localized(p.definition.name, options.lang),
          detail: '',
          departments: responsibleOn(p, day),
        })
      })
      break
    case 'plans':
      state.plans.each((p) => {
        if (!inPlan(p.planId)) return
        rows.push({
          planId: p.planId,
          kind: null,
          number: null,
          id: p.planId,
          name: localized(p.name, options.lang),
          detail: `${p.startYear}–${p.endYear}, ${options.lang === 'en' ? 'adopted on' : '通过于'} ${p.adoptedOn}`,
          departments: [],
        })
      })
      break
    case 'departments':
      state.departments.each((d) => {
        rows.push({
          planId: null,
          kind: null,
          number: null,
          id: d.departmentId,
          name: localized(d.name, options.lang),
          detail: d.aliases.join(', '),
          departments: [],
        })
      })
      break
  }
  return rows.sort(inPlanOrder(state))
}

function renderRows(kind: ListKind, rows: ReadonlyArray<ListRow>): string {
  // A loop, not `Math.max(...)`: spreading 200,000 rows as arguments overflows the stack.
  const width = (f: (r: ListRow) => string) => {
    let w = 0
    for (const r of rows) w = Math.max(w, f(r).length)
    return w
  }
  const wk = width((r) => r.kind ?? '')
  const wn = width((r) => r.number ?? '')
  const wi = width((r) => r.id)
  // The plan first, when the rows are of several (a ledger of many plans, without --plan).
  const plans = kind !== 'plans' && new Set(rows.map((r) => r.planId)).size > 1
  const wp = plans ? width((r) => r.planId ?? '—') : 0
  return rows
    .map((r) => {
      const cells = [
        ...(plans ? [(r.planId ?? '—').padEnd(wp)] : []),
        ...(kind === 'tasks' || kind === 'projects' ? [(r.kind ?? '').padEnd(wk)] : []),
        ...(kind === 'departments' || kind === 'plans'
          ? []
          : [(r.number ?? '—').padEnd(Math.max(wn, 1))]),
        r.id.padEnd(wi),
        r.name +
          (r.detail === '' ? '' : kind === 'indicators' ? ` (${r.detail})` : ` — ${r.detail}`) +
          (r.departments.length === 0 ? '' : `  [${r.departments.join(', ')}]`),
      ]
      return `${cells.join('  ')}\n`
    })
    .join('')
}

const singular: Readonly<Record<ListKind, string>> = {
  indicators: 'indicator',
  departments: 'department',
  projects: 'project',
  tasks: 'task',
  plans: 'plan',
}

/** `list`. */
export const list: CommandSpec = {
  name: 'list',
  summary:
    'list the indicators, departments, projects, tasks or plans, with their numbers in the plan',
  help: [
    'Indicators, tasks and projects are listed in plan order with the number printed in the plan and',
    'the id to use in other commands (`progress-ledger status 14.1` and `status I14a` are the same),',
    'followed by the responsible departments on the --as-of date. `list plans` lists the plans the',
    'ledger holds (ids to give --plan); `list departments` reads only what belongs to no plan.',
  ].join('\n'),
  arguments: [
    {
      name: 'WHAT',
      description: listKinds.join(', '),
      choices: listKinds,
    },
  ],
  options: { 'as-of': asOfOption, ...reportOptionSpecs, json: jsonOption },
  access: 'read',
  run: async (ctx) => {
    const kind = positional(ctx, 0)
    if (!isListKind(kind))
      throw new UsageError(`WHAT: expected ${listKinds.join(', ')}, got ${JSON.stringify(kind)}`)
    const lang = langOf(ctx)
    const asOfDate = asOfOf(ctx)
    const planId = stringOption(ctx, 'plan')
    // One plan's listing reads that plan alone (and what belongs to no single plan); the
    // departments and the plans themselves belong to none, so listing them reads no plan's part.
    const request =
      kind === 'departments' || kind === 'plans'
        ? { plans: [] }
        : planId === undefined
          ? {}
          : { plans: [planId] }
    const state = await loadCut(ctx, asOfDate, request)
    const whole = async () => (await ctx.ledger(request)).state
    // Every plan is in the index, so a --plan the ledger does not hold is refused for every kind
    // (departments belong to no plan, but a misspelt plan is still a mistake worth naming).
    if (planId !== undefined && !state.plans.has(planId))
      throw noPlan(
        ctx,
        state,
        `--plan: expected an adopted plan, got ${JSON.stringify(planId)}`,
        await whole(),
        asOfDate,
      )
    const rows = listRows(state, kind, {
      asOf: asOfDate,
      lang,
      ...(planId === undefined ? {} : { planId }),
    })
    if (rows.length === 0 && kind !== 'departments' && state.plans.size === 0)
      throw noPlan(ctx, state, '', await whole(), asOfDate)
    if (flagOption(ctx, 'json')) ctx.io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
    else ctx.io.stdout.write(renderRows(kind, rows))
    if (!flagOption(ctx, 'json'))
      ctx.io.stderr.write(`${rows.length} ${rows.length === 1 ? singular[kind] : kind}\n`)
    return ExitCode.ok
  },
}
