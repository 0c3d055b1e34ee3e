import { describe, expect, it } from 'vitest';
import { buildCsp } from './csp';

describe('buildCsp', () => {
  const csp = buildCsp();
  const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(name + ' '));

  it('allows scripts only from the app itself (no inline, no eval)', () => {
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(directive('script-src')).not.toContain('unsafe-inline');
  });

  it('keeps the renderer off the network', () => {
    expect(directive('connect-src')).toBe("connect-src 'self'");
    expect(directive('default-src')).toBe("default-src 'self'");
  });

  it('forbids plugins, framing, base and form targets', () => {
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('base-uri')).toBe("base-uri 'none'");
    expect(directive('frame-src')).toBe("frame-src 'none'");
    expect(directive('form-action')).toBe("form-action 'none'");
  });
});
