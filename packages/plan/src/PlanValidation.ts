/**
 * Validation of plan documents. Every problem is reported at once, each with its path and the
 * offending value: `plan.indicators[3].departments[0]: expected a registered department id, got
 * "xyz"`. Decoding problems come first; the semantic rules run when the shape is right.
 *
 * @module PlanValidation
 */
import { formatErrors, undeclaredFields, unknownFields } from '@progress-ledger/core'
import { checkDocument } from './internal/planRules'
import { PlanDocument } from './PlanDocument'

/** One problem of a plan document, in the shape of core's `DecodeIssue`. */
export interface PlanIssue {
  readonly path: string
  readonly expected: string
  readonly got: string
  /** `path: expected …, got …`. */
  readonly message: string
}

/** The outcome of loading a plan document. */
export type PlanValidation =
  | { readonly _tag: 'Valid'; readonly document: PlanDocument }
  | { readonly _tag: 'Invalid'; readonly issues: ReadonlyArray<PlanIssue> }

/**
 * Decodes and validates a plan document (e.g. the parsed JSON of `seeds/shengzhou/plan.json`).
 * A property the model does not have is a problem like any other; all are reported together.
 *
 * Rules: unique ids (categories, departments, indicators, tasks, projects, milestones of a
 * project, targets of an indicator by due year); an adoption date within the plan's years (base
 * year to end year, as `AdoptPlan` demands); no name claimed by two departments; every
 * referenced category, parent indicator and department exists; every printed department name
 * resolves to the recorded ids; a due year within the plan's years; at most one final target and
 * no interim target due after it; `expression` equals the parse of `printed`; a comparison's
 * wording agrees with its operator; a headline target agreeing with its indicator has its unit.
 *
 * @example
 * import { loadPlanDocument } from '@progress-ledger/plan'
 * const r = loadPlanDocument({ format: 'progress-ledger/plan@1', plan: { id: 'p' } })
 * r._tag // 'Invalid'
 * r._tag === 'Invalid' && r.issues[0]?.message // 'plan.name: expected an object (LocalizedText), got nothing'
 */
export function loadPlanDocument(json: unknown): PlanValidation {
  const decoded = PlanDocument.decode(json)
  if (decoded._tag === 'Left')
    // The unknown fields too: a misspelt key is named beside the field it leaves missing.
    return {
      _tag: 'Invalid',
      issues: [
        ...formatErrors(decoded.left),
        ...undeclaredFields(PlanDocument, json, 'the plan document'),
      ],
    }
  // A property the document model does not have would be dropped unread (a misspelt optional
  // field): refused, named by its path.
  const unknown = unknownFields(json, decoded.right, 'the plan document')
  if (unknown.length > 0) return { _tag: 'Invalid', issues: unknown }
  const issues = checkDocument(decoded.right)
  return issues.length === 0
    ? { _tag: 'Valid', document: decoded.right }
    : { _tag: 'Invalid', issues }
}
