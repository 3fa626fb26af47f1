/** A mistake on the command line (a bad flag, domain or file): the run ends with exit status 2, one line of reason and a pointer to `--help`. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
