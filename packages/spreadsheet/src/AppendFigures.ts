/**
 * Sending read figures through the commands package's decide → append path, all-or-nothing,
 * with the deciders' refusals pointed back at the cells they came from:
 * `figures.xlsx!表1!F7: expected a period begun by today (2023-06-30), got "2024"`.
 *
 * @module AppendFigures
 */
import type { AppendResult, ChainBroken, EventStore } from '@progress-ledger/core'
import {
  type BatchRejected,
  type CommandContext,
  handleAll,
  type HandleOptions,
} from '@progress-ledger/commands'
import type { FiguresResult } from './Figures'
import { type SheetProblem, sheetProblem } from './Problem'

/** Figures that were read. */
export type FiguresRead = Extract<FiguresResult, { readonly _tag: 'Read' }>

/**
 * What {@link appendFigures} returns: the store's result, the deciders' refusals by cell, or
 * `ChainBroken` when the ledger loaded to decide against does not verify.
 */
export type AppendFiguresResult =
  | AppendResult
  | ChainBroken
  | { readonly _tag: 'Refused'; readonly problems: ReadonlyArray<SheetProblem> }

const MESSAGE = /^(?:[\w.[\]]+: )?expected (.*), got (.*)$/s

/**
 * The deciders' rejections of a batch of read figures, each at the cell of its figure. A
 * rejection's message `path: expected …, got …` loses its path (the cell says where) and keeps
 * the rule.
 *
 * @example
 * import { locateRejections } from '@progress-ledger/spreadsheet'
 * import { period } from '@progress-ledger/core'
 * const command = { type: 'ReportValue', indicatorId: 'I01', period: period('2024'), value: 12.6, status: 'final' } as const
 * const origin = { file: 'f.xlsx', sheet: '表1', cell: 'D3', row: 3, column: 4 }
 * const read = { _tag: 'Read', file: 'f.xlsx', planId: 'sz', sheets: [], commands: [command], figures: [{ origin, formula: false, command }] } as const
 * const rejection = { _tag: 'Rejected', rule: 'in-future', message: 'period: expected a period begun by today (2023-06-30), got "2024"' } as const
 * const problems = locateRejections(read, { _tag: 'BatchRejected', rejections: [{ index: 0, rejection }] })
 * problems[0]?.message // 'f.xlsx!表1!D3: expected a period begun by today (2023-06-30), got "2024"'
 * problems[0]?.rule // 'in-future'
 */
export function locateRejections(
  read: FiguresRead,
  rejected: BatchRejected,
): ReadonlyArray<SheetProblem> {
  return rejected.rejections.map(({ index, rejection }) => {
    const figure = read.figures[index]
    if (figure === undefined)
      throw new Error(`rejection for command ${index}, but the read has ${read.figures.length}`)
    const m = MESSAGE.exec(rejection.message)
    return m === null
      ? sheetProblem(
          figure.origin,
          'a figure the ledger accepts',
          rejection.message,
          rejection.rule,
        )
      : sheetProblem(figure.origin, m[1] as string, m[2] as string, rejection.rule)
  })
}

/**
 * Decides every figure against the ledger and appends them in one atomic batch (the commands
 * package's `handleAll`), or appends nothing and returns every refusal at its cell. Pass
 * `options.state` (the state the figures were read against) to decide against exactly that
 * state: a writer in between then surfaces as a `VersionConflict`.
 *
 * @example
 * import { appendFigures } from '@progress-ledger/spreadsheet'
 * import { InMemoryEventStore, fixedClock, isoDate } from '@progress-ledger/core'
 * import { planAdmin, sequentialIds } from '@progress-ledger/commands'
 * const store = new InMemoryEventStore({ clock: fixedClock('2024-03-01T09:00:00.000Z') })
 * const read = { _tag: 'Read', file: 'f.csv', planId: 'sz', figures: [], commands: [], sheets: [] } as const
 * const ctx = { actor: planAdmin('plan-office'), today: isoDate('2024-03-01'), ids: sequentialIds('xl') }
 * const r = await appendFigures(store, read, ctx)
 * r._tag // 'Appended'
 */
export async function appendFigures(
  store: EventStore,
  read: FiguresRead,
  context: CommandContext,
  options: HandleOptions = {},
): Promise<AppendFiguresResult> {
  const r = await handleAll(store, read.commands, context, options)
  if (r._tag === 'BatchRejected') return { _tag: 'Refused', problems: locateRejections(read, r) }
  return r
}
