// Runs the unit and protocol suites side by side, then the end-to-end suite.
//
// The protocol suite runs its files three at a time, each with its own stack in one shared Azurite, then, one at a
// time, the files that start and kill bot processes or hold the bot to a time bound, then the privacy scan that
// reads everything they wrote. It spends much of its time waiting on Azurite and HTTP, while the unit suite is pure
// CPU: run in one `vitest run` they would take turns; in two processes they overlap. Each line is prefixed with its
// suite; the exit code is the first failure's.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const vitest = process.platform === 'win32' ? 'vitest.cmd' : 'vitest';

function run(project, ...after) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(vitest, ['run', ...[project, ...after].flatMap((p) => ['--project', p])], {
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

// The privacy scan runs in the protocol suite's process, after its files: it reads what they wrote in its Azurite.
const [unit, protocol] = await Promise.all([run('unit'), run('protocol', 'protocol-alone', 'privacy')]);
if (unit !== 0 || protocol !== 0) process.exit(unit || protocol);
process.exit(await run('e2e'));
