/** Splitting an indicator's targets into segments and grading each with the chosen method. */
import type { Direction, TargetExpression, TargetState, TargetVersion } from '@progress-ledger/core'
import type { Explanation } from '../Explanation'
import { formatNumber as f } from '../Format'
import { statusMethods } from '../Methods'
import type { Note, SegmentStart } from '../Note'
import type { MethodName, ResolvedOptions } from '../Options'
import type { NumericCase, NumericTarget, Point, TargetOp } from '../methods/NumericCase'
import { evaluateQualitative, type NaturalLimit } from '../methods/Qualitative'
import type { Grade } from '../Status'
import { cagr } from './Growth'
import { yearTime } from './Time'

/** One segment of an interim/final pair and how it was judged. */
export interface SegmentReport {
  readonly targetId: string
  readonly dueYear: number
  /** Where the segment starts: the baseline, the previous segment's actual, or its target. */
  readonly start: SegmentStart
  /** `closed` due year passed, `active` the one graded now, `not-started` later. */
  readonly state: 'closed' | 'active' | 'not-started'
  readonly explanation: Explanation | null
}

/** A segment before it is graded. */
export interface SegmentPlan {
  readonly targetId: string
  readonly version: TargetVersion
  readonly dueTime: number
  readonly start: SegmentReport['start']
  readonly startPoint: Point | undefined
  /** Values after the start, up to the due time. */
  readonly points: ReadonlyArray<Point>
  readonly state: SegmentReport['state']
  readonly notes: ReadonlyArray<Note>
}

function numericValue(e: TargetExpression): number | undefined {
  return e.kind === 'level' || e.kind === 'comparison' ? e.value : undefined
}

/** Lays out the segments: the first starts at the baseline, each later one at the previous due (actual or target, by policy). */
export function planSegments(
  ordered: ReadonlyArray<{ readonly target: TargetState; readonly current: TargetVersion }>,
  base: Point | undefined,
  points: ReadonlyArray<Point>,
  options: ResolvedOptions,
): ReadonlyArray<SegmentPlan> {
  const latestTime = points[points.length - 1]?.time ?? Number.NEGATIVE_INFINITY
  const dues = ordered.map(({ current }) =>
    current.dueDate === null ? current.dueYear : yearTime(current.dueDate),
  )
  let active = dues.findIndex((d) => d > latestTime)
  if (active < 0) active = ordered.length - 1
  const out: SegmentPlan[] = []
  let prevStart: Point | undefined
  for (let i = 0; i < ordered.length; i++) {
    const { target, current } = ordered[i] as (typeof ordered)[number]
    const due = dues[i] as number
    const notes: Note[] = []
    let start: SegmentReport['start'] = 'baseline'
    let startPoint: Point | undefined
    if (i === 0) {
      startPoint = base ?? points[0]
      if (base === undefined && startPoint !== undefined)
        notes.push({ _tag: 'NoBaseline', period: startPoint.period })
    } else {
      const prev = ordered[i - 1] as (typeof ordered)[number]
      const prevDue = dues[i - 1] as number
      const actual = [...points]
        .reverse()
        .find((p) => p.time <= prevDue && (prevStart === undefined || p.time > prevStart.time))
      const tv = numericValue(prev.current.expression)
      const targetPoint: Point | undefined =
        tv === undefined
          ? undefined
          : {
              time: prevDue,
              value: tv,
              period: String(prev.current.dueYear),
              eventId: prev.current.eventId,
            }
      if (options.interimStart === 'interim-target' && targetPoint !== undefined) {
        start = 'interim-target'
        startPoint = targetPoint
      } else if (actual !== undefined) {
        start = 'interim-actual'
        startPoint = actual
        if (options.interimStart === 'interim-target')
          notes.push({ _tag: 'InterimTargetHasNoNumber' })
      } else {
        start = 'interim-target'
        startPoint = targetPoint ?? prevStart
        if (options.interimStart === 'interim-actual') notes.push({ _tag: 'NoInterimActual' })
      }
    }
    notes.push({
      _tag: 'SegmentStart',
      start,
      period: startPoint?.period ?? null,
      value: startPoint?.value ?? null,
      policy: options.interimStart,
    })
    const within = points.filter(
      (p) => p.time <= due && (startPoint === undefined || p.time > startPoint.time),
    )
    out.push({
      targetId: target.targetId,
      version: current,
      dueTime: due,
      start,
      startPoint,
      points: within,
      state: i < active ? 'closed' : i === active ? 'active' : 'not-started',
      notes,
    })
    prevStart = startPoint
  }
  return out
}

function directionOf(e: TargetExpression, def: Direction, y0: number, yT: number): 1 | -1 | 0 {
  if (e.kind === 'comparison') return e.op === 'ge' || e.op === 'gt' ? 1 : -1
  const stated =
    e.kind === 'level' && (e.direction === 'higher' || e.direction === 'lower') ? e.direction : def
  if (stated === 'higher') return 1
  if (stated === 'lower') return -1
  return yT > y0 ? 1 : yT < y0 ? -1 : 0
}

