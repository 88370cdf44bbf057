/**
 * Given/When/Then specifications for reducers and projections:
 * `given(history).when(event).then((state) => …)`. The given events are replayed from scratch
 * (core's `replay`), the when events applied to the published state in one `produce` (core's
 * `apply`), so a specification exercises both paths the engine uses. Framework-agnostic: a
 * failed assertion throws.
 *
 * @module GivenWhenThen
 */
import {
  apply,
  type LedgerState,
  ledgerProjection,
  type Projection,
  type RecordedEvent,
  replay,
} from '@progress-ledger/core'
import { type HistoryStep, recorded, type RecordedOptions } from './Recorded'

/** A specification under construction. */
export interface Scenario<S> {
  /** Adds events that happen after the given history. */
  readonly when: (...events: ReadonlyArray<RecordedEvent>) => Scenario<S>
  /**
   * Runs the scenario and checks the state: the assertion throws (e.g. `expect`) or returns
   * `false` to fail. Returns the state for further checks.
   */
  readonly then: (assertion: (state: S) => void | boolean) => S
  /** The state after the given and when events. */
  readonly state: () => S
}

/** A specification over event inputs, sealed deterministically by {@link recorded}. */
export interface InputScenario<S> {
  /** Adds inputs that happen after the given history (sealed after it, in the same chain). */
  readonly when: (...steps: ReadonlyArray<HistoryStep>) => InputScenario<S>
  /** As {@link Scenario.then}. */
  readonly then: (assertion: (state: S) => void | boolean) => S
  /** The state after the given and when inputs. */
  readonly state: () => S
  /** The sealed events of the given and when parts. */
  readonly events: () => {
    readonly given: ReadonlyArray<RecordedEvent>
    readonly when: ReadonlyArray<RecordedEvent>
  }
}

function run<S>(
  projection: Projection<S>,
  givenEvents: ReadonlyArray<RecordedEvent>,
  whenEvents: ReadonlyArray<RecordedEvent>,
): S {
  const before = replay(projection, givenEvents)
  return whenEvents.length === 0 ? before : apply(projection, before, whenEvents)
}

function check<S>(state: S, assertion: (state: S) => void | boolean): S {
  if (assertion(state) === false) throw new Error('then: the assertion returned false')
  return state
}

function scenario<S>(
  projection: Projection<S>,
  givenEvents: ReadonlyArray<RecordedEvent>,
  whenEvents: ReadonlyArray<RecordedEvent>,
): Scenario<S> {
  return {
    when: (...events) => scenario(projection, givenEvents, [...whenEvents, ...events]),
    then: (assertion) => check(run(projection, givenEvents, whenEvents), assertion),
    state: () => run(projection, givenEvents, whenEvents),
  }
}

/**
 * Starts a specification from recorded events, for the ledger projection or any other.
 *
 * @example
 * import { given } from '@progress-ledger/testkit'
 * given([]).then((state) => state.position === 0).position // 0
 */
export function given(events: ReadonlyArray<RecordedEvent>): Scenario<LedgerState>
export function given<S>(
  events: ReadonlyArray<RecordedEvent>,
  projection: Projection<S>,
): Scenario<S>
export function given<S>(
  events: ReadonlyArray<RecordedEvent>,
  projection?: Projection<S>,
): Scenario<S> | Scenario<LedgerState> {
  return projection === undefined
    ? scenario(ledgerProjection, events, [])
    : scenario(projection, events, [])
}

function inputScenario<S>(
  projection: Projection<S>,
  givenSteps: ReadonlyArray<HistoryStep>,
  whenSteps: ReadonlyArray<HistoryStep>,
  options: RecordedOptions,
): InputScenario<S> {
  const events = () => {
    const all = recorded([...givenSteps, ...whenSteps], options)
    return { given: all.slice(0, givenSteps.length), when: all.slice(givenSteps.length) }
  }
  const state = (): S => {
    const e = events()
    return run(projection, e.given, e.when)
  }
  return {
    when: (...steps) => inputScenario(projection, givenSteps, [...whenSteps, ...steps], options),
    then: (assertion) => check(state(), assertion),
    state,
    events,
  }
}

/**
 * Starts a specification from event inputs: they are sealed into recorded events (streams by
 * convention, positions, hashes) at a fixed recorded time, or at each step's own `at`.
 *
 * @example
 * import { isoDate } from '@progress-ledger/core'
 * import { givenInputs } from '@progress-ledger/testkit'
 * const state = givenInputs([{ id: 'p', type: 'PlanAdopted', validTime: isoDate('2021-08-10'), actor: 'office',
 *   data: { planId: 'sz', name: { zh: '方案' }, adoptedOn: isoDate('2021-08-10'), baseYear: 2020, startYear: 2021, endYear: 2025 } }])
 *   .then((state) => state.plans.get('sz')?.endYear === 2025)
 * state.plans.get('sz')?.startYear // 2021
 */
export function givenInputs(
  steps: ReadonlyArray<HistoryStep>,
  options?: RecordedOptions,
): InputScenario<LedgerState>
export function givenInputs<S>(
  steps: ReadonlyArray<HistoryStep>,
  options: RecordedOptions,
  projection: Projection<S>,
): InputScenario<S>
export function givenInputs<S>(
  steps: ReadonlyArray<HistoryStep>,
  options: RecordedOptions = {},
  projection?: Projection<S>,
): InputScenario<S> | InputScenario<LedgerState> {
  return projection === undefined
    ? inputScenario(ledgerProjection, steps, [], options)
    : inputScenario(projection, steps, [], options)
}
