// Types for server-launcher.cjs, which tsconfig (allowJs off) does not read itself.
import type { ChildProcess } from 'node:child_process';

export declare const ROOT: string;

export interface DetachedServer {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
  kill(): void;
}
export interface LaunchOptions {
  /** Also end this process on Ctrl+C or SIGTERM (default true, for bench scripts). */
  onSignals?: boolean;
  /** Also append everything the process prints to this file. */
  logFile?: string;
}
export declare function startDetached(
  command: string,
  args: string[],
  env?: Record<string, string>,
  options?: LaunchOptions,
): DetachedServer;
export declare function startNextServer(
  port: number,
  env?: Record<string, string>,
  options?: LaunchOptions,
): DetachedServer;
export declare function waitUntilAnswering(server: DetachedServer, url: string): Promise<void>;
