/**
 * Events about projects and their milestones: defined, planned, forecast moved, met.
 * Forecasts are kept as events so that a milestone trend chart can be drawn.
 *
 * @module events/Project
 */
import * as t from 'io-ts'
import { DateSpec } from '../DateSpec'
import { EntityId, Fact, Label, LocalizedText, Name, SourceRef, Text } from '../Scalars'

/** A flagship project (标志性工程) of a plan or a construction project with milestones. */
export const ProjectKind = t.keyof({ flagship: null, construction: null }, 'ProjectKind')

/** A project was defined, with its responsible departments and its facts (length, investment, …). */
export const ProjectDefined = t.exact(
  t.intersection([
    t.type({
      projectId: EntityId,
      kind: ProjectKind,
      name: LocalizedText,
      departments: t.readonlyArray(EntityId),
      facts: t.readonlyArray(Fact),
    }),
    t.partial({ planId: EntityId, number: Label, section: Label, source: SourceRef }),
  ]),
  'ProjectDefined',
)

/** A milestone was planned for a date. */
export const MilestonePlanned = t.exact(
  t.intersection([
    t.type({
      projectId: EntityId,
      milestoneId: EntityId,
      title: LocalizedText,
      kind: Name,
      planned: DateSpec,
    }),
    t.partial({ source: SourceRef }),
  ]),
  'MilestonePlanned',
)

/** A milestone's forecast date moved (a slip or a gain), as reported on the event's valid time. */
export const MilestoneForecastMoved = t.exact(
  t.intersection([
    t.type({ projectId: EntityId, milestoneId: EntityId, forecast: DateSpec }),
    t.partial({ reason: Text }),
  ]),
  'MilestoneForecastMoved',
)

/**
 * A milestone was met (a tunnel holed through, a section opened) with its facts. `unplanned`
 * says explicitly that it was never planned beforehand, as chronicles often record.
 */
export const MilestoneMet = t.exact(
  t.intersection([
    t.type({
      projectId: EntityId,
      milestoneId: EntityId,
      met: DateSpec,
      unplanned: t.boolean,
      facts: t.readonlyArray(Fact),
    }),
    t.partial({ title: LocalizedText, kind: Name, scope: Label, source: SourceRef }),
  ]),
  'MilestoneMet',
)
