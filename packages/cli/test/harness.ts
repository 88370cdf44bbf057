// A fake world for the CLI: captured output, a temp working directory, a manual clock.
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { manualClock, type ManualClock } from '@progress-ledger/core'
import { fixtures } from '@progress-ledger/testkit'
import { run } from '../src/Cli'
import { fileLines, type Io, partialFile, readText } from '../src/Io'

export interface Ran {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  /** Did the command tell its Io that its write committed? */
  readonly committed: boolean
  /** The new SQLite ledger, still under its temporary name, that the write committed into. */
  readonly newLedger?: { readonly at: string; readonly final: string }
  /** The temporary name of a new SQLite ledger the command started writing. */
  readonly creating?: string
}

export interface World {
  readonly dir: string
  readonly clock: ManualClock
  readonly cli: (...argv: string[]) => Promise<Ran>
  readonly write: (name: string, content: string) => string
}

/** How the fake terminal looks: environment variables, and whether stdout/stderr are terminals. */
export interface WorldOptions {
  readonly env?: Readonly<Record<string, string>>
  readonly tty?: boolean
}

export function world(start = '2022-03-01T09:00:00.000Z', options: WorldOptions = {}): World {
  const dir = mkdtempSync(join(tmpdir(), 'pl-cli-'))
  const clock = manualClock(start)
  let runs = 0
  const cli = async (...argv: string[]): Promise<Ran> => {
    let stdout = ''
    let stderr = ''
    let committed = false
    let newLedger: Ran['newLedger']
    let creating: string | undefined
    // Each run its own prefix, even when runs overlap (several clerks at once).
    const n = ++runs
    const io: Io = {
      stdout: { write: (s) => void (stdout += s), isTTY: options.tty ?? false },
      stderr: { write: (s) => void (stderr += s), isTTY: options.tty ?? false },
      cwd: dir,
      env: options.env ?? {},
      clock,
      idPrefix: () => `run${n}`,
      readFile: (p) => readText(resolve(dir, p)),
      readLines: (p, onNotUtf8) => {
        statSync(resolve(dir, p))
        return fileLines(resolve(dir, p), onNotUtf8)
      },
      writeFile: (p, c) => {
        mkdirSync(dirname(resolve(dir, p)), { recursive: true })
        writeFileSync(resolve(dir, p), c)
      },
      createFile: (p) => partialFile(resolve(dir, p)),
      committed: (fresh) => {
        committed = true
        newLedger = fresh
      },
      creating: (at) => {
        creating = at
      },
    }
    const code = await run(argv, io)
    return {
      code,
      stdout,
      stderr,
      committed,
      ...(newLedger === undefined ? {} : { newLedger }),
      ...(creating === undefined ? {} : { creating }),
    }
  }
  const write = (name: string, content: string): string => {
    writeFileSync(join(dir, name), content)
    return name
  }
  return { dir, clock, cli, write }
}

/** Commands that set up a one-indicator plan, as JSON lines. */
export const setupLines = [
  {
    type: 'AdoptPlan',
    planId: 'sz',
    name: { zh: '嵊州行动方案', en: 'Shengzhou plan' },
    adoptedOn: '2021-08-10',
    baseYear: 2020,
    startYear: 2021,
    endYear: 2025,
  },
  fixtures.commandOf('DefineCategory', fixtures.categoryDefined),
  { type: 'RegisterDepartment', departmentId: 'fgj', name: { zh: '市发改局' } },
  fixtures.commandOf('DefineIndicator', fixtures.gdpDefined),
  { type: 'SetBaseline', indicatorId: 'I01', period: '2020', value: 9.2 },
  {
    type: 'SetTarget',
    indicatorId: 'I01',
    targetId: 'I01-2022',
    dueYear: 2022,
    role: 'interim',
    expression: { kind: 'level', value: 11, direction: 'higher', inferred: false },
    printed: '11',
  },
  {
    type: 'SetTarget',
    indicatorId: 'I01',
    targetId: 'I01-2025',
    dueYear: 2025,
    role: 'final',
    expression: { kind: 'level', value: 14, direction: 'higher', inferred: false },
    printed: '14',
  },
]

export const jsonl = (lines: ReadonlyArray<unknown>): string =>
  lines.map((l) => JSON.stringify(l)).join('\n') + '\n'
