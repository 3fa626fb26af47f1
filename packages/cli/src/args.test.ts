import { describe, expect, it } from 'vitest';
import { parseCommandArgs, UsageError } from './args.js';

const options = { help: { type: 'boolean', short: 'h' }, out: { type: 'string', short: 'o' } } as const;

describe('parseCommandArgs', () => {
  it('reads flags, options with values in every spelling, and positionals', () => {
    expect(parseCommandArgs(['-h', '--out', 'a.json', 'x'], options, 1)).toEqual({
      values: { help: true, out: 'a.json' },
      positionals: ['x'],
    });
    expect(parseCommandArgs(['--out=b.json'], options, 0).values).toEqual({ out: 'b.json' });
    expect(parseCommandArgs(['-oc.json'], options, 0).values).toEqual({ out: 'c.json' });
    expect(parseCommandArgs([], options, 0)).toEqual({ values: {}, positionals: [] });
  });

  it('takes what follows -- as positionals, even when it looks like an option', () => {
    expect(parseCommandArgs(['--', '--help'], options, 1)).toEqual({ values: {}, positionals: ['--help'] });
  });

  it.each([
    [['--verbose'], 'unknown option --verbose'],
    [['-hv'], 'unknown option -v'],
    [['--help=no'], 'option --help takes no value'],
    [['--out'], 'option --out needs a value'],
    [['a', 'b'], 'unexpected argument "b"'],
    [['--toString'], 'unknown option --toString'],
  ])('refuses %j: %s', (args, message) => {
    expect(() => parseCommandArgs(args, options, 1)).toThrow(new UsageError(message));
  });
});
