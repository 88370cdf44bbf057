// Type-level tests: the command union is derived from the codecs.
import { describe, expectTypeOf, it } from 'vitest'
import type { Command, CommandOf, CommandType } from '../src/Command'
import type { Decision } from '../src/Decision'
import type { Rule } from '../src/Rejection'

describe('types', () => {
  it('derives commands from their codecs', () => {
    expectTypeOf<CommandOf<'ReportValue'>['value']>().toEqualTypeOf<number>()
    expectTypeOf<CommandOf<'ReassignResponsibility'>['validTime']>().not.toBeUndefined()
    expectTypeOf<Command['type']>().toEqualTypeOf<CommandType>()
    expectTypeOf<Extract<Decision, { _tag: 'Rejected' }>['rule']>().toEqualTypeOf<Rule>()
    // @ts-expect-error: not a command type
    expectTypeOf<CommandOf<'Frobnicate'>>().toBeNever()
  })
})
