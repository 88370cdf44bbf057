import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildShengzhouSeed, readParts, seedText } from '../scripts/build-shengzhou-seed'

const dir = resolve(__dirname, '../../../seeds/shengzhou')

describe("the seed files are built from the transcribers' parts", () => {
  it('match what the builder makes, with no problem met', () => {
    const built = buildShengzhouSeed(readParts(dir))
    expect(built.problems).toEqual([])
    expect(readFileSync(`${dir}/plan.json`, 'utf8')).toBe(seedText(built.plan))
    expect(readFileSync(`${dir}/railway-history.json`, 'utf8')).toBe(seedText(built.railway))
    expect(readFileSync(`${dir}/chronicles.json`, 'utf8')).toBe(seedText(built.chronicles))
  })
})
