/** @module Package paths as dtutil and dtexec write them: `folder\sub\name`, with `\` (or `/`) between folders. */

/** A path split into its folders and the package name. */
export interface PackagePath {
  readonly folders: readonly string[];
  readonly name: string;
}

/** The non-empty segments of a `\`- or `/`-separated path. */
export function pathSegments(text: string): string[] {
  return text.split(/[\\/]+/).filter((s) => s !== '');
}

/** Splits `folder\sub\name` (a leading `\` is allowed) into folders and name; undefined when there is no name. */
export function parsePackagePath(text: string): PackagePath | undefined {
  const segments = pathSegments(text);
  const name = segments.pop();
  return name === undefined ? undefined : { folders: segments, name };
}
