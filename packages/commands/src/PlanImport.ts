/**
 * Importing a plan through the deciders: a plan (the `plan` of a plan document) becomes the
 * commands a plan administrator would send — `AdoptPlan`, `DefineCategory`, `RegisterDepartment`,
 * `DefineIndicator`, `SetBaseline`, `SetTarget`, `DefineTask`, `ReportTaskStatus`,
 * `DefineProject`, `PlanMilestone`, `MoveMilestoneForecast` — and they are decided and appended
 * like any other commands, with the same rules (an adoption date within the plan's years, ids
 * without control characters, plausible targets, …). Event ids derive from the plan's record
 * ids exactly as `planToEvents` names them, so the events are those `planToEvents` lists, and
 * importing the same plan again is an idempotent retry.
 *
 * @module PlanImport
 */
import {
  type AppendResult,
  type ChainBroken,
  emptyLedger,
  type EventStore,
  type IsoDate,
  type LedgerState,
  loadLedger,
  type RecordedEvent,
  showValue,
} from '@progress-ledger/core'
import { sameContent } from '@progress-ledger/core/adapter'
import type { Plan } from '@progress-ledger/plan'
import type { Command } from './Command'
import type { CommandContext } from './Context'
import { decideAll } from './DecideAll'
import { handleAll, type HandleOptions } from './Handle'
import type { Rule } from './Rejection'
import { anyVersion, appendRequests, type StreamedEvent } from './StreamedEvent'

/** A command that records part of a plan, with the path of the record it comes from. */
export interface PlanCommand {
  /** Where in the plan document the record is, e.g. `plan.indicators[3]`. */
  readonly path: string
  readonly command: Command
}

/** Options of {@link planCommands}. */
export interface PlanCommandsOptions {
  /** Prefix of every event id; defaults to `<planId>/`, as `planToEvents` names them. */
  readonly idPrefix?: string
}

/**
 * The commands that record a plan, in the order `planToEvents` lists its events: the plan and
 * its categories, the departments, then each indicator (definition, baseline, targets), task
 * (definition, status at adoption) and project (definition, planned milestones, forecasts).
 *
 * @example
 * import { isoDate } from '@progress-ledger/core'
 * import { planCommands } from '@progress-ledger/commands'
 * const plan = { id: 'p', name: { zh: '方案' }, adoptedOn: isoDate('2021-08-10'), baseYear: 2020, startYear: 2021, endYear: 2025,
 *   categories: [{ id: 'economy', name: { zh: '经济' } }], departments: [], indicators: [], tasks: [], projects: [] }
 * planCommands(plan).map((c) => `${c.path} ${c.command.type} ${c.command.id}`) // ['plan AdoptPlan p/adopted', 'plan.categories[0] DefineCategory p/category/economy']
 */
