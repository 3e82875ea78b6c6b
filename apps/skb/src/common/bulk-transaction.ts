import { EntityManager } from 'typeorm';

/**
 * For the rest of the caller's transaction, settings for statements over a whole period (hundreds of
 * thousands of rows): sorts and hashes in memory instead of spilled to disk (the server's default
 * work_mem is 4 MB), and no JIT compilation, which costs more than it saves on these plans.
 */
export async function tuneForBulk(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT set_config('work_mem', '256MB', true), set_config('jit', 'off', true)`);
}
