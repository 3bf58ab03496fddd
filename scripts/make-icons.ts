/**
 * Draws the Teams app icons, manifest/color.png (192×192) and
 * manifest/outline.png (32×32), with nothing but Node built-ins: shapes are
 * signed-distance functions, edges are anti-aliased by supersampling, and the
 * PNG is written chunk by chunk (node:zlib for the deflate, our own CRC-32).
 *
 * The mark is two overlapping circles, the two sectors (social services and
 * school) meeting; where they overlap is the shared work, drawn in white.
 *
 *   npx tsx scripts/make-icons.ts [outDir]      (default: manifest/)
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

export type Rgba = readonly [number, number, number, number];

/** An RGBA image, 8 bits per channel, straight (not premultiplied) alpha. */
export interface Image {
  width: number;
  height: number;
  /** width × height × 4 bytes, row by row. */
  data: Uint8Array;
}

// ---------------------------------------------------------------- PNG writer

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG (ISO 3309 / ITU-T V.42) defines it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(body).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes an RGBA image as a PNG (colour type 6, bit depth 8, no interlace). */
export function encodePng(image: Image): Buffer {
  const { width, height, data } = image;
  if (data.length !== width * height * 4) throw new Error(`image data is ${data.length} bytes, expected ${width * height * 4}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  // Filter each scanline with Paeth (type 4): smooth shapes compress well with it.
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const o = y * (stride + 1);
    raw[o] = 4;
    for (let i = 0; i < stride; i++) {
      const x = data[y * stride + i]!;
      const a = i >= 4 ? data[y * stride + i - 4]! : 0;
      const b = y > 0 ? data[(y - 1) * stride + i]! : 0;
      const c = i >= 4 && y > 0 ? data[(y - 1) * stride + i - 4]! : 0;
      raw[o + 1 + i] = (x - paeth(a, b, c)) & 0xff;
    }
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// ------------------------------------------------------------------ drawing

/** A layer answers the colour it paints at a point, or undefined where it paints nothing. */
type Layer = (x: number, y: number) => Rgba | undefined;

const circle = (cx: number, cy: number, r: number) => (x: number, y: number) => Math.hypot(x - cx, y - cy) - r;

/**
 * Renders layers (painted in order, "over") with n×n samples per pixel and
 * averages them in premultiplied space, so edges are smooth and a
 * transparent background stays colour-clean.
 */
export function render(width: number, height: number, layers: Layer[], samples = 8): Image {
  const data = new Uint8Array(width * height * 4);
  const n = samples * samples;
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = px + (sx + 0.5) / samples;
          const y = py + (sy + 0.5) / samples;
          let cr = 0,
            cg = 0,
            cb = 0,
            ca = 0; // premultiplied, 0..1
          for (const layer of layers) {
            const c = layer(x, y);
            if (!c) continue;
            const la = c[3] / 255;
            cr = (c[0] / 255) * la + cr * (1 - la);
            cg = (c[1] / 255) * la + cg * (1 - la);
            cb = (c[2] / 255) * la + cb * (1 - la);
            ca = la + ca * (1 - la);
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const o = (py * width + px) * 4;
      const alpha = a / n;
      data[o + 3] = Math.round(alpha * 255);
      if (alpha > 0) {
        data[o] = Math.round((r / n / alpha) * 255);
        data[o + 1] = Math.round((g / n / alpha) * 255);
        data[o + 2] = Math.round((b / n / alpha) * 255);
      }
    }
  }
  return { width, height, data };
}

// -------------------------------------------------------------------- icons

const PALETTE = {
  background: [22, 78, 99, 255] as Rgba, // deep calm teal-blue
  left: [92, 178, 226, 255] as Rgba, // sky blue: one sector
  right: [98, 201, 154, 255] as Rgba, // soft green: the other
  shared: [255, 255, 255, 255] as Rgba, // where they meet
};

/**
 * 192×192, full colour on a solid background. The mark stays well inside the
 * circle Teams crops bot avatars to; the shared part is inset by a thin gap of
 * background colour, so the two circles read as interlocking, not merged.
 */
export function colorIcon(): Image {
  const size = 192;
  const c = size / 2;
  const r = 35;
  const offset = 21;
  const gap = 3.5;
  const left = circle(c - offset, c, r);
  const right = circle(c + offset, c, r);
  const lens = (x: number, y: number) => Math.max(left(x, y), right(x, y));
  return render(size, size, [
    () => PALETTE.background,
    (x, y) => (left(x, y) <= 0 ? PALETTE.left : undefined),
    (x, y) => (right(x, y) <= 0 ? PALETTE.right : undefined),
    (x, y) => (lens(x, y) <= 0 ? PALETTE.background : undefined),
    (x, y) => (lens(x, y) <= -gap ? PALETTE.shared : undefined),
  ]);
}

/**
 * 32×32, white on transparent: the same mark as two interlocking rings. At
 * this size a filled overlap merges with the strokes into a blob, so the
 * shared part is left open.
 */
export function outlineIcon(): Image {
  const size = 32;
  const c = size / 2;
  // Whole-pixel geometry (outer edges on pixel boundaries) keeps the rings crisp.
  const r = 7;
  const offset = 4;
  const stroke = 2;
  const white: Rgba = [255, 255, 255, 255];
  const left = circle(c - offset, c, r);
  const right = circle(c + offset, c, r);
  return render(size, size, [(x, y) => (Math.abs(left(x, y)) <= stroke / 2 || Math.abs(right(x, y)) <= stroke / 2 ? white : undefined)]);
}

export function writeIcons(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const files = [
    [path.join(outDir, 'color.png'), colorIcon()],
    [path.join(outDir, 'outline.png'), outlineIcon()],
  ] as const;
  for (const [file, image] of files) writeFileSync(file, encodePng(image));
  return files.map(([file]) => file);
}

if (/make-icons\.ts$/.test(process.argv[1] ?? '')) {
  const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'manifest'));
  for (const file of writeIcons(outDir)) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
