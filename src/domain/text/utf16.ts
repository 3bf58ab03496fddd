/**
 * A text's UTF-16 code units in a typed array, for scans that read every character: a typed array costs a fraction of
 * a string's charCodeAt per read. Node's Buffer, where there is one, copies the units natively (lone surrogates
 * included), about ten times faster than a charCodeAt loop: 0.2 against 2 µs for 500 characters. Elsewhere the copy
 * is a loop, with the same result.
 */
type Utf16Writer = { write(text: string, offset: number, encoding: 'utf16le'): number; buffer: ArrayBuffer; byteOffset: number };
const NodeBuffer = (globalThis as { Buffer?: { alloc(size: number): Utf16Writer } }).Buffer;

export class CodeUnits {
  private units = new Uint16Array(0);
  private bytes: Utf16Writer | undefined;

  /**
   * The text's code units, then `pad` zeros (where charCodeAt would give NaN, every test on them is false for both).
   * The array is reused: it holds this text until the next call, and may be longer than text.length + pad.
   */
  of(text: string, pad = 0): Uint16Array {
    const length = text.length;
    let units = this.units;
    if (units.length < length + pad) {
      const size = Math.max(length + pad, units.length * 2, 1024);
      if (NodeBuffer) {
        this.bytes = NodeBuffer.alloc(size * 2);
        units = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, size);
      } else units = new Uint16Array(size);
      this.units = units;
    }
    // Little-endian, as every platform Node runs the bot on.
    if (this.bytes) this.bytes.write(text, 0, 'utf16le');
    else for (let q = 0; q < length; q++) units[q] = text.charCodeAt(q);
    for (let q = 0; q < pad; q++) units[length + q] = 0;
    return units;
  }
}
