/**
 * The floor's ledger as plain data, in the form `JSON.stringify` gives core's `LedgerState`:
 * entities and dictionaries as records by id, period slots as arrays, and each version built
 * from the event the floor keeps, field by field as core builds it. This is how the bench's
 * test shows that the floor holds the same information; it is not part of the floor's time.
 *
 * @module baselines/FloorJson
 */
import type { RecordedEvent, Stamp } from '@progress-ledger/core'
import type { FloorLedger, FloorMilestone, FloorPeriod } from './Floor'

function stampOf(e: RecordedEvent): Stamp {
  return {
    eventId: e.id,
    position: e.position,
    validTime: e.validTime,
    recordedTime: e.recordedTime,
    actor: e.actor,
  }
}

function byId<V, W>(m: ReadonlyMap<string, V>, f: (v: V) => W): Record<string, W> {
  const out: Record<string, W> = {}
  for (const [k, v] of m) out[k] = f(v)
  return out
}

function responsibility(
  e: RecordedEvent & { readonly data: { readonly departments: ReadonlyArray<string> } },
): unknown {
  return { ...stampOf(e), departments: [...e.data.departments], reason: null }
}

function period(p: FloorPeriod): unknown {
  return {
    period: p.period,
    versions: p.versions.map((e) => ({
      ...stampOf(e),
      cause: 'reported',
      value: e.data.value,
      status: e.data.status,
      reason: null,
      replaces: null,
      illustrative: e.data.illustrative ?? false,
      outlier: e.data.outlier ?? null,
      source: e.data.source ?? null,
    })),
    approvals: (p.approvals ?? []).map((e) => ({
      ...stampOf(e),
      state: 'submitted',
      reason: null,
    })),
  }
}

function milestone(m: FloorMilestone): unknown {
  return {
    milestoneId: m.milestoneId,
    title: m.title,
    kind: m.kind,
    planned: m.planned.map((e) => ({ ...stampOf(e), date: e.data.planned, reason: null })),
    forecasts: m.forecasts.map((e) => ({
      ...stampOf(e),
      date: e.data.forecast,
      reason: e.data.reason ?? null,
    })),
    met: m.met.map((e) => ({
      ...stampOf(e),
      date: e.data.met,
      unplanned: e.data.unplanned,
      facts: [...e.data.facts],
      scope: e.data.scope ?? null,
      source: e.data.source ?? null,
    })),
    source: m.source,
  }
}

/** The floor's ledger as core's state would be written as JSON. */
export function floorLedgerJson(s: FloorLedger): unknown {
  return {
    position: s.position,
    head: s.head,
    plans: byId(s.plans, (p) => {
      const d = p.adopted.data
      return {
        ...stampOf(p.adopted),
        planId: d.planId,
        name: d.name,
        adoptedOn: d.adoptedOn,
        baseYear: d.baseYear,
        startYear: d.startYear,
        endYear: d.endYear,
        issuer: d.issuer ?? null,
        categories: byId(p.categories, (e) => ({
          ...stampOf(e),
          categoryId: e.data.categoryId,
          name: e.data.name,
          order: e.data.order,
        })),
      }
    }),
    departments: byId(s.departments, (e) => ({
      ...stampOf(e),
      departmentId: e.data.departmentId,
      name: e.data.name,
      aliases: [...e.data.aliases],
    })),
    indicators: byId(s.indicators, (i) => ({
      indicatorId: i.indicatorId,
      definitions: i.definitions.map((e) => ({ ...stampOf(e), definition: e.data })),
      baselines: i.baselines.map((e) => ({
        ...stampOf(e),
        period: e.data.period,
        value: e.data.value,
        illustrative: e.data.illustrative ?? false,
      })),
      targets: byId(i.targets, (t) => ({
        targetId: t.targetId,
        role: t.role,
        history: t.history.map((e) => ({
          ...stampOf(e),
          cause: 'set',
          expression: e.data.expression,
          printed: e.data.printed ?? null,
          dueYear: e.data.dueYear,
          dueDate: e.data.dueDate ?? null,
          reason: null,
          assignedBy: null,
        })),
      })),
      values: i.values.map(period),
      responsibility: i.responsibility.map(responsibility),
    })),
    projects: byId(s.projects, (p) => ({
      ...stampOf(p.defined),
      projectId: p.defined.data.projectId,
      definition: p.defined.data,
      milestones: byId(p.milestones, milestone),
      milestoneOrder: p.milestoneOrder,
      responsibility: p.responsibility.map(responsibility),
    })),
    tasks: byId(s.tasks, (t) => ({
      ...stampOf(t.defined),
      taskId: t.defined.data.taskId,
      definition: t.defined.data,
      statuses: t.statuses.map((e) => ({
        ...stampOf(e),
        status: e.data.status,
        progress: e.data.progress ?? null,
        note: e.data.note ?? null,
      })),
      responsibility: t.responsibility.map(responsibility),
    })),
    denied: s.denied.map((e) => ({
      ...stampOf(e),
      command: e.data.command,
      reason: e.data.reason,
      subject: e.data.subject ?? null,
      subjectId: e.data.subjectId ?? null,
    })),
    unattached: s.unattached.map((u) => ({
      ...stampOf(u.event),
      type: u.event.type,
      reason: u.reason,
    })),
  }
}
