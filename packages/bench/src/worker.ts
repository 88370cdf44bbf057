/**
 * The child process of a bench run: runs one task (given as JSON in argv[2]) and prints its
 * result as JSON on the last line of stdout.
 *
 * @module worker
 */
import type { Task } from './Jobs'
import { runTask } from './Tasks'

const task = JSON.parse(process.argv[2] ?? 'null') as Task
const result = await runTask(task)
process.stdout.write(`\n${JSON.stringify(result)}\n`)
