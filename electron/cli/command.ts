/**
 * What every `mail-doctor` sub-command implements. The dispatcher (main.ts)
 * parses nothing but the sub-command name; each command parses its own flags.
 */
import type { WatchClock } from '../probes/watch';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Reads all of stdin (for --password-stdin). */
  readStdin: () => Promise<string>;
  env: Record<string, string | undefined>;
  /** True when stdout is a colour-capable terminal. */
  color: boolean;
  /** The clock `--watch` waits on (default: the real one); a test's own clock runs minutes in milliseconds. */
  clock?: WatchClock;
}

/** Exit codes are part of the public contract: 0 no error finding, 1 error findings, 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;
