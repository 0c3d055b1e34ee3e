import { describe, expect, it } from 'vitest';
import { CHANNELS, EVENT_NAMES } from './contract';
import { CHANNEL_NAMES, EVENT_NAME_LIST, isChannelName } from './names';

describe('preload name lists', () => {
  it('match the contract exactly', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([...CHANNELS].sort());
    expect([...EVENT_NAME_LIST].sort()).toEqual([...EVENT_NAMES].sort());
  });
  it('reject names outside the contract', () => {
    expect(isChannelName('app:info')).toBe(true);
    expect(isChannelName('fs:read')).toBe(false);
    expect(isChannelName(42)).toBe(false);
  });
});
