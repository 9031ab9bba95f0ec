/**
 * Rules every versioned kind of content shares (knowledge answers, guided scripts): versions are
 * numbered once, and at most one version of a thing is published at a time.
 */

export interface VersionRef<Status extends string = string> {
  version: number;
  status: Status;
}

/**
 * Publishing a version retires every other published version of the same thing at the same
 * moment, so at most one version is ever published (and so in force).
 */
export function versionsRetiredByPublishing(
  versions: readonly VersionRef[],
  publishing: number,
): number[] {
  return versions
    .filter((v) => v.status === 'published' && v.version !== publishing)
    .map((v) => v.version);
}

/** The next version number: one more than the highest so far. */
export function nextVersionNumber(versions: readonly VersionRef[]): number {
  return versions.reduce((max, v) => Math.max(max, v.version), 0) + 1;
}
