/**
 * The semantic rules of a plan document, each adding issues with their paths.
 *
 * @internal
 */
import { showValue, type TargetExpression } from '@progress-ledger/core'
import { departmentRegistry, resolveDepartment, type DepartmentRegistry } from '../Department'
import type { Indicator } from '../Indicator'
import { targetParseOptions } from '../Indicator'
import type { PlanDocument } from '../PlanDocument'
import type { Plan } from '../Plan'
import type { PlanIssue } from '../PlanValidation'
import { formatTarget, parseTarget, type ParseTargetOptions } from '../TargetGrammar'
import type { Transcript } from '../Transcript'
import { wordingOp } from './targetLexicon'

type Issues = PlanIssue[]

function add(issues: Issues, path: string, expected: string, got: unknown, raw = false): void {
  const shown = raw ? String(got) : showValue(got)
  issues.push({
    path,
    expected,
    got: shown,
    message: `${path}: expected ${expected}, got ${shown}`,
  })
}

/** Reports ids used twice in a list. */
function unique(
  issues: Issues,
  path: string,
  items: ReadonlyArray<{ readonly id: string }>,
  what: string,
): Set<string> {
  const first = new Map<string, number>()
  items.forEach((item, i) => {
    const at = first.get(item.id)
    if (at === undefined) first.set(item.id, i)
    else
      add(
        issues,
        `${path}[${i}].id`,
        `an id no other ${what} uses (${path}[${at}] has it)`,
        item.id,
      )
  })
  return new Set(first.keys())
}

function checkDepartmentRefs(
  issues: Issues,
  path: string,
  ids: ReadonlyArray<string>,
  known: ReadonlySet<string>,
): void {
  ids.forEach((id, j) => {
    if (!known.has(id)) add(issues, `${path}.departments[${j}]`, 'a registered department id', id)
  })
}

/** The printed names must resolve, and to the recorded ids. */
function checkPrinted(
  issues: Issues,
  path: string,
  ids: ReadonlyArray<string>,
  transcript: Transcript | undefined,
  reg: DepartmentRegistry,
): void {
  const printed = transcript?.departments
  if (printed === undefined) return
  const resolved: string[] = []
  printed.forEach((name, j) => {
    const r = resolveDepartment(reg, name)
    if (r._tag === 'Unresolved')
      add(
        issues,
        `${path}.transcript.departments[${j}]`,
        'a registered department name or alias',
        name,
      )
    else if (!resolved.includes(r.id)) resolved.push(r.id)
  })
  if (
    resolved.length === printed.length &&
    resolved.join('\u0000') !== ids.join('\u0000') &&
    new Set(ids).size === ids.length
  ) {
    add(issues, `${path}.departments`, `the printed names resolved, ${showValue(resolved)}`, ids)
  }
}

function sameExpression(a: TargetExpression, b: TargetExpression): boolean {
  return JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort())
}

function checkExpression(
  issues: Issues,
  path: string,
  printed: string | undefined,
  expression: TargetExpression,
  options: ParseTargetOptions,
): void {
  if (
    expression.kind === 'comparison' &&
    expression.wording !== 'symbol' &&
    wordingOp(expression.wording) !== expression.op
  ) {
    add(
      issues,
      `${path}.expression.op`,
      `${showValue(wordingOp(expression.wording))} for the wording ${expression.wording}`,
      expression.op,
    )
  }
  if (printed === undefined) return
  const parsed = parseTarget(printed, options)
  if (parsed._tag === 'TargetParseError')
    add(issues, `${path}.printed`, 'a target in the grammar', parsed.message, true)
  else if (!sameExpression(parsed.value, expression)) {
    add(
      issues,
      `${path}.expression`,
      `the parse of ${showValue(printed)} (${formatTarget(parsed.value, 'en')}, ${showValue(parsed.value)})`,
      expression,
    )
  }
}

function checkTargets(issues: Issues, path: string, ind: Indicator, plan: Plan): void {
  const years = new Map<number, number>()
  const finals = ind.targets.flatMap((x, k) => (x.role === 'final' ? [k] : []))
  finals
    .slice(1)
    .forEach((k) =>
      add(
        issues,
        `${path}.targets[${k}].role`,
        `one final target (${path}.targets[${finals[0]}] is final)`,
        'final',
      ),
    )
  const finalYear = finals[0] === undefined ? undefined : ind.targets[finals[0]]?.dueYear
  ind.targets.forEach((x, k) => {
    const at = `${path}.targets[${k}]`
    const seen = years.get(x.dueYear)
    if (seen !== undefined)
      add(
        issues,
        `${at}.dueYear`,
        `a due year no other target of ${ind.id} has (${path}.targets[${seen}])`,
        x.dueYear,
      )
    else years.set(x.dueYear, k)
    if (x.dueYear < plan.startYear || x.dueYear > plan.endYear)
      add(issues, `${at}.dueYear`, `a year from ${plan.startYear} to ${plan.endYear}`, x.dueYear)
    if (x.role === 'interim' && finalYear !== undefined && x.dueYear >= finalYear) {
      add(
        issues,
        `${at}.dueYear`,
        `an interim due before the final target's ${finalYear}`,
        x.dueYear,
      )
    }
    checkExpression(issues, at, x.printed, x.expression, targetParseOptions(ind, x.role))
  })
}

