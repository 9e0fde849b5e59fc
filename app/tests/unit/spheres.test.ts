import { describe, expect, it } from 'vitest';
import { SPHERES, spheresOf } from '../../src/features/officials/records';
import { en } from '../../src/lib/i18n/en';

describe('an office’s policy spheres', () => {
  it('lists the twenty spheres in the order of the translations (the runtime’s declaration order)', () => {
    const named = Object.keys(en)
      .filter((k) => k.startsWith('sphere.'))
      .map((k) => k.slice('sphere.'.length));
    expect([...SPHERES]).toEqual(named);
    expect(SPHERES.length).toBe(20);
  });

  it('reads one bit per sphere, and nothing beyond the twentieth', () => {
    expect(spheresOf(0)).toEqual([]);
    expect(spheresOf((1 << 20) - 1)).toEqual([...SPHERES]);
    expect(spheresOf(0b1_0001)).toEqual(['Governance', 'Health']);
    expect(spheresOf(1 << 19)).toEqual(['Participation']);
    expect(spheresOf(1 << 20)).toEqual([]);
  });
});
