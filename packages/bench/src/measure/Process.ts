/**
 * One command in a fresh process, timed from spawn to exit (process start included), with its
 * peak resident set size read by `/usr/bin/time` (GNU time's `%M`, in KB) when the machine has
 * it. A command that fails or runs out of time is reported as such, never as a figure.
 *
 * @module measure/Process
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** GNU time, which reports a child's peak RSS. */
export const GNU_TIME = '/usr/bin/time'

/** How a timed command ended. */
export type ProcessOutcome =
  | {
      readonly _tag: 'Exited'
      readonly ms: number
      /** Peak RSS in MB, or `null` without GNU time. */
      readonly peakRssMb: number | null
      readonly stdout: string
    }
  | {
      readonly _tag: 'Failed'
      /** What happened, for the notes: the exit code or signal and the end of stderr. */
      readonly reason: string
    }

/** The last lines of a command's output, on one line, for a note. */
function tail(text: string): string {
  return text.trim().split('\n').slice(-3).join(' / ').slice(0, 400)
}

interface Ended {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly timedOut: boolean
  readonly ms: number
  readonly stdout: string
  readonly stderr: string
}

/**
 * Spawns the command in a process group of its own, so that on time-out the whole group (GNU
 * time and the command under it) is killed, not only its first process.
 */
function run(
  file: string,
  argv: ReadonlyArray<string>,
  timeoutMs: number,
  cwd: string | undefined,
): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = []
    const err: Buffer[] = []
    let timedOut = false
    const start = performance.now()
    const child = spawn(file, argv, {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      ...(cwd === undefined ? {} : { cwd }),
    })
    const timer = setTimeout(() => {
      timedOut = true
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
    }, timeoutMs)
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', (code, signal) => {
      const ms = performance.now() - start
      clearTimeout(timer)
      resolve({
        code,
        signal,
        timedOut,
        ms,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      })
    })
  })
}

/** Runs `command args…` in a fresh process and times it. */
export async function timeProcess(
  command: string,
  args: ReadonlyArray<string>,
  options: { readonly timeoutMs: number; readonly cwd?: string },
): Promise<ProcessOutcome> {
  const withTime = existsSync(GNU_TIME)
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-time-'))
  const rssFile = join(dir, 'rss')
  try {
    const [file, argv] = withTime
      ? [GNU_TIME, ['-o', rssFile, '-f', '%M', command, ...args]]
      : [command, [...args]]
    let r: Ended
    try {
      r = await run(file, argv, options.timeoutMs, options.cwd)
    } catch (e) {
      return { _tag: 'Failed', reason: (e as Error).message }
    }
    if (r.timedOut)
      return {
        _tag: 'Failed',
        reason: `did not finish within ${(options.timeoutMs / 1000).toFixed(0)} s`,
      }
    if (r.code !== 0)
      return {
        _tag: 'Failed',
        reason: `exited with ${r.code ?? r.signal}: ${tail(r.stderr || r.stdout)}`,
      }
    const kb = withTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : NaN
    return {
      _tag: 'Exited',
      ms: r.ms,
      peakRssMb: Number.isFinite(kb) ? kb / 1024 : null,
      stdout: r.stdout,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
