// Replaying the Shengzhou history into any event store, each fact recorded at the time it would
// have entered the ledger:
// - the railway chronicle, milestone by milestone, from 2016 (the project is registered on the
//   day of its approval; its opening is planned from the 4-year construction period the seed
//   states, and two ILLUSTRATIVE forecast changes are added for the milestone trend);
// - the plan, on its adoption day, 2021-08-10;
// - the 2021 chronicles (COVID, digital reform, Party history) as compiled for the yearbook;
// - the ILLUSTRATIVE yearly history of the plan's indicators, decided command by command through
//   the deciders of @progress-ledger/commands (so every figure passed the same rules as a user's).
import {
  type AppendRequest,
  apply,
  type EventInput,
  type EventStore,
  type LedgerState,
  ledgerProjection,
  type ManualClock,
  replay,
  streams,
  type RecordedEvent,
  latestDay,
  type DateSpec,
  isoDate,
} from '@progress-ledger/core'
import { type Actor, appendRequests, decideAll, sequentialIds } from '@progress-ledger/commands'
import {
  historyToEvents,
  planToEvents,
  type StreamEvents,
  toAppendRequests,
} from '@progress-ledger/plan'
import type { IllustrativeHistory } from './illustrative'
import { loadHistory, loadPlan, RAILWAY } from './seeds'

/** One step of the replay: what is recorded at one instant. */
interface Step {
  readonly at: string
  readonly label: string
  readonly write: (
    state: LedgerState,
    versionOf: (streamId: string) => number,
  ) => ReadonlyArray<AppendRequest> | { readonly rejected: string }
}

const at18 = (day: string): string => `${day}T18:00:00.000Z`

function requests(groups: ReadonlyArray<StreamEvents>): ReadonlyArray<AppendRequest> {
  return toAppendRequests(groups.filter((g) => g.events.length > 0))
}

/** The railway chronicle as steps: registration, the derived plan for the opening, milestones as met. */
function railwaySteps(): Step[] {
  const plan = loadPlan()
  const project = plan.plan.projects.find((p) => p.id === RAILWAY)
  if (project === undefined)
    throw new Error(`seeds/shengzhou/plan.json: expected the railway project ${RAILWAY}`)
  const history = loadHistory('railway-history.json')
  const opening = history.milestones?.find((m) => m.kind === 'opening')
  const registered: EventInput = {
    id: 'railway/registered',
    type: 'ProjectDefined',
    validTime: '2016-12-23',
    actor: 'railway-hq',
    data: {
      projectId: RAILWAY,
      kind: 'construction',
      name: project.name,
      departments: [],
      facts: [],
    },
  }
  const steps: Step[] = [
    {
      at: '2016-12-23T09:00:00.000Z',
      label: 'railway project registered',
      write: () => [
        { streamId: streams.project(RAILWAY), events: [registered], expectedVersion: 'any' },
      ],
    },
  ]
  if (opening !== undefined) {
    const planned = (id: string, validTime: string, date: DateSpec, reason?: string): EventInput =>
      reason === undefined
        ? {
            id,
            type: 'MilestonePlanned',
            validTime,
            actor: 'railway-hq',
            data: {
              projectId: RAILWAY,
              milestoneId: opening.id,
              title: opening.title,
              kind: opening.kind,
              planned: date,
            },
          }
        : {
            id,
            type: 'MilestoneForecastMoved',
            validTime,
            actor: 'railway-hq',
            data: { projectId: RAILWAY, milestoneId: opening.id, forecast: date, reason },
          }
    const one = (e: EventInput): ReadonlyArray<AppendRequest> => [
      { streamId: streams.project(RAILWAY), events: [e], expectedVersion: 'any' },
    ]
    // Derived from the seed: construction started 2017-12-28 and the PPP contract gives a 4-year construction period.
    steps.push({
      at: '2017-12-29T09:00:00.000Z',
      label: 'opening planned',
      write: () =>
        one(
          planned('railway/opening-planned', '2017-12-28', {
            date: '2021-12-28',
            precision: 'day',
          }),
        ),
    })
    steps.push({
      at: '2021-06-30T09:00:00.000Z',
      label: 'forecast (illustrative)',
      write: () =>
        one(
          planned(
            'railway/opening-forecast-1',
            '2021-06-30',
            { date: '2021-12', precision: 'month' },
            'illustrative: track laying complete by 22 June; on schedule',
          ),
        ),
    })
    steps.push({
      at: '2021-11-27T09:00:00.000Z',
      label: 'forecast moved (illustrative)',
      write: () =>
        one(
          planned(
            'railway/opening-forecast-2',
            '2021-11-26',
            { date: '2022-01', precision: 'month' },
            'illustrative: trial operation began 26 November; opening moves into January',
          ),
        ),
    })
  }
  for (const group of historyToEvents(history, { recordedBy: 'railway-hq' })) {
    for (const e of group.events) {
      if (e.type !== 'MilestoneMet') continue
      const event: EventInput =
        opening !== undefined && e.data.milestoneId === opening.id
          ? { ...e, data: { ...e.data, unplanned: false } }
          : e
      steps.push({
        at: at18(latestDay(e.data.met as DateSpec)),
        label: `milestone ${e.data.milestoneId}`,
        write: () => [{ streamId: group.streamId, events: [event], expectedVersion: 'any' }],
      })
    }
  }
  return steps
}

