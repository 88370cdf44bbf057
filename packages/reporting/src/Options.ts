/**
 * Report options: the as-of date, the language, the method per plan or indicator, and every
 * threshold as configuration. The io-ts codec is the one definition; {@link resolveOptions}
 * decodes untrusted options and fills in the documented defaults.
 *
 * @module Options
 */
import * as t from 'io-ts'
import {
  type DecodeIssue,
  FiniteNumber,
  formatErrors,
  Instant,
  IsoDate,
} from '@progress-ledger/core'

/** A numeric evaluation method. */
export const MethodName = t.keyof(
  {
    'time-proportional': null,
    'growth-ratio': null,
    statcan: null,
    'expected-value': null,
    linear: null,
  },
  'MethodName',
)
/** A numeric evaluation method. */
export type MethodName = t.TypeOf<typeof MethodName>

/** The report language. */
export const Lang = t.keyof({ zh: null, en: null }, 'Lang')
/** The report language. */
export type Lang = t.TypeOf<typeof Lang>

const Positive = new t.Type<number, number, unknown>(
  'PositiveNumber',
  (u): u is number => typeof u === 'number' && Number.isFinite(u) && u > 0,
  (u, c) => (typeof u === 'number' && Number.isFinite(u) && u > 0 ? t.success(u) : t.failure(u, c)),
  t.identity,
)

/** Thresholds of time-proportional progress (序时进度), in percentage points or percent of τ. */
export const TimeProportionalThresholds = t.strict({
  unit: t.keyof({ points: null, 'percent-of-expected': null }),
  ahead: FiniteNumber,
  yellow: FiniteNumber,
  red: FiniteNumber,
})
/** Thresholds of the UNSD ratio of growth rates. */
export const GrowthRatioThresholds = t.strict({
  onTrack: FiniteNumber,
  fair: FiniteNumber,
  limited: FiniteNumber,
})
/** Thresholds of the Statistics Canada method, with and without a target. */
export const StatCanThresholds = t.strict({
  substantial: FiniteNumber,
  moderate: FiniteNumber,
  limited: FiniteNumber,
  noTargetSubstantial: FiniteNumber,
  noTargetModerate: FiniteNumber,
})
/** Thresholds of the expected-value-at-deadline method (also used by the linear method). */
export const ExpectedValueThresholds = t.strict({
  onTrack: FiniteNumber,
  acceleration: FiniteNumber,
  noTargetOnTrack: FiniteNumber,
  noTargetAcceleration: FiniteNumber,
})
/** The stable band of 保持稳定: `tolerance` percent of the baseline (relative) or units (absolute). */
export const StableThresholds = t.strict({ tolerance: FiniteNumber, relative: t.boolean })

/**
 * When an indicator on track counts as at risk: its forecast misses the due target by more than
 * `margin` (a share of the change the segment requires, default 0.01 = 1 %).
 */
export const AtRiskThresholds = t.strict({ margin: FiniteNumber })

/** All thresholds. */
export const Thresholds = t.strict({
  timeProportional: TimeProportionalThresholds,
  growthRatio: GrowthRatioThresholds,
  statCan: StatCanThresholds,
  expectedValue: ExpectedValueThresholds,
  /** Years of history the linear method averages annual changes over (the German method uses 5). */
  linearWindow: Positive,
  stable: StableThresholds,
  atRisk: AtRiskThresholds,
})
/** All thresholds. */
export type Thresholds = t.TypeOf<typeof Thresholds>

/** The documented default thresholds (see docs/status-methods.md). */
export const defaultThresholds: Thresholds = {
  timeProportional: { unit: 'points', ahead: 5, yellow: 10, red: 30 },
  growthRatio: { onTrack: 0.95, fair: 0.5, limited: -0.1 },
  statCan: {
    substantial: 0.95,
    moderate: 0.6,
    limited: 0,
    noTargetSubstantial: 0.015,
    noTargetModerate: 0.005,
  },
  expectedValue: {
    onTrack: 0.95,
    acceleration: 0.1,
    noTargetOnTrack: 0.02,
    noTargetAcceleration: 0.005,
  },
  linearWindow: 5,
  stable: { tolerance: 5, relative: true },
  atRisk: { margin: 0.01 },
}

/** Where the second segment of an interim/final target pair starts. */
export const InterimStart = t.keyof(
  { 'interim-actual': null, 'interim-target': null },
  'InterimStart',
)
/** Where the second segment starts. */
export type InterimStart = t.TypeOf<typeof InterimStart>

/** The "now" of time-proportional progress: the latest data period's end, or the as-of date. */
export const TimeBasis = t.keyof({ 'latest-period': null, 'as-of': null }, 'TimeBasis')
/** The "now" of time-proportional progress. */
export type TimeBasis = t.TypeOf<typeof TimeBasis>

/** The method direction-only targets (稳步提升, 逐步下降) are judged with. */
export const TrendMethod = t.keyof({ statcan: null, 'expected-value': null }, 'TrendMethod')
/** The method direction-only targets are judged with. */
export type TrendMethod = t.TypeOf<typeof TrendMethod>

