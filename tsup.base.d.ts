import type { Options } from 'tsup';
export declare function packageBuild(entry?: ReadonlyArray<string>): Options;
