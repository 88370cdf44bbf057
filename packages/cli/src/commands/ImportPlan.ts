/**
 * `progress-ledger import-plan FILE`: validates a plan document completely, then records it as
 * events in one atomic batch. Importing the same plan again records nothing new.
 *
 * @module commands/ImportPlan
 */
import { dateOf, parseJsonText } from '@progress-ledger/core'
import { importPlan as recordPlan, planAdmin, sequentialIds } from '@progress-ledger/commands'
import { loadPlanDocument } from '@progress-ledger/plan'
import { type CommandSpec, positional, stringOption } from '../Command'
import { ExitCode } from '../Failure'
import { describeResult } from '../Results'

/** `import-plan`. */
export const importPlan: CommandSpec = {
  name: 'import-plan',
  summary: 'validate a plan document (e.g. seeds/shengzhou/plan.json) and record it as events',
  help: [
    'Validates everything first and prints every problem as FILE: path: expected …, got …; nothing is',
    "recorded unless the whole plan is valid. Event ids derive from the plan's record ids, so",
    'importing the same plan twice is a no-op. The format is described in docs/plan-model.md.',
  ].join('\n'),
  arguments: [{ name: 'FILE', description: 'a plan document (JSON)' }],
  options: {
    'recorded-by': {
      type: 'string',
      value: 'NAME',
      description: 'the actor recorded on the events (default plan-office)',
      expected: 'a name',
    },
  },
  access: 'write',
  run: async (ctx) => {
    const file = positional(ctx, 0)
    let text: string
    try {
      text = ctx.io.readFile(file)
    } catch (e) {
      ctx.io.stderr.write(`${file}: cannot read: ${(e as Error).message}\n`)
      return ExitCode.failed
    }
    const parsed = parseJsonText(text)
    if (parsed._tag === 'JsonTextError') {
      ctx.io.stderr.write(
        `${file}:${parsed.line}:${parsed.column}: expected a JSON plan document: ${parsed.message}\n`,
      )
      return ExitCode.failed
    }
    const loaded = loadPlanDocument(parsed.value)
    if (loaded._tag === 'Invalid') {
      for (const issue of loaded.issues) ctx.io.stderr.write(`${file}: ${issue.message}\n`)
      ctx.io.stderr.write(`${loaded.issues.length} problem(s); nothing recorded\n`)
      return ExitCode.failed
    }
    const plan = loaded.document.plan
    const store = await ctx.store()
    const { state } = await ctx.ledger()
    const result = await recordPlan(
      store,
      plan,
      {
        actor: planAdmin(stringOption(ctx, 'recorded-by') ?? 'plan-office'),
        today: dateOf(ctx.io.clock.now()),
        ids: sequentialIds(ctx.io.idPrefix()),
      },
      { state },
    )
    if (result._tag === 'PlanRejected') {
      for (const r of result.rejections) ctx.io.stderr.write(`${file}: ${r.message}\n`)
      ctx.io.stderr.write(`${result.rejections.length} problem(s); nothing recorded\n`)
      // Ids of another plan: the usual cause is a second plan copied from the first.
      const taken = result.rejections.filter(
        (r) => r.rule === 'redefinition' && /: planId: expected the \w+'s plan /.test(r.message),
      ).length
      const renamed = result.rejections.filter(
        (r) => r.rule === 'redefinition' && r.path.startsWith('plan.departments['),
      ).length
      if (renamed > 0)
        ctx.io.stderr.write(
          `hint: departments are ledger-wide and shared by every plan: a county's own bureau needs an id of its own (e.g. c001-fgj); renaming a department is a RegisterDepartment command of its own\n`,
        )
      if (taken > 0)
        ctx.io.stderr.write(
          `hint: ${taken} of them name an indicator, task or project of another plan: their ids are ledger-wide, so a plan beside another needs ids of its own (prefix them, e.g. c001-I01); \`progress-ledger list plans\` lists the plans\n`,
        )
      return ExitCode.failed
    }
    return describeResult(ctx.io, result, `plan ${plan.id}`)
  },
}
