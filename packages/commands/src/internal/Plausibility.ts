// Units and plausible values: a share in % lies in 0–100, a count or amount is >= 0.
import { type IndicatorDefinition, showValue, type TargetExpression } from '@progress-ledger/core'
import { rejected, type Rejected } from '../Rejection'
import type { Checked } from './Scope'

/** How a unit bounds its values. */
export type UnitClass = 'share' | 'per-mille' | 'signed' | 'non-negative' | 'unbounded'

/** Compares units ignoring blanks and full-width forms (`％` is `%`). */
export function normaliseUnit(unit: string): string {
  return unit.replace(/\s+/g, '').replace(/％/g, '%')
}

const SIGNED_UNITS = new Set(['百分点', '个百分点', 'pp', '℃', '°C'])
const GROWTH = /增长|增速|增幅|growth|change/i

/**
 * The class of an indicator's unit. `%` is a share (0–100) except for growth rates (named
 * 增长/增速/增幅/growth), which may be negative or exceed 100; a unitless ratio is unbounded;
 * percentage points and temperatures are signed; every other unit counts or measures (>= 0).
 */
export function unitClass(def: Pick<IndicatorDefinition, 'unit' | 'name'>): UnitClass {
  const unit = normaliseUnit(def.unit)
  if (unit === '') return 'unbounded'
  if (SIGNED_UNITS.has(unit)) return 'signed'
  const growth = GROWTH.test(def.name.zh) || GROWTH.test(def.name.en ?? '')
  if (unit === '%') return growth ? 'signed' : 'share'
  if (unit === '‰') return growth ? 'signed' : 'per-mille'
  return 'non-negative'
}

/** A rejection when `value` is implausible for the unit class. */
export function plausible(
  value: number,
  cls: UnitClass,
  unit: string,
  path: string,
  hint = ' (or an outlier reason)',
): Rejected | undefined {
  switch (cls) {
    case 'share':
      return value < 0 || value > 100
        ? rejected('implausible-value', path, `a share between 0 and 100 %${hint}`, value)
        : undefined
    case 'per-mille':
      return value < 0 || value > 1000
        ? rejected('implausible-value', path, `a rate between 0 and 1000 ‰${hint}`, value)
        : undefined
    case 'non-negative':
      return value < 0
        ? rejected('implausible-value', path, `a figure >= 0 for ${unit}${hint}`, value)
        : undefined
    case 'signed':
    case 'unbounded':
      return undefined
  }
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
  if (!Number.isFinite(c.value))
    return rejected('value-not-finite', 'value', 'a finite number', c.value)
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
    if (!Number.isFinite(value))
      return rejected(
        'value-not-finite',
        'value',
        `a finite number after conversion by ${c.factor}`,
        c.value,
      )
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
