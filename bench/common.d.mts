// Types for common.mjs, which tsconfig (allowJs off) does not read itself.
import type { ChildProcess } from 'node:child_process';

export declare const ROOT: string;
export declare function envNumber(name: string, fallback: number): number;
export declare function sleep(ms: number): Promise<void>;
export declare function round(value: number, digits?: number): number;
export declare function loadAverage(): number[];
export declare function logger(name: string): (message: string) => void;
export declare function percentile(values: ArrayLike<number>, fraction: number): number;
export declare function median(values: ArrayLike<number>): number;
export declare function freePort(): Promise<number>;

export interface DetachedServer {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
  kill(): void;
}
export declare function startDetached(command: string, args: string[], env?: Record<string, string>): DetachedServer;
export declare function startNextServer(port: number, env?: Record<string, string>): DetachedServer;