export function planCommands(
  plan: Plan,
  options: PlanCommandsOptions = {},
): ReadonlyArray<PlanCommand> {
  const prefix = options.idPrefix ?? `${plan.id}/`
  const on: IsoDate = plan.adoptedOn
  const out: PlanCommand[] = []
  const add = (path: string, command: Command): void => {
    out.push({ path, command })
  }
  const id = (suffix: string): string => `${prefix}${suffix}`
  const opt = <K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } =>
    (v === undefined ? {} : { [key]: v }) as { [P in K]?: V }

  add('plan', {
    type: 'AdoptPlan',
    id: id('adopted'),
    planId: plan.id,
    name: plan.name,
    adoptedOn: on,
    baseYear: plan.baseYear,
    startYear: plan.startYear,
    endYear: plan.endYear,
    ...opt('issuer', plan.issuer),
    ...opt('source', plan.source),
  })
  plan.categories.forEach((c, order) =>
    add(`plan.categories[${order}]`, {
      type: 'DefineCategory',
      id: id(`category/${c.id}`),
      planId: plan.id,
      categoryId: c.id,
      name: c.name,
      order,
      validTime: on,
    }),
  )
  plan.departments.forEach((d, i) =>
    add(`plan.departments[${i}]`, {
      type: 'RegisterDepartment',
      id: id(`department/${d.id}`),
      departmentId: d.id,
      name: d.name,
      aliases: d.aliases,
      validTime: on,
      ...opt('note', d.note),
    }),
  )
  plan.indicators.forEach((ind, i) => {
    const path = `plan.indicators[${i}]`
    add(path, {
      type: 'DefineIndicator',
      id: id(`indicator/${ind.id}/defined`),
      planId: plan.id,
      indicatorId: ind.id,
      name: ind.name,
      unit: ind.unit,
      categoryId: ind.category,
      attribute: ind.attribute,
      selfSelected: ind.selfSelected,
      departments: ind.departments,
      direction: ind.direction,
      periodicity: ind.periodicity,
      validTime: on,
      ...opt('number', ind.number),
      ...opt('unitEn', ind.unitEn),
      ...opt('parentId', ind.parent),
      ...opt('source', ind.source),
    })
    const b = ind.baseline
    if (b !== undefined)
      add(`${path}.baseline`, {
        type: 'SetBaseline',
        id: id(`indicator/${ind.id}/baseline`),
        indicatorId: ind.id,
        period: b.period,
        value: b.value,
        ...opt('illustrative', b.illustrative),
        ...opt('source', b.source),
      })
    ind.targets.forEach((x, k) =>
      add(`${path}.targets[${k}]`, {
        type: 'SetTarget',
        id: id(`indicator/${ind.id}/target/${x.dueYear}`),
        indicatorId: ind.id,
        targetId: `${ind.id}-${x.dueYear}`,
        dueYear: x.dueYear,
        role: x.role,
        expression: x.expression,
        validTime: on,
        ...opt('dueDate', x.dueDate),
        ...opt('printed', x.printed),
        ...opt('source', x.source),
      }),
    )
  })
  plan.tasks.forEach((task, i) => {
    const path = `plan.tasks[${i}]`
    add(path, {
      type: 'DefineTask',
      id: id(`task/${task.id}/defined`),
      planId: plan.id,
      taskId: task.id,
      kind: task.kind,
      name: task.name,
      departments: task.departments,
      validTime: on,
      ...opt('number', task.number),
      ...opt('section', task.section),
      ...opt('summary', task.summary),
      ...opt('source', task.source),
    })
    if (task.status !== undefined)
      add(`${path}.status`, {
        type: 'ReportTaskStatus',
        id: id(`task/${task.id}/status`),
        taskId: task.id,
        status: task.status,
        validTime: on,
      })
  })
  plan.projects.forEach((project, i) => {
    const path = `plan.projects[${i}]`
    add(path, {
      type: 'DefineProject',
      id: id(`project/${project.id}/defined`),
      projectId: project.id,
      kind: project.kind,
      name: project.name,
      departments: project.departments,
      facts: project.facts,
      planId: plan.id,
      validTime: on,
      ...opt('number', project.number),
      ...opt('section', project.section),
      ...opt('source', project.source),
    })
    project.milestones.forEach((m, k) => {
      const at = `${path}.milestones[${k}]`
      const milestone = `project/${project.id}/milestone/${m.id}`
      add(at, {
        type: 'PlanMilestone',
        id: id(`${milestone}/planned`),
        projectId: project.id,
        milestoneId: m.id,
        title: m.title,
        kind: m.kind,
        planned: m.planned,
        validTime: on,
        ...opt('source', m.source),
      })
      ;(m.forecasts ?? []).forEach((f, n) =>
        add(`${at}.forecasts[${n}]`, {
          type: 'MoveMilestoneForecast',
          id: id(`${milestone}/forecast/${n + 1}`),
          projectId: project.id,
          milestoneId: m.id,
          forecast: f.forecast,
          validTime: f.on,
          ...opt('reason', f.reason),
        }),
      )
    })
  })
  return out
}

/** A refused command of a plan import: the plan record's path, the rule, and the message. */
export interface PlanRejection {
  /** Where in the plan document the record is, e.g. `plan.indicators[3]`. */
  readonly path: string
  readonly rule: Rule
  /** `plan.indicators[3]: categoryId: expected …, got …`. */
  readonly message: string
}

