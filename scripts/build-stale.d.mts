/** Why the package in `dir` needs a build, or `undefined` when its build is complete and newer than its inputs. */
export function staleReason(dir: string, root: string): string | undefined;
/** The workspace folders of the repository at `root`, in the order they build. */
export function workspaceDirs(root: string): string[];