/** Report options as a caller writes them: only `asOf` and `lang` are required. */
export const ReportOptions = t.exact(
  t.intersection([
    t.type({ asOf: IsoDate, lang: Lang }),
    t.partial({
      planId: t.string,
      method: MethodName,
      methodByIndicator: t.record(t.string, MethodName),
      thresholds: t.exact(
        t.partial({
          timeProportional: t.exact(t.partial(TimeProportionalThresholds.type.props)),
          growthRatio: t.exact(t.partial(GrowthRatioThresholds.type.props)),
          statCan: t.exact(t.partial(StatCanThresholds.type.props)),
          expectedValue: t.exact(t.partial(ExpectedValueThresholds.type.props)),
          linearWindow: Positive,
          stable: t.exact(t.partial(StableThresholds.type.props)),
          atRisk: t.exact(t.partial(AtRiskThresholds.type.props)),
        }),
      ),
      interimStart: InterimStart,
      timeBasis: TimeBasis,
      trendMethod: TrendMethod,
      naturalLimits: t.record(t.string, Positive),
      naturalLimitsByUnit: t.record(t.string, Positive),
      /**
       * Plain sentences every rendering shows above the figures, e.g. that the ledger's hash
       * chain does not verify. Empty by default.
       */
      warnings: t.readonlyArray(t.string),
      /**
       * The recorded time the state was cut at (core's `asOf` with a `recordedTime`), when it was:
       * every rendering says so beside the as-of date, since the figures are what the ledger knew
       * then. The report does not cut the state itself.
       */
      knownAt: Instant,
    }),
  ]),
  'ReportOptions',
)
/** Report options as a caller writes them. */
export type ReportOptions = t.TypeOf<typeof ReportOptions>

/** Options with every default filled in: what a report records it was made with. */
export interface ResolvedOptions {
  readonly asOf: IsoDate
  readonly lang: Lang
  readonly planId: string | null
  readonly method: MethodName
  readonly methodByIndicator: Readonly<Record<string, MethodName>>
  readonly thresholds: Thresholds
  readonly interimStart: InterimStart
  readonly timeBasis: TimeBasis
  readonly trendMethod: TrendMethod
  /** Natural limits by indicator id (they override the unit defaults). */
  readonly naturalLimits: Readonly<Record<string, number>>
  /** Natural limits by unit; {@link defaultNaturalLimitsByUnit} unless replaced. */
  readonly naturalLimitsByUnit: Readonly<Record<string, number>>
  /** Sentences every rendering shows above the figures (empty unless given). */
  readonly warnings: ReadonlyArray<string>
  /** The recorded time the state was cut at, if it was (see `ReportOptions`). */
  readonly knownAt: Instant | null
}

/**
 * The default natural limits by unit: a percentage cannot exceed 100 (`%`), a per-mille 1000
 * (`‰`). Other units have no limit unless one is given per indicator (`naturalLimits`) or per
 * unit (`naturalLimitsByUnit`, which replaces these defaults).
 *
 * @example
 * import { defaultNaturalLimitsByUnit } from '@progress-ledger/reporting'
 * defaultNaturalLimitsByUnit['%'] // 100
 */
export const defaultNaturalLimitsByUnit: Readonly<Record<string, number>> = { '%': 100, '‰': 1000 }

/** The result of {@link resolveOptions}. */
export type OptionsResult =
  | { readonly _tag: 'Resolved'; readonly options: ResolvedOptions }
  | { readonly _tag: 'InvalidOptions'; readonly issues: ReadonlyArray<DecodeIssue> }

/**
 * Decodes untrusted options and fills in the defaults. Problems name the path under `options`.
 *
 * @example
 * import { resolveOptions } from '@progress-ledger/reporting'
 * const r = resolveOptions({ asOf: '2022-12-31', lang: 'zh', thresholds: { growthRatio: { fair: '0.5' } } })
 * r._tag // 'InvalidOptions'
 * r._tag === 'InvalidOptions' && r.issues[0]?.message // 'options.thresholds.growthRatio.fair: expected a finite number, got "0.5"'
 * const ok = resolveOptions({ asOf: '2022-12-31', lang: 'en' })
 * ok._tag === 'Resolved' && ok.options.naturalLimitsByUnit // { '%': 100, '‰': 1000 }
 */
export function resolveOptions(u: unknown): OptionsResult {
  const r = ReportOptions.decode(u)
  if (r._tag === 'Left') return { _tag: 'InvalidOptions', issues: formatErrors(r.left, 'options') }
  const o = r.right
  const th = o.thresholds ?? {}
  const d = defaultThresholds
  return {
    _tag: 'Resolved',
    options: {
      asOf: o.asOf,
      lang: o.lang,
      planId: o.planId ?? null,
      method: o.method ?? 'time-proportional',
      methodByIndicator: o.methodByIndicator ?? {},
      thresholds: {
        timeProportional: { ...d.timeProportional, ...th.timeProportional },
        growthRatio: { ...d.growthRatio, ...th.growthRatio },
        statCan: { ...d.statCan, ...th.statCan },
        expectedValue: { ...d.expectedValue, ...th.expectedValue },
        linearWindow: th.linearWindow ?? d.linearWindow,
        stable: { ...d.stable, ...th.stable },
        atRisk: { ...d.atRisk, ...th.atRisk },
      },
      interimStart: o.interimStart ?? 'interim-actual',
      timeBasis: o.timeBasis ?? 'latest-period',
      trendMethod: o.trendMethod ?? 'statcan',
      naturalLimits: o.naturalLimits ?? {},
      naturalLimitsByUnit: o.naturalLimitsByUnit ?? defaultNaturalLimitsByUnit,
      warnings: o.warnings ?? [],
      knownAt: o.knownAt ?? null,
    },
  }
}