/** The plan was refused: nothing was appended (but the audit records `recordDenied` asks for). */
export interface PlanRejected {
  readonly _tag: 'PlanRejected'
  readonly rejections: ReadonlyArray<PlanRejection>
  /** The refusals recorded as `AccessDenied` events (with `recordDenied`), as the store sealed them. */
  readonly recorded: ReadonlyArray<RecordedEvent>
}

/** What {@link importPlan} returns: the store's result (a retry writes 0), or the refusal. */
export type ImportPlanResult = AppendResult | PlanRejected | ChainBroken

/**
 * The plan's departments registered already under another name. Departments are ledger-wide: a
 * plan that registered one again under its own name would rename it in every plan's reports, so
 * a plan import refuses that (a rename is a `RegisterDepartment` command of its own; a county's
 * own bureau needs an id of its own). Other aliases are a registration's own business.
 */
/** `"市发改局"`, or `"市发改局" ("DRC")` with an English name. */
function nameText(name: { readonly zh: string; readonly en?: string }): string {
  return name.en === undefined
    ? showValue(name.zh)
    : `${showValue(name.zh)} (${showValue(name.en)})`
}

function renamedDepartments(plan: Plan, state: LedgerState): PlanRejection[] {
  const out: PlanRejection[] = []
  plan.departments.forEach((d, i) => {
    const registered = state.departments.get(d.id)
    if (registered === undefined) return
    const a = registered.name
    const b = d.name
    if (a.zh === b.zh && (a.en === undefined || b.en === undefined || a.en === b.en)) return
    const path = `plan.departments[${i}]`
    out.push({
      path,
      rule: 'redefinition',
      message: `${path}: name: expected the name department ${d.id} is registered with, ${nameText(a)}, got ${nameText(b)}`,
    })
  })
  return out
}

/** A decider's refusal of the plan's command `index`, named by where it is in the plan. */
function rejectionAt(
  commands: ReadonlyArray<PlanCommand>,
  index: number,
  rejection: { readonly rule: Rule; readonly message: string },
): PlanRejection {
  const path = commands[index]?.path ?? 'plan'
  return { path, rule: rejection.rule, message: `${path}: ${rejection.message}` }
}

/** The ids of the plan's events (decided against an empty ledger) not stored with that content. */
async function notStored(
  store: EventStore,
  events: ReadonlyArray<StreamedEvent>,
): Promise<ReadonlySet<string>> {
  const byStream = new Map<string, StreamedEvent[]>()
  for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e])
  const out = new Set<string>()
  for (const [streamId, group] of byStream) {
    const stored = new Map((await store.readStream(streamId)).map((e) => [e.id, e]))
    for (const { event } of group) {
      const prior = stored.get(event.id)
      if (prior === undefined || !sameContent(streamId, event, prior)) out.add(event.id)
    }
  }
  return out
}

/**
 * The refusal of a plan adopted already whose document differs from the ledger: the records
 * that differ, by their place in the document, rather than every record's own refusal (which
 * would tell a county that changed one target to revise all 131).
 */
function adoptedAlready(
  plan: Plan,
  commands: ReadonlyArray<PlanCommand>,
  differing: ReadonlySet<string>,
): PlanRejected {
  const paths = commands.flatMap((c) => {
    const id = (c.command as { readonly id?: unknown }).id
    return typeof id === 'string' && differing.has(id) ? [c.path] : []
  })
  const rejection = (path: string, message: string): PlanRejection => ({
    path,
    rule: 'already-defined',
    message: `${path}: ${message}`,
  })
  return {
    _tag: 'PlanRejected',
    rejections: [
      rejection(
        'plan',
        `planId: expected a plan not yet adopted, got ${showValue(plan.id)} (adopted already; ${paths.length} of the document's ${commands.length} records differ from the ledger, below)`,
      ),
      ...paths
        .filter((p) => p !== 'plan')
        .map((p) =>
          rejection(
            p,
            'differs from what the ledger holds for it: a change to an adopted plan is a command of its own (ReviseTarget, DefineIndicator, …)',
          ),
        ),
    ],
    recorded: [],
  }
}