function illustrativeSteps(history: IllustrativeHistory): Step[] {
  return history.batches.map((batch, i) => ({
    at: batch.recordedAt,
    label: batch.note,
    write: (state, versionOf) => {
      const decided = decideAll(state, batch.commands, {
        actor: batch.actor as Actor,
        today: isoDate(batch.recordedAt.slice(0, 10)),
        ids: sequentialIds(`illustrative-${i + 1}`),
      })
      if (decided._tag === 'BatchRejected') {
        return {
          rejected: decided.rejections
            .map((r) => `${batch.note} #${r.index}: ${r.rejection.message}`)
            .join('\n'),
        }
      }
      return appendRequests(decided.events, versionOf)
    },
  }))
}

/** What the replay did. */
export interface ReplaySummary {
  readonly events: number
  readonly steps: number
  readonly state: LedgerState
}

/**
 * Replays the whole Shengzhou history into a store, setting the clock to each step's recorded
 * time. Pass `illustrative` to add the illustrative yearly figures (the main job and example 3).
 */
export async function replayShengzhou(
  store: EventStore,
  clock: ManualClock,
  illustrative?: IllustrativeHistory,
): Promise<ReplaySummary> {
  const plan = loadPlan()
  const chronicles = loadHistory('chronicles.json')
  const steps: Step[] = [
    ...railwaySteps(),
    {
      at: '2021-08-10T09:00:00.000Z',
      label: 'plan adopted',
      write: () => requests(planToEvents(plan.plan, { recordedBy: 'plan-office' })),
    },
    {
      at: '2022-06-30T09:00:00.000Z',
      label: '2021 chronicles compiled for the yearbook',
      write: () => requests(historyToEvents(chronicles, { recordedBy: 'yearbook-office' })),
    },
    ...(illustrative === undefined ? [] : illustrativeSteps(illustrative)),
  ]
  // Stable sort by recorded time: the order facts entered the ledger.
  const ordered = steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.at < b.s.at ? -1 : a.s.at > b.s.at ? 1 : a.i - b.i))
    .map((x) => x.s)
  let state = replay(ledgerProjection, [])
  // Stream versions as the store knows them, for the expected versions of decided commands.
  const counts = new Map<string, number>()
  const versionOf = (streamId: string): number => counts.get(streamId) ?? 0
  let events = 0
  for (const step of ordered) {
    clock.set(step.at)
    const written = step.write(state, versionOf)
    if ('rejected' in written) throw new Error(`the seed history was refused:\n${written.rejected}`)
    const result = await store.appendBatch(written)
    if (result._tag !== 'Appended') throw new Error(`${step.label}: ${JSON.stringify(result)}`)
    const fresh: RecordedEvent[] = result.events.filter((e) => e.position > state.position)
    state = apply(ledgerProjection, state, fresh)
    for (const e of fresh) counts.set(e.streamId, e.version)
    events += fresh.length
  }
  return { events, steps: ordered.length, state }
}
