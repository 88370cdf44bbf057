/**
 * `progress-ledger history INDICATOR`: every event that touched an indicator, corrections and
 * target revisions included, with both times and the actor.
 *
 * @module commands/History
 */
import { type RecordedEvent, streams } from '@progress-ledger/core'
import { localized, periodInChinese } from '@progress-ledger/reporting'
import { type CommandSpec, flagOption, positional, stringOption } from '../Command'
import { ExitCode, Refusal } from '../Failure'
import { ambiguousRef, indicatorsOf, resolveRef } from '../IndicatorRef'
import { checkShownEvents } from '../Ledger'
import { jsonOption, langOf, langOption } from '../ReportOptions'

/** The words of a history line, in each language. */
const WORDS = {
  zh: {
    noUnit: '无单位',
    attribute: { evaluation: '评价指标', observation: '监测指标' },
    role: { interim: '中期目标', final: '期末目标' },
    status: { preliminary: '初步数', final: '最终数' },
    list: '、',
    illustrative: '示例数据',
    submitted: '已提交审核',
  },
  en: {
    noUnit: 'no unit',
    attribute: { evaluation: 'evaluation', observation: 'observation' },
    role: { interim: 'interim', final: 'final' },
    status: { preliminary: 'preliminary', final: 'final' },
    list: ', ',
    illustrative: 'illustrative',
    submitted: 'submitted',
  },
} as const

/**
 * One line describing an event's content, in Chinese (default) or English.
 *
 * @example
 * import { describeEvent } from '@progress-ledger/cli'
 * const e = { type: 'ValueRetracted', data: { period: '2022', retracts: 'v-1', reason: '重复上报' } }
 * describeEvent(e as never) // '撤回2022年数值（v-1）——重复上报'
 * describeEvent(e as never, 'en') // 'value 2022 retracted (v-1) — 重复上报'
 * const moved = { type: 'ResponsibilityReassigned', data: { departments: ['fgj'], reason: '机构调整' } }
 * describeEvent(moved as never, 'zh', (id) => (id === 'fgj' ? '市发改局' : id)) // '责任单位调整为 市发改局——机构调整'
 */
export function describeEvent(
  e: RecordedEvent,
  lang: 'zh' | 'en' = 'zh',
  departmentName: (id: string) => string = (id) => id,
): string {
  const w = WORDS[lang]
  const target = (printed: string | null | undefined, expression: unknown) =>
    printed ?? JSON.stringify(expression)
  if (lang === 'en')
    switch (e.type) {
      case 'IndicatorDefined':
        return `defined: ${e.data.name.en ?? e.data.name.zh} (${e.data.unitEn ?? (e.data.unit || w.noUnit)}), ${w.attribute[e.data.attribute]}, responsible ${e.data.departments.map(departmentName).join(w.list)}`
      case 'BaselineSet':
        return `baseline ${e.data.period}: ${e.data.value}${e.data.illustrative === true ? ` [${w.illustrative}]` : ''}`
      case 'TargetSet':
        return `target ${e.data.targetId} (${w.role[e.data.role]}, due ${e.data.dueYear}): ${target(e.data.printed, e.data.expression)}`
      case 'TargetRevised':
        return `target ${e.data.targetId} revised: ${target(e.data.printed, e.data.expression)} — ${e.data.reason}`
      case 'QuotaAssigned':
        return `quota for ${e.data.targetId} assigned by ${e.data.assignedBy}: ${target(e.data.printed, e.data.expression)}`
      case 'ValueReported':
        return `value ${e.data.period}: ${e.data.value} (${w.status[e.data.status]}${e.data.illustrative === true ? `, ${w.illustrative}` : ''}${e.data.submitted === true ? `, ${w.submitted}` : ''})`
      case 'ValueCorrected':
        return `value ${e.data.period} corrected to ${e.data.value} (replaces ${e.data.corrects}) — ${e.data.reason}`
      case 'ValueRetracted':
        return `value ${e.data.period} retracted (${e.data.retracts}) — ${e.data.reason}`
      case 'ValueApproved':
        return `value ${e.data.period} approved (${e.data.approves})`
      case 'ValueReturned':
        return `value ${e.data.period} returned (${e.data.returns}) — ${e.data.reason}`
      case 'ResponsibilityReassigned':
        return `responsibility passed to ${e.data.departments.map(departmentName).join(w.list)} — ${e.data.reason}`
      default:
        return e.type
    }
  switch (e.type) {
    case 'IndicatorDefined':
      return `定义：${e.data.name.zh}（${e.data.unit || w.noUnit}），${w.attribute[e.data.attribute]}，责任单位 ${e.data.departments.map(departmentName).join(w.list)}`
    case 'BaselineSet':
      return `${periodInChinese(e.data.period)}基期值：${e.data.value}${e.data.illustrative === true ? `［${w.illustrative}］` : ''}`
    case 'TargetSet':
      return `目标 ${e.data.targetId}（${w.role[e.data.role]}，${e.data.dueYear}年到期）：${target(e.data.printed, e.data.expression)}`
    case 'TargetRevised':
      return `调整目标 ${e.data.targetId}：${target(e.data.printed, e.data.expression)}——${e.data.reason}`
    case 'QuotaAssigned':
      return `${e.data.assignedBy} 下达 ${e.data.targetId} 的任务：${target(e.data.printed, e.data.expression)}`
    case 'ValueReported':
      return `报送${periodInChinese(e.data.period)}数值：${e.data.value}（${w.status[e.data.status]}${e.data.illustrative === true ? `，${w.illustrative}` : ''}${e.data.submitted === true ? `，${w.submitted}` : ''}）`
    case 'ValueCorrected':
      return `更正${periodInChinese(e.data.period)}数值为 ${e.data.value}（取代 ${e.data.corrects}）——${e.data.reason}`
    case 'ValueRetracted':
      return `撤回${periodInChinese(e.data.period)}数值（${e.data.retracts}）——${e.data.reason}`
    case 'ValueApproved':
      return `审核通过${periodInChinese(e.data.period)}数值（${e.data.approves}）`
    case 'ValueReturned':
      return `退回${periodInChinese(e.data.period)}数值（${e.data.returns}）——${e.data.reason}`
    case 'ResponsibilityReassigned':
      return `责任单位调整为 ${e.data.departments.map(departmentName).join(w.list)}——${e.data.reason}`
    default:
      return e.type
  }
}

