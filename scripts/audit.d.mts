// Types for scripts/audit.mjs (plain Node ESM), which its unit test imports.
export interface Advisory {
  id: string;
  package: string;
  vulnerable: string;
  severity: string;
  title: string;
}
export interface Snapshot {
  advisories: Advisory[];
  accepted?: { id: string; package: string; reason: string }[];
}
export declare function installedPackages(lock: unknown): Map<string, Set<string>>;
export declare function findVulnerable(
  lock: unknown,
  snapshot: Snapshot,
): (Advisory & { version: string; accepted?: string })[];
export declare function advisoriesFromNpmAudit(report: unknown): Advisory[] | undefined;