function checkPlan(issues: Issues, plan: Plan): void {
  const p = 'plan'
  if (plan.startYear > plan.endYear)
    add(issues, `${p}.endYear`, `a year from the start year ${plan.startYear} on`, plan.endYear)
  if (plan.baseYear > plan.startYear)
    add(issues, `${p}.baseYear`, `a year up to the start year ${plan.startYear}`, plan.baseYear)
  const adopted = Number(plan.adoptedOn.slice(0, 4))
  if (adopted < plan.baseYear || adopted > plan.endYear)
    add(
      issues,
      `${p}.adoptedOn`,
      `a date within the plan's years ${plan.baseYear}–${plan.endYear}`,
      plan.adoptedOn,
    )
  const categories = unique(issues, `${p}.categories`, plan.categories, 'category')
  const departments = unique(issues, `${p}.departments`, plan.departments, 'department')
  const indicators = unique(issues, `${p}.indicators`, plan.indicators, 'indicator')
  unique(issues, `${p}.tasks`, plan.tasks, 'task')
  unique(issues, `${p}.projects`, plan.projects, 'project')
  const reg = departmentRegistry(plan.departments)
  for (const [name, ids] of reg.conflicts) {
    const i = plan.departments.findIndex((d) => d.id === ids[1])
    add(
      issues,
      `${p}.departments[${i}]`,
      `names no other department uses (${showValue(name)} is also ${showValue(ids[0])}'s)`,
      name,
    )
  }
  plan.indicators.forEach((ind, i) => {
    const at = `${p}.indicators[${i}]`
    if (!categories.has(ind.category))
      add(issues, `${at}.category`, 'a category of the plan', ind.category)
    if (ind.parent !== undefined && (!indicators.has(ind.parent) || ind.parent === ind.id))
      add(issues, `${at}.parent`, 'another indicator of the plan', ind.parent)
    checkDepartmentRefs(issues, at, ind.departments, departments)
    checkPrinted(issues, at, ind.departments, ind.transcript, reg)
    checkTargets(issues, at, ind, plan)
  })
  plan.tasks.forEach((task, i) => {
    checkDepartmentRefs(issues, `${p}.tasks[${i}]`, task.departments, departments)
    checkPrinted(issues, `${p}.tasks[${i}]`, task.departments, task.transcript, reg)
  })
  plan.projects.forEach((project, i) => {
    const at = `${p}.projects[${i}]`
    checkDepartmentRefs(issues, at, project.departments, departments)
    checkPrinted(issues, at, project.departments, project.transcript, reg)
    unique(issues, `${at}.milestones`, project.milestones, `milestone of ${project.id}`)
  })
}

function checkHeadlines(issues: Issues, doc: PlanDocument): void {
  unique(issues, 'headlineTargets', doc.headlineTargets ?? [], 'headline target')
  const byId = new Map(doc.plan.indicators.map((ind) => [ind.id, ind]))
  ;(doc.headlineTargets ?? []).forEach((h, i) => {
    const at = `headlineTargets[${i}]`
    if (h.expression === null) {
      const parsed = parseTarget(h.printed)
      if (parsed._tag === 'Parsed')
        add(issues, `${at}.expression`, `the parse of ${showValue(h.printed)}`, null)
    } else checkExpression(issues, at, h.printed, h.expression, {})
    if (h.agrees === (h.disagreement !== null))
      add(
        issues,
        `${at}.disagreement`,
        h.agrees ? 'null when the prose agrees' : 'the disagreement, when the prose disagrees',
        h.disagreement,
      )
    if (h.indicator === null) return
    const ind = byId.get(h.indicator)
    if (ind === undefined) add(issues, `${at}.indicator`, 'an indicator of the plan', h.indicator)
    else if (h.agrees && h.unit !== '' && h.unit !== ind.unit)
      add(
        issues,
        `${at}.unit`,
        `the unit of ${ind.id}, ${showValue(ind.unit)} (or a recorded disagreement)`,
        h.unit,
      )
  })
}

/** Every issue of a decoded plan document. */
export function checkDocument(doc: PlanDocument): ReadonlyArray<PlanIssue> {
  const issues: Issues = []
  checkPlan(issues, doc.plan)
  checkHeadlines(issues, doc)
  return issues
}
