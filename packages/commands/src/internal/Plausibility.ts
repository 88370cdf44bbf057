// Units and plausible values: a share in % lies in 0–100, a count or amount is >= 0, and no
// number leaves the ledger's bound ±1e15.
import {
  type IndicatorDefinition,
  MAX_MAGNITUDE,
  showValue,
  type TargetExpression,
} from '@progress-ledger/core'
import { rejected, type Rejected } from '../Rejection'
import type { Checked } from './Scope'

/** How a unit bounds its values. */
export type UnitClass =
  | 'share'
  | 'per-mille'
  | 'growth-percent'
  | 'growth-per-mille'
  | 'points'
  | 'temperature'
  | 'non-negative'
  | 'unbounded'

/** Compares units ignoring blanks and full-width forms (`％` is `%`). */
export function normaliseUnit(unit: string): string {
  return unit.replace(/\s+/g, '').replace(/％/g, '%')
}

const POINTS = new Set(['百分点', '个百分点', 'pp'])
const DEGREES = new Set(['℃', '°C'])
const GROWTH = /增长|增速|增幅|growth|change/i

/**
 * The class of an indicator's unit. `%` is a share (0–100) except for growth rates (named
 * 增长/增速/增幅/growth), which may be negative or exceed 100 within ±1000 %; percentage points
 * lie within ±100, temperatures within ±100 °C; a unitless ratio is bounded only by the ledger's
 * ±1e15; every other unit counts or measures (>= 0).
 */
export function unitClass(def: Pick<IndicatorDefinition, 'unit' | 'name'>): UnitClass {
  const unit = normaliseUnit(def.unit)
  if (unit === '') return 'unbounded'
  if (POINTS.has(unit)) return 'points'
  if (DEGREES.has(unit)) return 'temperature'
  const growth = GROWTH.test(def.name.zh) || GROWTH.test(def.name.en ?? '')
  if (unit === '%') return growth ? 'growth-percent' : 'share'
  if (unit === '‰') return growth ? 'growth-per-mille' : 'per-mille'
  return 'non-negative'
}

/** The plausible range of a unit class, and how a message states it. */
function bounds(cls: UnitClass, unit: string): { min: number; max: number; phrase: string } {
  switch (cls) {
    case 'share':
      return { min: 0, max: 100, phrase: 'a share between 0 and 100 %' }
    case 'per-mille':
      return { min: 0, max: 1000, phrase: 'a rate between 0 and 1000 ‰' }
    case 'growth-percent':
      return { min: -1000, max: 1000, phrase: 'a growth rate between -1000 and 1000 %' }
    case 'growth-per-mille':
      return { min: -10000, max: 10000, phrase: 'a growth rate between -10000 and 10000 ‰' }
    case 'points':
      return { min: -100, max: 100, phrase: 'a difference between -100 and 100 percentage points' }
    case 'temperature':
      return { min: -100, max: 100, phrase: 'a temperature between -100 and 100 °C' }
    case 'non-negative':
      return { min: 0, max: Infinity, phrase: `a figure >= 0 for ${unit}` }
    case 'unbounded':
      return { min: -Infinity, max: Infinity, phrase: 'any figure' }
  }
}

/** A rejection when `value` is implausible for the unit class. */
export function plausible(
  value: number,
  cls: UnitClass,
  unit: string,
  path: string,
  hint = ' (or an outlier reason)',
): Rejected | undefined {
  const b = bounds(cls, unit)
  return value < b.min || value > b.max
    ? rejected('implausible-value', path, `${b.phrase}${hint}`, value)
    : undefined
}

/**
 * A rejection when a number is not finite (`value-not-finite`) or beyond the ledger's bound
 * ±1e15 (`value-out-of-range`, which no outlier reason lifts).
 */
export function inRange(
  value: number,
  path: string,
  after = '',
  given: number = value,
): Rejected | undefined {
  if (!Number.isFinite(value))
    return rejected('value-not-finite', path, `a finite number${after}`, given)
  if (Math.abs(value) > MAX_MAGNITUDE)
    return rejected('value-out-of-range', path, `a number within ±1e15${after}`, given)
  return undefined
}

/** What a value command says about its figure. */
export interface FigureInput {
  readonly value: number
  readonly unit?: string
  readonly factor?: number
  readonly outlier?: string
}

/** A figure in the indicator's unit. */
export interface Figure {
  readonly value: number
  /** The indicator's unit, when the command stated a unit. */
  readonly unit: string | undefined
  readonly outlier: string | undefined
}

/** Checks a reported figure: unit or explicit conversion, finite, plausible unless flagged. */
export function checkFigure(
  c: FigureInput,
  def: Pick<IndicatorDefinition, 'unit' | 'name'>,
  hint = ' (or an outlier reason)',
): Checked<Figure> {
  const raw = inRange(c.value, 'value')
  if (raw !== undefined) return raw
  const differs = c.unit !== undefined && normaliseUnit(c.unit) !== normaliseUnit(def.unit)
  let value = c.value
  if (differs && c.factor === undefined) {
    return rejected(
      'unit-mismatch',
      'unit',
      `${showValue(def.unit)} (the indicator's unit) or a conversion factor`,
      c.unit,
    )
  }
  if (!differs && c.factor !== undefined) {
    return rejected(
      'unit-mismatch',
      'factor',
      `no conversion factor for a figure in the indicator's unit ${showValue(def.unit)}`,
      c.factor,
    )
  }
  if (c.factor !== undefined) {
    if (!Number.isFinite(c.factor) || c.factor <= 0)
      return rejected('unit-mismatch', 'factor', 'a finite conversion factor > 0', c.factor)
    value = c.value * c.factor
    const converted = inRange(value, 'value', ` after conversion by ${c.factor}`, c.value)
    if (converted !== undefined) return converted
  }
  if (c.outlier !== undefined && c.outlier.trim() === '')
    return rejected('reason-required', 'outlier', 'a non-blank reason', c.outlier)
  if (c.outlier === undefined) {
    const bad = plausible(value, unitClass(def), def.unit, 'value', hint)
    if (bad !== undefined) return bad
  }
  return { value, unit: c.unit === undefined ? undefined : def.unit, outlier: c.outlier }
}

/** Checks the numbers of a target expression against the indicator's unit (and a range's order). */
export function checkExpression(
  e: TargetExpression,
  def: Pick<IndicatorDefinition, 'unit' | 'name'>,
): Rejected | undefined {
  const cls = unitClass(def)
  switch (e.kind) {
    case 'level':
    case 'comparison':
      return plausible(e.value, cls, def.unit, 'expression.value', '')
    case 'range':
    case 'reasonable-range': {
      const low =
        e.min === undefined ? undefined : plausible(e.min, cls, def.unit, 'expression.min', '')
      if (low !== undefined) return low
      const high =
        e.max === undefined ? undefined : plausible(e.max, cls, def.unit, 'expression.max', '')
      if (high !== undefined) return high
      if (e.min !== undefined && e.max !== undefined && e.min > e.max) {
        return rejected(
          'implausible-value',
          'expression.max',
          `a maximum >= the minimum ${e.min}`,
          e.max,
        )
      }
      return undefined
    }
    case 'trend':
    case 'stable':
    case 'quota':
      return undefined
  }
}
