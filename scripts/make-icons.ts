/**
 * Renders build/icon.svg into every icon the installers need, and writes the containers:
 *   build/icon.png            1024 px (electron-builder's master image)
 *   build/icons/NxN.png       Linux (AppImage/deb) sizes
 *   build/icon.ico            Windows: 16–48 px as 32-bit BMP (what every Windows shell and
 *                             NSIS read), 256 px as PNG (Vista+ convention; keeps the file small)
 *   build/icon.icns           macOS: PNG entries 16–1024 px incl. @2x
 *
 * Run: npx tsx scripts/make-icons.ts   (needs Chromium: MAIL_DOCTOR_CHROMIUM or /usr/bin/chromium)
 * The outputs are committed; CI does not re-render them.
 *
 * Chromium (through playwright-core, already a dev dependency) rasterises the SVG at each
 * exact size on a canvas, so small sizes are drawn from the vectors, not downscaled. PNG,
 * ICO and ICNS are encoded here: all three are short, well-documented formats.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

export interface Rgba {
  width: number;
  height: number;
  /** width*height*4 bytes, row-major, straight (not premultiplied) alpha. */
  data: Uint8Array;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** RGBA8 PNG, filter type 0 on every row (the icons are tiny; deflate does the work). */
export function encodePng(img: Rgba): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.width, 0);
  ihdr.writeUInt32BE(img.height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const stride = img.width * 4;
  const raw = Buffer.alloc((stride + 1) * img.height);
  for (let y = 0; y < img.height; y++) Buffer.from(img.data.buffer, img.data.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

/** Width and height from a PNG's IHDR; throws on anything that is not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (!b.subarray(0, 8).equals(PNG_SIGNATURE) || b.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** A 32-bit BMP (DIB) icon image: BITMAPINFOHEADER, bottom-up BGRA rows, then the 1-bit AND mask. */
export function encodeIconBmp(img: Rgba): Buffer {
  const { width: w, height: h } = img;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(w, 4);
  header.writeInt32LE(h * 2, 8); // XOR image + AND mask
  header.writeUInt16LE(1, 12); // planes
  header.writeUInt16LE(32, 14); // bits per pixel
  const pixels = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const s = ((h - 1 - y) * w + x) * 4;
      const d = (y * w + x) * 4;
      pixels[d] = img.data[s + 2]!;
      pixels[d + 1] = img.data[s + 1]!;
      pixels[d + 2] = img.data[s]!;
      pixels[d + 3] = img.data[s + 3]!;
    }
  const maskStride = Math.ceil(w / 32) * 4;
  const mask = Buffer.alloc(maskStride * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const transparent = img.data[((h - 1 - y) * w + x) * 4 + 3]! === 0;
      if (transparent) mask[y * maskStride + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  header.writeUInt32LE(pixels.length + mask.length, 20);
  return Buffer.concat([header, pixels, mask]);
}

export interface IcoImage {
  size: number;
  /** PNG bytes or a BMP DIB from encodeIconBmp. */
  data: Buffer;
}

/** ICO container: ICONDIR, one ICONDIRENTRY per image (sorted by size), then the image data. */
export function encodeIco(images: readonly IcoImage[]): Buffer {
  const sorted = [...images].sort((a, b) => a.size - b.size);
  const dir = Buffer.alloc(6 + 16 * sorted.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // type: icon
  dir.writeUInt16LE(sorted.length, 4);
  let offset = dir.length;
  sorted.forEach((img, i) => {
    if (img.size < 1 || img.size > 256) throw new Error(`ICO sizes are 1..256, got ${img.size}`);
    const e = 6 + 16 * i;
    dir[e] = img.size === 256 ? 0 : img.size; // 0 means 256
    dir[e + 1] = img.size === 256 ? 0 : img.size;
    dir.writeUInt16LE(1, e + 4); // colour planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(img.data.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += img.data.length;
  });
  return Buffer.concat([dir, ...sorted.map((i) => i.data)]);
}

export function decodeIco(buf: Buffer): Array<{ size: number; format: 'png' | 'bmp'; data: Buffer }> {
  if (buf.readUInt16LE(0) !== 0 || buf.readUInt16LE(2) !== 1) throw new Error('not an ICO');
  const n = buf.readUInt16LE(4);
  return Array.from({ length: n }, (_, i) => {
    const e = 6 + 16 * i;
    const len = buf.readUInt32LE(e + 8);
    const off = buf.readUInt32LE(e + 12);
    const data = buf.subarray(off, off + len);
    return { size: buf[e] || 256, format: data.subarray(0, 8).equals(PNG_SIGNATURE) ? 'png' : 'bmp', data };
  });
}

/** ICNS element types that hold PNG data, by pixel size (Apple's icns format). */
export const ICNS_TYPES: ReadonlyArray<{ type: string; pixels: number }> = [
  { type: 'icp4', pixels: 16 },
  { type: 'icp5', pixels: 32 },
  { type: 'icp6', pixels: 64 },
  { type: 'ic07', pixels: 128 },
  { type: 'ic08', pixels: 256 },
  { type: 'ic09', pixels: 512 },
  { type: 'ic10', pixels: 1024 }, // 512@2x
  { type: 'ic11', pixels: 32 }, // 16@2x
  { type: 'ic12', pixels: 64 }, // 32@2x
  { type: 'ic13', pixels: 256 }, // 128@2x
  { type: 'ic14', pixels: 512 }, // 256@2x
];

/** ICNS container: 'icns' + total length, then (type, length incl. 8-byte header, data) elements, big-endian. */
export function encodeIcns(entries: ReadonlyArray<{ type: string; data: Buffer }>): Buffer {
  const parts = entries.map(({ type, data }) => {
    if (!/^[\x20-\x7e]{4}$/.test(type)) throw new Error(`bad icns type ${type}`);
    const h = Buffer.alloc(8);
    h.write(type, 0, 'latin1');
    h.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([h, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

export function decodeIcns(buf: Buffer): Array<{ type: string; data: Buffer }> {
  if (buf.toString('latin1', 0, 4) !== 'icns' || buf.readUInt32BE(4) !== buf.length) throw new Error('not an ICNS (or wrong length)');
  const out: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < buf.length; ) {
    const len = buf.readUInt32BE(at + 4);
    if (len < 8 || at + len > buf.length) throw new Error(`bad icns element at ${at}`);
    out.push({ type: buf.toString('latin1', at, at + 4), data: buf.subarray(at + 8, at + len) });
    at += len;
  }
  return out;
}

/** Sizes rendered from the SVG. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** Up to 48 px the ICO holds BMPs: the sizes Explorer, the taskbar and NSIS read most, in the format all of them read. */
export const ICO_BMP_MAX = 48;
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
export const MASTER_SIZE = 1024;

/** Rasterise an SVG at each size with headless Chromium: canvas drawImage from the vector, RGBA out. */
async function renderSizes(svg: string, sizes: readonly number[]): Promise<Map<number, Rgba>> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.MAIL_DOCTOR_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const out = new Map<number, Rgba>();
    for (const size of sizes) {
      const pixels = await page.evaluate(
        async ({ url, size }) => {
          // Runs in the page. The scripts' tsconfig has no DOM lib, so the few DOM types are spelled out here.
          interface Ctx2d {
            imageSmoothingQuality: string;
            drawImage(img: unknown, x: number, y: number, w: number, h: number): void;
            getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
          }
          const dom = globalThis as unknown as {
            Image: new () => { src: string; decode(): Promise<void> };
            document: { createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): Ctx2d | null } };
          };
          const img = new dom.Image();
          img.src = url;
          await img.decode();
          const canvas = dom.document.createElement('canvas');
          canvas.width = size;
          canvas.height = size;
          const ctx = canvas.getContext('2d')!;
          ctx.imageSmoothingQuality = 'high';
          ctx.drawImage(img, 0, 0, size, size);
          return Array.from(ctx.getImageData(0, 0, size, size).data);
        },
        { url: dataUrl, size },
      );
      out.set(size, { width: size, height: size, data: Uint8Array.from(pixels) });
    }
    return out;
  } finally {
    await browser.close();
  }
}

export async function makeIcons(buildDir: string): Promise<string[]> {
  const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8');
  const sizes = [...new Set([...ICO_SIZES, ...LINUX_SIZES, ...ICNS_TYPES.map((t) => t.pixels), MASTER_SIZE])].sort((a, b) => a - b);
  const rendered = await renderSizes(svg, sizes);
  const png = new Map([...rendered].map(([s, img]) => [s, encodePng(img)]));
  const written: string[] = [];
  const write = (rel: string, data: Buffer) => {
    const p = join(buildDir, rel);
    writeFileSync(p, data);
    written.push(`${rel} (${data.length} bytes)`);
  };
  write('icon.png', png.get(MASTER_SIZE)!);
  mkdirSync(join(buildDir, 'icons'), { recursive: true });
  for (const s of LINUX_SIZES) write(`icons/${s}x${s}.png`, png.get(s)!);
  write('icon.ico', encodeIco(ICO_SIZES.map((s) => ({ size: s, data: s <= ICO_BMP_MAX ? encodeIconBmp(rendered.get(s)!) : png.get(s)! }))));
  write('icon.icns', encodeIcns(ICNS_TYPES.map((t) => ({ type: t.type, data: png.get(t.pixels)! }))));
  return written;
}

if (require.main === module) {
  makeIcons(resolve(__dirname, '..', 'build')).then(
    (files) => console.log(`icons written:\n  ${files.join('\n  ')}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
