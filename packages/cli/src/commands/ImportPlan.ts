/**
 * `progress-ledger import-plan FILE`: validates a plan document completely, then records it as
 * events in one atomic batch. Importing the same plan again records nothing new.
 *
 * @module commands/ImportPlan
 */
import { loadPlanDocument, planToEvents, toAppendRequests } from '@progress-ledger/plan'
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
    let json: unknown
    try {
      json = JSON.parse(ctx.io.readFile(file)) as unknown
    } catch (e) {
      ctx.io.stderr.write(`${file}: expected a JSON plan document: ${(e as Error).message}\n`)
      return ExitCode.failed
    }
    const loaded = loadPlanDocument(json)
    if (loaded._tag === 'Invalid') {
      for (const issue of loaded.issues) ctx.io.stderr.write(`${file}: ${issue.message}\n`)
      ctx.io.stderr.write(`${loaded.issues.length} problem(s); nothing recorded\n`)
      return ExitCode.failed
    }
    const plan = loaded.document.plan
    const groups = planToEvents(plan, {
      recordedBy: stringOption(ctx, 'recorded-by') ?? 'plan-office',
    })
    const store = await ctx.store()
    const result = await store.appendBatch(toAppendRequests(groups))
    return describeResult(ctx.io, result, `plan ${plan.id}`)
  },
}
