/**
 * No service process may outlive the bench, whether it ends normally, fails, or is interrupted
 * (Ctrl-C). The processes are this process's children; on the way out each is killed by its pid.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Pids of this process's direct children, from /proc (field 4 of /proc/<pid>/stat is the parent). */
export function childPids(parent = process.pid): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; the fields after its last ')' are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === parent) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

export function killChildren(signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const pid of childPids()) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/** On exit, and on SIGINT/SIGTERM after `graceful` had up to 10 s, kill whatever children remain. */
export function killChildrenOnExit(graceful: () => Promise<void>): void {
  process.on('exit', () => killChildren());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping the services\n`);
      const force = setTimeout(() => process.exit(130), 10_000);
      force.unref();
      void graceful().finally(() => process.exit(130));
    });
  }
}
