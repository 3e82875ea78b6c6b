import { Dependency } from './failure-kind';

export interface Outage {
  dependency: Dependency;
  /** When the first failure of this outage was seen (ISO 8601). */
  since: string;
  /** The last error seen, for the operator. */
  error: string;
}

/**
 * The dependencies the consumer currently finds down. A partition that meets an infrastructure
 * failure reports it here while it waits and clears it when its retry succeeds (one partition's
 * success proves the dependency is back); readiness shows the list, so an operator sees which
 * dependency is down and since when.
 */
export class Outages {
  private readonly open = new Map<Dependency, { since: Date; error: string }>();

  down(dependency: Dependency, error: Error, at = new Date()): void {
    const known = this.open.get(dependency);
    if (known) known.error = error.message;
    else this.open.set(dependency, { since: at, error: error.message });
  }

  up(dependency: Dependency): void {
    this.open.delete(dependency);
  }

  isDown(dependency: Dependency): boolean {
    return this.open.has(dependency);
  }

  list(): Outage[] {
    return [...this.open.entries()].map(([dependency, o]) => ({ dependency, since: o.since.toISOString(), error: o.error }));
  }
}
