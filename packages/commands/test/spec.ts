// A small given/when/then helper for deciders: given commands (or a state), when one command is
// issued by an actor, then it is accepted (with these events) or rejected (by this rule).
import { expect } from 'vitest'
import { type IsoDate, type LedgerState, validateInput } from '@progress-ledger/core'
import type { Actor } from '../src/Actor'
import { decideInput } from '../src/Decide'
import type { Decision } from '../src/Decision'
import type { Rule } from '../src/Rejection'
import type { StreamedEvent } from '../src/StreamedEvent'
import { admin, baseState, ctx, stateAfter, TODAY } from './fixtures'

interface Then {
  readonly decision: Decision
  accepted(check?: (events: ReadonlyArray<StreamedEvent>) => void): Then
  rejected(rule: Rule, message?: string | RegExp): Then
}

/** Rules some specification has seen rejecting a command (to check every rule has one). */
export const rulesSeen = new Set<Rule>()

function then(decision: Decision): Then {
  const self: Then = {
    decision,
    accepted(check) {
      if (decision._tag !== 'Accepted')
        throw new Error(`expected acceptance, got ${decision.rule}: ${decision.message}`)
      for (const e of decision.events) expect(validateInput(e.event)._tag).toBe('Valid')
      check?.(decision.events)
      return self
    },
    rejected(rule, message) {
      if (decision._tag !== 'Rejected')
        throw new Error(
          `expected rejection ${rule}, got acceptance: ${JSON.stringify(decision.events)}`,
        )
      if (decision.rule === rule) rulesSeen.add(rule)
      expect({ rule: decision.rule, message: decision.message }).toEqual({
        rule,
        message:
          message === undefined
            ? expect.any(String)
            : typeof message === 'string'
              ? message
              : expect.stringMatching(message),
      })
      return self
    },
  }
  return self
}

interface Given {
  readonly state: LedgerState
  /** More commands, issued by another actor. */
  and(actor: Actor, ...commands: ReadonlyArray<unknown>): Given
  when(command: unknown, actor?: Actor, today?: string): Then
}

function givenState(state: LedgerState): Given {
  return {
    state,
    and: (actor, ...commands) => givenState(stateAfter(commands, state, actor)),
    when: (command, actor = admin, today = TODAY) =>
      then(decideInput(state, command, ctx(actor, today as IsoDate))),
  }
}

/** Given the fixture plan and these commands (issued by the plan administrator). */
export function given(...commands: ReadonlyArray<unknown>): Given {
  return givenState(commands.length === 0 ? baseState : stateAfter(commands, baseState))
}
