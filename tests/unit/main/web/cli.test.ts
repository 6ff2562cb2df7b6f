import { describe, expect, it } from 'vitest';
import { runWebCli, USAGE } from '../../../../src/main/web/cli.js';

describe('npm run web arguments', () => {
  it('prints usage for --help and starts nothing', async () => {
    const lines: string[] = [];
    expect(await runWebCli(['--help'], (l) => lines.push(l))).toBeNull();
    expect(lines).toEqual([USAGE]);
  });

  it.each([
    [['--port', 'abc'], '--port must be an integer'],
    [['--port', '70000'], '--port must be an integer'],
    [['--inquiries=-1'], '--inquiries must be an integer'],
    [['--server', 'not a url'], 'Invalid URL'],
    [['--server', 'ftp://example.com'], '--server must be http(s)'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j before starting anything', async (argv, message) => {
    await expect(runWebCli(argv, () => undefined)).rejects.toThrow(message);
  });
});