function withNotes(e: Explanation, notes: ReadonlyArray<Note>): Explanation {
  return { ...e, notes: [...notes, ...e.notes] }
}

function pending(plan: SegmentPlan, grade: Grade, note: Note): Explanation {
  const ids = [
    plan.version.eventId,
    ...plan.points.flatMap((p) => (p.eventId === null ? [] : [p.eventId])),
  ]
  return {
    method: 'none',
    grade,
    status: 'no-data',
    inputs: [],
    thresholds: [],
    numbers: {},
    steps: [],
    notes: [...plan.notes, note],
    eventIds: [...new Set(ids)].sort(),
  }
}

/** Grades one segment; also returns the numeric case so that the active one can be forecast. */
export function runSegment(
  plan: SegmentPlan,
  method: MethodName,
  o: ResolvedOptions,
  def: Direction,
  naturalLimit: NaturalLimit | undefined,
): { readonly report: SegmentReport; readonly numericCase?: NumericCase } {
  const head = {
    targetId: plan.targetId,
    dueYear: plan.version.dueYear,
    start: plan.start,
    state: plan.state,
  }
  if (plan.state === 'not-started') return { report: { ...head, explanation: null } }
  const e = plan.version.expression
  const yT = numericValue(e)
  if (yT === undefined) {
    const q = {
      points: [...(plan.startPoint === undefined ? [] : [plan.startPoint]), ...plan.points],
      targetEventId: plan.version.eventId,
      thresholds: o.thresholds,
      trendMethod: o.trendMethod,
      naturalLimit,
    }
    const kind = e.kind === 'level' || e.kind === 'comparison' ? undefined : e
    if (kind === undefined) throw new Error('unreachable: numeric target without a value')
    return { report: { ...head, explanation: withNotes(evaluateQualitative(kind, q), plan.notes) } }
  }
  const base = plan.startPoint
  const latest = plan.points[plan.points.length - 1] ?? base
  if (base === undefined || latest === undefined)
    return {
      report: { ...head, explanation: pending(plan, 'insufficient-data', { _tag: 'NoValues' }) },
    }
  const d = directionOf(e, def, base.value, yT)
  const op: TargetOp = e.kind === 'comparison' ? e.op : d === 1 ? 'ge' : d === -1 ? 'le' : 'eq'
  const band = o.thresholds.stable
  const target: NumericTarget = {
    value: yT,
    op,
    time: plan.dueTime,
    period: String(plan.version.dueYear),
    eventId: plan.version.eventId,
    tolerance: band.relative ? (Math.abs(yT) * band.tolerance) / 100 : band.tolerance,
  }
  const now = plan.state === 'active' && o.timeBasis === 'as-of' ? yearTime(o.asOf) : latest.time
  const c: NumericCase = {
    base,
    latest,
    history: [base, ...plan.points],
    target,
    direction: d === 0 ? 1 : d,
    now,
  }
  return {
    report: { ...head, explanation: withNotes(statusMethods[method](c, o.thresholds), plan.notes) },
    numericCase: c,
  }
}

/** Trends an observation indicator: rising, falling or flat, with its growth rate; not graded. */
export function observe(
  base: Point | undefined,
  points: ReadonlyArray<Point>,
  def: Direction,
  target: TargetExpression | undefined,
): Explanation {
  const all = base === undefined ? points : [base, ...points.filter((p) => p.time > base.time)]
  const ids = [...new Set(all.flatMap((p) => (p.eventId === null ? [] : [p.eventId])))].sort()
  const inputs = all.map((p) => ({
    name: `y(${p.period})`,
    value: p.value,
    period: p.period,
    eventId: p.eventId,
  }))
  const first = all[0]
  const last = all[all.length - 1]
  const common = {
    method: 'observation' as const,
    status: 'observed' as const,
    inputs,
    thresholds: [],
    eventIds: ids,
  }
  if (first === undefined || last === undefined || last.time <= first.time) {
    return {
      ...common,
      grade: 'insufficient-data',
      numbers: {},
      steps: [],
      notes: [{ _tag: 'Observation' }],
    }
  }
  const years = last.time - first.time
  const r = cagr(first.value, last.value, years)
  const slope = (last.value - first.value) / years
  const grade: Grade = slope > 0 ? 'rising' : slope < 0 ? 'falling' : 'flat'
  const wanted =
    target?.kind === 'trend'
      ? target.direction === 'rise'
        ? 1
        : -1
      : def === 'higher'
        ? 1
        : def === 'lower'
          ? -1
          : 0
  const notes: Note[] = [{ _tag: 'Observation' }]
  if (wanted !== 0 && slope !== 0)
    notes.push({ _tag: 'Moving', wanted: Math.sign(slope) === wanted })
  return {
    ...common,
    grade,
    numbers: r === undefined ? { slope } : { slope, r },
    notes,
    steps: [
      `slope = (${f(last.value)} − ${f(first.value)}) / ${f(years)} = ${f(slope)}${r === undefined ? '' : `; r = ${f(r)}`}`,
    ],
  }
}
