/**
 * Azure Table keys may not contain `/ \ # ?` or control characters, and `%`
 * breaks point operations on the real service. Teams ids are full of `:`,
 * `;`, `@` and `/` (e.g. `19:abc@thread.tacv2;messageid=1`), so every key is
 * escaped reversibly: characters outside a small safe set become `~XX` (the
 * UTF-8 bytes in hex). `~` itself is escaped, so decoding is unambiguous.
 */
const SAFE = /[A-Za-z0-9_.\-=,+@:]/;

export function encodeKey(value: string): string {
  let out = '';
  for (const ch of value) {
    if (SAFE.test(ch)) {
      out += ch;
    } else {
      for (const byte of Buffer.from(ch, 'utf8')) out += `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  if (Buffer.byteLength(out, 'utf8') > 1024) {
    throw new RangeError(`key too long for Table Storage (${out.length} characters after encoding)`);
  }
  return out;
}

export function decodeKey(key: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < key.length; i++) {
    const c = key[i]!;
    if (c === '~') {
      const hex = key.slice(i + 1, i + 3);
      if (!/^[0-9A-F]{2}$/.test(hex)) throw new Error(`malformed key escape at ${i}`);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The partition-key part for rows written under an organisation file that
 * names no tenant (outside production such a file is allowed).
 */
export const NO_TENANT = '~none';

/** A tenant's partition key: its id escaped, or `~none` for no tenant. */
export function tenantKey(tenantId: string): string {
  return encodeKey(tenantId || NO_TENANT);
}

/** The tenant id a `tenantKey` stands for ('' for `~none`). */
export function tenantOfKey(key: string | undefined): string {
  const tenant = decodeKey(key ?? '');
  return tenant === NO_TENANT ? '' : tenant;
}

/** The partition of a collaboration group's rows: its tenant's key and the group's id. */
export function groupPartition(tenantId: string, groupId: string): string {
  return `${tenantKey(tenantId)}|${encodeKey(groupId)}`;
}

/** A JSON property of a row, or the fallback when it is missing or unreadable. */
export function jsonProperty<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string' || !value) return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}
