/** A probe's protocol transcript: every line redacted on the way in (see redact.ts). */
import type { TranscriptLine } from '../../shared/models/probe';
import { maskSecrets } from '../../shared/security/secret-mask';
import { newRedactState, redactLine, secretForms } from './redact';

/** A transcript is evidence, not a log: 400 lines is far more than any probe needs. */
const MAX_LINES = 400;
/** Long server lines (a 1 MB banner) are cut: the start is what identifies a server. */
const MAX_LINE_CHARS = 1_000;

export class Transcript {
  readonly lines: TranscriptLine[] = [];
  private readonly state = newRedactState();
  private readonly secrets: string[];

  constructor(
    private readonly startedAt: number,
    user: string | undefined,
    password: string | undefined,
  ) {
    this.secrets = secretForms(user, password);
  }

  add(dir: 'c' | 's' | 'i', text: string): void {
    for (const raw of text.split(/\r?\n/)) {
      if (raw === '' || this.lines.length >= MAX_LINES) continue;
      const line = raw.length > MAX_LINE_CHARS ? raw.slice(0, MAX_LINE_CHARS) + '…' : raw;
      this.lines.push({ t: Date.now() - this.startedAt, dir, text: redactLine(dir, line, this.state, this.secrets) });
    }
  }

  /** Redacts text that goes elsewhere (evidence.serverReply): the same blanket mask. */
  scrub(text: string): string {
    return maskSecrets(text, this.secrets);
  }
}
