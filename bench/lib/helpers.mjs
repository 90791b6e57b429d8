// Node-side helpers: the long-lived native and Python processes that the drivers interleave
// with the wasm runs (each measures its own time and answers one JSON line per request).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export function lineProcess(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'inherit'], ...opts });
  const rl = createInterface({ input: child.stdout });
  const waiting = [];
  const early = [];
  rl.on('line', (line) => {
    const w = waiting.shift();
    if (w) w(line); else early.push(line);
  });
  const next = () => new Promise((resolve) => { if (early.length) resolve(early.shift()); else waiting.push(resolve); });
  return {
    ready: async () => JSON.parse(await next()),
    async ask(command) {
      child.stdin.write(`${command}\n`);
      const answer = JSON.parse(await next());
      if (answer.error) throw new Error(`${cmd}: ${answer.error}`);
      return answer;
    },
    close() { child.stdin.end(); },
  };
}
