// Types for common.mjs, which tsconfig (allowJs off) does not read itself.

export { ROOT, startDetached, startNextServer, type DetachedServer } from '../scripts/server-launcher.cjs';
export declare function hasProductionBuild(): boolean;
export declare function noBuildMessage(script: string): string;
export declare function writeResults(name: string, data: unknown): string;
export declare function envNumber(name: string, fallback: number): number;
export declare function sleep(ms: number): Promise<void>;
export declare function round(value: number, digits?: number): number;
export declare function loadAverage(): number[];
export declare function logger(name: string): (message: string) => void;
export declare function percentile(values: ArrayLike<number>, fraction: number): number;
export declare function median(values: ArrayLike<number>): number;
export declare function freePort(): Promise<number>;
