// Shared tsup settings: ESM + CJS + .d.ts for Node 20. The packages' tsconfigs are composite
// (for `tsc -b`); declaration bundling needs a plain program, so composite is switched off here.
import type { Options } from 'tsup'

export function packageBuild(entry: ReadonlyArray<string> = ['src/index.ts']): Options {
  return {
    entry: [...entry],
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { composite: false, emitDeclarationOnly: false, noEmit: false } },
    clean: true,
    sourcemap: true,
    target: 'node20',
  }
}