/**
 * Records a plan through the deciders: {@link planCommands}, decided and appended in one atomic
 * batch by `handleAll` with the same rules as any command (the context's actor must be a
 * plan-admin). Importing the same plan again appends nothing (the store's retry, `written: 0`);
 * a plan already adopted otherwise is refused (`already-defined`).
 *
 * @example
 * import { fixedClock, InMemoryEventStore, isoDate } from '@progress-ledger/core'
 * import { importPlan, planAdmin, sequentialIds } from '@progress-ledger/commands'
 * const store = new InMemoryEventStore({ clock: fixedClock('2021-08-10T09:00:00.000Z') })
 * const ctx = { actor: planAdmin('plan-office'), today: isoDate('2021-08-10'), ids: sequentialIds('import') }
 * const plan = { id: 'p', name: { zh: '方案' }, adoptedOn: isoDate('2021-08-10'), baseYear: 2020, startYear: 2021, endYear: 2025,
 *   categories: [], departments: [], indicators: [], tasks: [], projects: [] }
 * const first = await importPlan(store, plan, ctx)
 * first._tag === 'Appended' && first.written // 1
 * const again = await importPlan(store, plan, ctx)
 * again._tag === 'Appended' && again.written // 0
 * const late = await importPlan(store, { ...plan, id: 'q', adoptedOn: isoDate('2030-01-01') }, ctx)
 * late._tag === 'PlanRejected' && late.rejections[0]?.message // "plan: adoptedOn: expected a date within the plan's years 2020–2025, got \"2030-01-01\""
 */
export async function importPlan(
  store: EventStore,
  plan: Plan,
  context: CommandContext,
  options: HandleOptions & PlanCommandsOptions = {},
): Promise<ImportPlanResult> {
  const commands = planCommands(plan, options)
  // The plan's commands refer only to the plan's own records: decided against an empty ledger,
  // they give the plan's events, which tell a re-import (all stored as they are) from a conflict.
  const fresh = decideAll(
    emptyLedger(),
    commands.map((c) => c.command),
    context,
  )
  const differing =
    fresh._tag === 'BatchAccepted' ? await notStored(store, fresh.events) : undefined
  if (fresh._tag === 'BatchAccepted' && differing?.size === 0)
    return store.appendBatch(appendRequests(fresh.events, () => 0).map(anyVersion))
  let state = options.state
  if (state === undefined) {
    const loaded = await loadLedger(
      store,
      options.chainKey === undefined ? {} : { chainKey: options.chainKey },
    )
    if (loaded._tag === 'ChainBroken') return loaded
    state = loaded.state
  }
  const adopted = differing !== undefined && state.plans.has(plan.id)
  const renamed = renamedDepartments(plan, state)
  if (adopted || renamed.length > 0) {
    // The refusals of the import's own: an actor the deciders do not authorise goes the common
    // way instead, whose refusals name that (and are recorded when `recordDenied` asks).
    const decided = decideAll(
      state,
      commands.map((c) => c.command),
      context,
    )
    const others = decided._tag === 'BatchRejected' ? decided.rejections : []
    if (!others.some((r) => r.rejection.rule === 'not-authorised')) {
      if (adopted) return adoptedAlready(plan, commands, differing)
      // Refused whatever else: the other problems are reported with it, all at once.
      return {
        _tag: 'PlanRejected',
        rejections: [
          ...renamed,
          ...others.map(({ index, rejection }) => rejectionAt(commands, index, rejection)),
        ],
        recorded: [],
      }
    }
  }
  const result = await handleAll(
    store,
    commands.map((c) => c.command),
    context,
    { ...options, state },
  )
  if (result._tag !== 'BatchRejected') return result
  return {
    _tag: 'PlanRejected',
    rejections: result.rejections.map(({ index, rejection }) =>
      rejectionAt(commands, index, rejection),
    ),
    recorded: result.recorded,
  }
}
