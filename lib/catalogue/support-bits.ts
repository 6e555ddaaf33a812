// Service.supportBits holds a service's current "yes" properties as one integer, so the catalogue
// can filter by "supports all of these" with a mask instead of reading claims. Bit n belongs to
// the property with rank n when every property is ordered by position, then id; writer and
// reader both derive it here from the same rows, and every write recomputes the bits.

// JavaScript's bitwise operators work on 32-bit signed integers: bit 31 would turn negative.
export const MAX_SUPPORT_BITS = 31;

type RankedProperty = { id: number; key: string; position: number };

export function propertyBits<P extends RankedProperty>(
  properties: readonly P[],
): Map<string, { id: number; bit: number }> {
  if (properties.length > MAX_SUPPORT_BITS) {
    throw new Error(
      `${properties.length} properties do not fit Service.supportBits (at most ${MAX_SUPPORT_BITS}); widen the column before adding more`,
    );
  }
  const ordered = [...properties].sort((a, b) => a.position - b.position || a.id - b.id);
  return new Map(ordered.map((p, bit) => [p.key, { id: p.id, bit }]));
}

// The mask a service's bits must contain to have every key; null when a key is unknown (then
// nothing matches).
export function supportMask(keys: readonly string[], bits: ReadonlyMap<string, { bit: number }>): number | null {
  let mask = 0;
  for (const key of keys) {
    const entry = bits.get(key);
    if (entry === undefined) return null;
    mask |= 1 << entry.bit;
  }
  return mask;
}

export function hasAll(serviceBits: number, mask: number): boolean {
  return (serviceBits & mask) === mask;
}
