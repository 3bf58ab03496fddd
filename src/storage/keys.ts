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

/** A JSON property of a row, or the fallback when it is missing or unreadable. */
export function jsonProperty<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string' || !value) return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}
