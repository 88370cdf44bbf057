/**
 * The machine a run is measured on, read at run time.
 *
 * @module Machine
 */
import { cpus, release, type as osType } from 'node:os'
import type { MachineInfo } from './Summary'

/** CPU model, core count, node version and OS of this machine. */
export function machineInfo(): MachineInfo {
  const list = cpus()
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    node: process.version,
    os: `${osType()} ${release()} (${process.platform}/${process.arch})`,
  }
}
