// Amounts of a community currency: the chain's calls count smallest units (`decimals` decimals
// of one unit); its account view reports balances in fine units, 10^18 per smallest unit.
export const FINE = 10n ** 18n;

/** A fine-unit amount as a decimal string of whole units, rounded toward zero. */
export function formatFine(fine: bigint, decimals: number): string {
  return formatSmallest(fine / FINE, decimals);
}

/** A smallest-unit amount as a decimal string of whole units. */
export function formatSmallest(smallest: bigint, decimals: number): string {
  const negative = smallest < 0n;
  const digits = (negative ? -smallest : smallest).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const frac = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${negative ? '−' : ''}${whole}${frac}`;
}

/** Parses a positive amount of whole units ("12", "12.5", "12,50") into smallest units. */
export function parseAmount(input: string, decimals: number): bigint {
  const s = input.trim().replace(',', '.');
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] ?? '').length > decimals) throw new RangeError('bad-amount');
  const value = BigInt(m[1] + (m[2] ?? '').padEnd(decimals, '0'));
  if (value <= 0n) throw new RangeError('bad-amount');
  return value;
}

/** A yearly demurrage rate (Perbill, parts per billion) as a percentage. */
export function demurragePercent(perbill: number): string {
  return (perbill / 1e7).toLocaleString('en', { maximumFractionDigits: 2 });
}
