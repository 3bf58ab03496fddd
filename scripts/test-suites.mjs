// Runs the unit and protocol suites side by side, then the end-to-end suite.
//
// The protocol suite runs its files one after another (they share one Azurite and the privacy scan reads
// everything last) and spends much of its time waiting on Azurite and HTTP; the unit suite is pure CPU. On the
// 2-core CI machine vitest gives each suite one worker in one process, so run in one `vitest run` they take
// turns; in two processes they overlap. Each line is prefixed with its suite; the exit code is the first failure's.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const vitest = process.platform === 'win32' ? 'vitest.cmd' : 'vitest';

function run(project) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(vitest, ['run', '--project', project], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
      shell: process.platform === 'win32',
    });
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      createInterface({ input: stream }).on('line', (line) => out.write(`[${project}] ${line}\n`));
    }
    child.on('close', (code, signal) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      process.stdout.write(`[${project}] exited ${code ?? signal} after ${seconds} s\n`);
      resolve(code ?? 1);
    });
  });
}

const [unit, protocol] = await Promise.all([run('unit'), run('protocol')]);
if (unit !== 0 || protocol !== 0) process.exit(unit || protocol);
process.exit(await run('e2e'));
