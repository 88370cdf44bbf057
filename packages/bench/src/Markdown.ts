/**
 * Renders `docs/benchmarks.md` from a bench run: what was measured and how, the baselines, the
 * goals table, the per-command latency of the CLI, growth from 1 to 1,000 counties, what bounds
 * each missed goal, and every figure of every job (whatever the suites returned).
 *
 * @module Markdown
 */
import { GOALS, UNPROFILED } from './Goals'
import { FULL_RUNS } from './Jobs'
import { findFigure, type BenchJson, type Stat } from './Summary'

/**
 * A number for a table: thousands separated, sensible decimals.
 *
 * @example
 * import { fmt } from '@progress-ledger/bench'
 * fmt(1234567.8) // '1,234,568'
 * fmt(12.345) // '12.3'
 * fmt(0.1234) // '0.123'
 */
export function fmt(x: number): string {
  const abs = Math.abs(x)
  const digits = abs >= 1000 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

function goalsTable(out: string[], json: BenchJson): string[] {
  const missed: string[] = []
  out.push(
    '| measurement | key | goal | median | min | max | runs | met |',
    '|---|---|---|---:|---:|---:|---:|---|',
  )
  for (const g of GOALS) {
    const s = findFigure(json.jobs, g.key)
    const goal = g.goal.startsWith('(') ? g.goal : `${g.goal} ${g.unit}`
    if (s === null) {
      out.push(`| ${g.label} | \`${g.key}\` | ${goal} | not measured | | | | — |`)
      continue
    }
    const met = g.met === undefined ? '—' : g.met(s.median) ? 'yes' : 'no'
    if (met === 'no') {
      const bound =
        typeof g.bound === 'function'
          ? g.bound((key) => findFigure(json.jobs, key)?.median)
          : (g.bound ?? UNPROFILED)
      missed.push(
        `- **${g.label}** (\`${g.key}\`) — median ${fmt(s.median)} ${g.unit} against ${g.goal} ${g.unit}: ${bound}`,
      )
    }
    out.push(
      `| ${g.label} | \`${g.key}\` | ${goal} | ${fmt(s.median)} ${g.unit} | ${fmt(s.min)} | ${fmt(s.max)} | ${s.runs} | ${met} |`,
    )
  }
  return missed
}

/** The count behind a size label (`10k`, `1m`, `2.5k`, `500`), for ordering columns. */
function labelValue(label: string): number {
  const n = Number.parseFloat(label)
  return label.endsWith('m') ? n * 1e6 : label.endsWith('k') ? n * 1e3 : n
}

const COMMAND_LABELS: Readonly<Record<string, string>> = {
  checkpoint: '`checkpoint` — the first command on the ledger: full replay, checkpoint stored',
  report: '`report --as-of 2025-12-31 --format md --plan sz-c0000`',
  status: '`status c0000-I01 --as-of 2025-12-31 --plan sz-c0000`',
  list_plans: '`list plans`',
  verify: '`verify`',
  append_one: '`append` of one line (`--actor plan-admin:bench`): decided against its plan',
}

/** The size labels of the figures named `<prefix><command>_cold_ms_<size>`, smallest first. */
function sizesOf(keys: ReadonlySet<string>, prefix: string): string[] {
  const labels = new Set<string>()
  for (const k of keys) {
    // `cli_` alone is SQLite's: PostgreSQL's figures have a prefix of their own.
    if (!k.startsWith(prefix) || (prefix === 'cli_' && k.startsWith('cli_pg_'))) continue
    const m = /^\w+?_cold_ms_([\w.]+)$/.exec(k.slice(prefix.length))
    if (m !== null) labels.add(m[1] as string)
  }
  return [...labels].sort((a, b) => labelValue(a) - labelValue(b))
}

/** The rows of one latency table: a command per row, ms then peak RSS per size. */
function commandRows(out: string[], json: BenchJson, prefix: string, sizes: string[]): void {
  out.push(
    `| command | ${sizes.map((s) => `${s} events: ms`).join(' | ')} | ${sizes.map((s) => `${s}: peak RSS MB`).join(' | ')} |`,
    `|---|${sizes.map(() => '---:').join('|')}|${sizes.map(() => '---:').join('|')}|`,
  )
  for (const [name, label] of Object.entries(COMMAND_LABELS)) {
    const ms = sizes.map((s) => findFigure(json.jobs, `${prefix}${name}_cold_ms_${s}`))
    if (ms.every((x) => x === null)) continue
    const rss = sizes.map((s) => cell(findFigure(json.jobs, `${prefix}${name}_peak_rss_mb_${s}`)))
    out.push(`| ${label} | ${ms.map((x) => cell(x)).join(' | ')} | ${rss.join(' | ')} |`)
  }
}

function cell(s: Stat | null, digits = (x: number): string => fmt(x)): string {
  return s === null ? '—' : `${digits(s.median)} (${digits(s.min)}–${digits(s.max)})`
}

function latencyTable(out: string[], json: BenchJson): void {
  const keys = new Set<string>()
  for (const j of Object.values(json.jobs)) for (const k of Object.keys(j.figures)) keys.add(k)
  const sizes = sizesOf(keys, 'cli_')
  const pgSizes = sizesOf(keys, 'cli_pg_')
  const intake = [...keys].filter((k) => /^cli_append_[\w.]+_lines_s$/.test(k))
  if (sizes.length === 0 && pgSizes.length === 0 && intake.length === 0) return
  out.push('', '## Per-command latency (CLI, SQLite, fresh process each)', '')
  out.push(
    'Each command is `node packages/cli/dist/bin.js …` in a fresh process, timed from spawn to exit (process start included), on a fresh copy of a generated ledger (the file cache is warm: the copy was just written), in the order of the table: the first command replays the whole ledger and stores a checkpoint, the later ones start from it; milliseconds, median (min–max) of the fresh processes, then the peak resident set size in MB as GNU time reports it. A command that failed has no figure (see the notes).',
    '',
  )
  if (sizes.length > 0) commandRows(out, json, 'cli_', sizes)
  if (pgSizes.length > 0) {
    out.push('', '### The same commands on PostgreSQL', '')
    out.push(
      "The same generated ledgers, loaded into a schema of the run's PostgreSQL by the CLI (`export` from the SQLite file, `import` into the schema; kept between runs), and a checkpoint stored by an untimed `checkpoint` first; then the commands that only read, each in a fresh process as above, with the server on the same machine.",
      '',
    )
    commandRows(out, json, 'cli_pg_', pgSizes)
  }
  for (const key of intake) {
    const label = /^cli_append_([\w.]+)_lines_s$/.exec(key)?.[1] as string
    const s = findFigure(json.jobs, key)
    const rss = findFigure(json.jobs, `cli_append_${label}_lines_peak_rss_mb`)
    out.push(
      '',
      `Intake: \`append\` of ${label} valid \`ReportValue\` lines in one process, on a ledger holding only the plan's definitions: ${s === null ? 'not measured (see the notes)' : `${cell(s)} s over ${s.runs} run${s.runs === 1 ? '' : 's'}, peak RSS ${cell(rss)} MB`}.`,
    )
  }
}

function growthTable(out: string[], json: BenchJson): void {
  const names = Object.keys(json.jobs)
    .filter((n) => n.startsWith('counties-'))
    .sort((a, b) => Number(a.slice(9)) - Number(b.slice(9)))
  if (names.length === 0) return
  const base = json.jobs[names[0] as string]?.figures['fold_events_per_sec']?.median
  out.push('', '## Growth: the plan over N counties, and the railway chronicle', '')
  out.push('Per-event rates that stay flat as N grows mean cost linear in events.', '')
  out.push(
    '| workload | events | append events/s | fold events/s | fold vs floor | fold vs copying floor | fold vs persistent floor | fold rate vs N = 1 | report ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  )
  for (const n of [...names, 'railway']) {
    const j = json.jobs[n]
    if (j === undefined) continue
    const v = (f: string): string => {
      const s = j.figures[f]
      return s === null || s === undefined ? '—' : fmt(s.median)
    }
    const fold = j.figures['fold_events_per_sec']?.median
    const rel =
      n.startsWith('counties-') && fold !== undefined && base !== undefined
        ? `${fmt(fold / base)}×`
        : '—'
    out.push(
      `| ${j.title} | ${v('events')} | ${v('append_events_per_sec')} | ${v('fold_events_per_sec')} | ${v('fold_vs_floor_ratio')} | ${v('fold_vs_copying_floor_ratio')} | ${v('fold_vs_persistent_floor_ratio')} | ${rel} | ${v('report_ms')} |`,
    )
  }
}

function detailTables(out: string[], json: BenchJson): void {
  out.push(
    '',
    '## Every figure',
    '',
    'Medians with min–max over the fresh processes of each job.',
    '',
  )
  for (const j of Object.values(json.jobs)) {
    out.push(
      `### ${j.title} (\`${j.name}\`)`,
      '',
      '| figure | median | min | max | runs |',
      '|---|---:|---:|---:|---:|',
    )
    for (const [k, s] of Object.entries(j.figures))
      out.push(
        s === null
          ? `| ${k} | — | | | |`
          : `| ${k} | ${fmt(s.median)} | ${fmt(s.min)} | ${fmt(s.max)} | ${s.runs} |`,
      )
    out.push('')
  }
}

const INTRO: ReadonlyArray<string> = [
  '## Workloads',
  '',
  '- **(a) anchor**: 1,000,000 events over 1,000 indicator streams, appended in blocks of 100 per stream; every 100th event sets a target, the first event of each stream defines its indicator, the rest report daily values. After the fold, the first as-of query of the process is timed on the state the fold just published (`asof_published_first_ms`), then 15 more (5 cuts × 3 rounds, median: `asof_ms`, warm). A checkpoint of the state is written and restored in the same process (`checkpoint_restore_ms`; first as-of on it `asof_restored_first_ms`), then a fresh process restores the same image and times at once its first as-of on the restored state, as known when the middle event was recorded (`asof_cold_ms`, judged; its restore `checkpoint_restore_fresh_ms`). The in-memory store is then read in pages of 10,000 and replayed (`memory_read_replay_events_per_sec`). Then 100,000 more values are appended and applied one `apply` each to the published state: the first 2,000 are timed as they come (`incremental_cold_us`, the very first alone `incremental_first_us`), then, from the published state again after a full collection, the whole stream (`incremental_us`, warm).',
  '- **(b) plan × N counties**: the 68 indicators of 表1 with baselines and 2022/2025 targets, 65 key tasks and reforms, monthly reports for 2021–2025 and yearly task statuses, per county (illustrative values).',
  '- **(c) railway**: the 56 milestones of the Hangzhou–Taizhou chronicle, planned, a quarter re-forecast, all met, repeated over 1,000 projects.',
  "- **CLI ledgers**: the first 10,000, 100,000 and 1,000,000 events of (b) over just enough counties, written through the public SQLite store by `pnpm --filter @progress-ledger/bench generate --events N --out FILE.sqlite`; recorded five days after each batch's valid time. After the `checkpoint` command has stored a ledger's checkpoint, a fresh process restores it (`src/restore.ts`: what `report --plan` loads, then, in another process, the whole state) and times at once its first as-of query on the whole state just restored, as known when the middle event was recorded (`asof_cold_cli_ms_<size>`). The intake appends 1,000,000 `ReportValue` lines (one per county, indicator and month) to a ledger holding only the definitions of those counties (`generate --intake LINES --out FILE.sqlite --jsonl FILE.jsonl`).",
  '',
  'Event ids are UUIDs (version 4) from a seeded generator, as users make them: the same on every run. Entity ids are codes (`sz-c0000`, `c0000-I01`).',
  '',
  '## Baselines',
  '',
  "- The **floor** is a hand-written fold over plain mutable `Map`s and arrays holding the same information as core's `LedgerState` — the same entities, every version of every definition, target, value and status, period slots sorted by period, the same unattached entries — and never converted into core's structures. A version is the recorded event itself (it carries the stamp and every field core copies out of it), so the floor allocates only entities, period slots and the lists that order them. The bench's test derives core's version objects from it (outside the timed fold) and checks that the result equals the JSON of core's replay. `fold_vs_floor_ratio` is judged against it.",
  "- The **copying floor** is the same loop making one version object per event, as core does (`fold_vs_copying_floor_ratio`, information): beside the floor it separates what those objects cost from what core's persistent containers, draft and freeze cost.",
  "- The **persistent floor** is the same kind of loop over plain records, then converted into core's `LedgerState` (entities in `EntityMap`s, period values in `ChunkList`s) by core's `ledgerFromJson`; the test checks deep equality. It was the only floor of earlier runs; its ratio (`fold_vs_persistent_floor_ratio`) is reported beside the floor's.",
  "- The **spread** baseline is the same reducer written `{ ...state, … }`, copying every record and list on the path to a change, with the persistent floor's conversion at the end. It is quadratic in the width of the indicators record, so it folds the first 5,000 events of (a) only; its ratio compares core on that same prefix.",
  '',
  'Fold contenders run in the same process on the same events, warmed up on a prefix, a full collection before each, in turn (floor, copying floor, persistent floor, core without the freeze, core) three times for histories of up to 500,000 events, once above; the ratio is of their medians.',
  '',
  'Only what this run measured appears on this page: no figures from other libraries or other runs are placed beside these.',
]

/** The whole document. `when` and `seconds` describe the run. */
export function renderMarkdown(json: BenchJson, when: string, seconds: number): string {
  const m = json.machine
  const out: string[] = [
    '# Benchmarks',
    '',
    'Generated by `pnpm bench` (package `@progress-ledger/bench`); do not edit by hand. Every figure is the median of',
    `fresh node processes (${FULL_RUNS} per job in the full run; min and max beside it), measured on the machine below.`,
    'Machines here are shared and noisy: compare ratios measured inside one process (fold vs floor, fold vs spread)',
    'rather than absolute rates across machines.',
    '',
    `- command: \`${json.command}\` (mode \`${json.mode}\`, ${fmt(seconds)} s in all, ${when})`,
    `- code measured: ${json.code === 'dist' ? "the packages' built `dist` (what users import; `pnpm build` first), loaded without the `@progress-ledger/source` condition" : 'the TypeScript sources (`--source`), not the built packages'}`,
    `- machine: ${m.cpu}, ${m.cores} cores, node ${m.node}, ${m.os}`,
    '',
    ...INTRO,
    '',
    '## Against the goals',
    '',
    'Each figure is found by its JSON key (`pnpm bench --json`) in whichever job measured it.',
    '',
  ]
  const missed = goalsTable(out, json)
  latencyTable(out, json)
  growthTable(out, json)
  out.push('', '## What bounds the goals that are missed', '')
  out.push(...(missed.length === 0 ? ['Every goal with a threshold is met in this run.'] : missed))
  if (json.notes.length > 0) out.push('', '## Notes', '', ...json.notes.map((n) => `- ${n}`))
  detailTables(out, json)
  return `${out.join('\n')}\n`
}