/** `history`. */
export const history: CommandSpec = {
  name: 'history',
  summary: 'every event that touched an indicator, corrections and target revisions included',
  help: [
    'Lists the indicator stream in order: position, recorded time, valid time, actor and what happened',
    '(in Chinese, or in English with --lang en; --json gives the events as stored).',
    'INDICATOR is an id (I06, i06) or the number printed in the plan (6, 14.1); on a ledger of several plans, --plan ID says whose number it is (an id needs none).',
  ].join('\n'),
  arguments: [{ name: 'INDICATOR', description: 'an indicator id or its number in the plan' }],
  options: {
    plan: {
      type: 'string',
      value: 'ID',
      description:
        'the plan INDICATOR is numbered in, when the ledger holds several (only it is loaded)',
      expected: 'a plan id',
    },
    lang: langOption,
    json: jsonOption,
  },
  access: 'read',
  run: async (ctx) => {
    const ref = positional(ctx, 0)
    const lang = langOf(ctx)
    const plan = stringOption(ctx, 'plan')
    // The chain is checked as every command checks it (the events after the newest checkpoint;
    // of the checkpoint, the plan of --plan alone, or just the index): a ledger that does not
    // verify is refused, or read with a warning.
    const loaded = await ctx.ledger({ plans: plan === undefined ? [] : [plan] })
    for (const w of loaded.warnings) ctx.io.stderr.write(`warning: ${w}\n`)
    if (plan !== undefined && !loaded.state.plans.has(plan))
      throw new Refusal(
        `--plan: expected a plan of the ledger, got ${JSON.stringify(plan)}`,
        'the plans are listed by `progress-ledger list plans`',
      )
    const store = await ctx.store()
    let events = await store.readStream(streams.indicator(ref))
    if (events.length > 0 && plan !== undefined) {
      // An id names one indicator whatever the plan: a plan that is not its own is a mistake.
      const defined = events.filter((e) => e.type === 'IndicatorDefined').pop()
      const own = defined?.type === 'IndicatorDefined' ? defined.data.planId : undefined
      if (own !== undefined && own !== plan)
        throw new Refusal(
          `indicator ${JSON.stringify(ref)}: defined in plan ${own}, not in plan ${plan}`,
          `drop --plan, or give --plan ${own}`,
        )
    }
    if (events.length === 0) {
      // Not an id as typed: resolve a number or another spelling against the plan named, or the
      // whole ledger.
      const { state } = plan === undefined ? await ctx.ledger() : loaded
      const candidates = indicatorsOf(state, plan)
      const found = resolveRef(ref, candidates)
      if (found._tag === 'Ambiguous') throw ambiguousRef(ref, found.ids, candidates)
      if (found._tag === 'NotFound')
        throw new Refusal(
          plan === undefined
            ? `indicator ${JSON.stringify(ref)}: no such indicator in the ledger`
            : `indicator ${JSON.stringify(ref)}: no indicator of plan ${plan} has that id or number`,
          `the ids and numbers are listed by \`progress-ledger list indicators${plan === undefined ? '' : ` --plan ${plan}`}\``,
        )
      events = await store.readStream(streams.indicator(found.id))
    }
    // The checkpoint vouches for the state, not for rows stored before it: each event shown is
    // checked against its own hash, so an edit in place is refused here as the chain check
    // refuses one after the checkpoint.
    checkShownEvents(events, ctx.loading, ctx.io)
    if (flagOption(ctx, 'json')) {
      for (const e of events) ctx.io.stdout.write(`${JSON.stringify(e)}\n`)
      return ExitCode.ok
    }
    ctx.io.stdout.write(
      lang === 'zh'
        ? `#位置  记录时间                  有效日期    记录人          事件\n`
        : `#pos   recorded                  valid       actor           event\n`,
    )
    // Departments by name, as reports and `status` show them (the id when not registered).
    const departmentName = (id: string): string => {
      const name = loaded.state.departments.get(id)?.name
      return name === undefined ? id : localized(name, lang)
    }
    for (const e of events) {
      ctx.io.stdout.write(
        `${String(e.position).padEnd(6)} ${e.recordedTime}  ${e.validTime}  ${e.actor.padEnd(15)} ${describeEvent(e, lang, departmentName)}  [${e.id}]\n`,
      )
    }
    return ExitCode.ok
  },
}
