import { describe, expect, it } from 'vitest';
import { displayWidth } from './display-width';

describe('displayWidth', () => {
  it('counts East Asian wide characters as two columns, the rest as one', () => {
    expect(displayWidth('Cause')).toBe(5);
    expect(displayWidth('原因')).toBe(4);
    expect(displayWidth('対処（実施した内容）')).toBe(20);
    expect(displayWidth('SMTP サーバー')).toBe(5 + 8);
    expect(displayWidth('')).toBe(0);
  });
});
