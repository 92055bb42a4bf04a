import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The repository root (infra/local/src is three levels below it). */
export const repositoryRoot = resolve(here, '..', '..', '..');

/** Everything the local servers write: data, logs, pid files. Git-ignored. */
export const localDir = process.env.CTTECH_LOCAL_DIR ?? join(repositoryRoot, '.local');
export const logsDir = join(localDir, 'logs');

/** Downloaded binaries and jars, shared by every clone on this machine and reused. */
export const cacheDir =
  process.env.CTTECH_CACHE_DIR ??
  join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'cttech');

export const endpointsFile = join(localDir, 'endpoints.json');

export function ensureDir(path: string): string {
  if (!existsSync(path)) mkdirSync(path, { recursive: true });
  return path;
}

export function infraFile(...parts: string[]): string {
  return join(repositoryRoot, 'infra', ...parts);
}
