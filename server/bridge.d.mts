// Types for server/bridge.mjs (plain Node ESM, no build step), which the app's TypeScript imports too.

/** One finished request, as the shell saw it: the route pattern, never the raw path or its query. */
export interface RequestSample {
  method: string;
  route: string;
  status: number;
  seconds: number;
}

/** What the app offers the shell. */
export interface AppSide {
  observeRequest(sample: RequestSample): void;
  /** Stops saying ready, and tells every open event stream to reconnect elsewhere, then ends it. */
  beginShutdown(): void;
  /** After the last request: closes the session listener and the database. */
  finishShutdown(): Promise<void>;
}

/** What the shell offers the app. */
export interface ShellSide {
  /** In a worker of several: every worker's metrics, summed by the primary process. */
  clusterMetrics?: () => Promise<{ contentType: string; body: string }>;
}

export interface OpsBridge {
  app: AppSide | undefined;
  shell: ShellSide | undefined;
}

export declare function opsBridge(): OpsBridge;
