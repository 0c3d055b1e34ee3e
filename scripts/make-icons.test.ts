import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  ICNS_TYPES,
  ICO_BMP_MAX,
  ICO_SIZES,
  LINUX_SIZES,
  MASTER_SIZE,
  type Rgba,
  crc32,
  decodeIcns,
  decodeIco,
  encodeIconBmp,
  encodeIcns,
  encodeIco,
  encodePng,
  pngSize,
} from './make-icons';

const build = resolve(__dirname, '..', 'build');

function checker(size: number): Rgba {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      data.set((x + y) % 2 ? [255, 0, 0, 255] : [0, 0, 255, 0], i);
    }
  return { width: size, height: size, data };
}

/** Minimal PNG reader for filter-0 RGBA images, to check our encoder's output independently. */
function decodeOwnPng(png: Buffer): Rgba {
  const { width, height } = pngSize(png);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + len);
    expect(png.readUInt32BE(at + 8 + len), `CRC of ${type}`).toBe(crc32(png.subarray(at + 4, at + 8 + len)));
    if (type === 'IDAT') idat.push(body);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    data.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, data };
}

describe('encoders', () => {
  it('crc32 matches the PNG spec check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('PNG round-trips pixels exactly', () => {
    const img = checker(5);
    const back = decodeOwnPng(encodePng(img));
    expect(back.width).toBe(5);
    expect(Buffer.from(back.data).equals(Buffer.from(img.data))).toBe(true);
  });

  it('icon BMP: doubled height, bottom-up BGRA, AND mask set where transparent', () => {
    const img = checker(3);
    const bmp = encodeIconBmp(img);
    expect(bmp.readInt32LE(4)).toBe(3);
    expect(bmp.readInt32LE(8)).toBe(6);
    expect(bmp.readUInt16LE(14)).toBe(32);
    // first stored row is the image's last row; pixel (0,2) is transparent blue → B,G,R,A = 255,0,0,0,
    // pixel (1,2) opaque red → 0,0,255,255
    expect([...bmp.subarray(40, 48)]).toEqual([255, 0, 0, 0, 0, 0, 255, 255]);
    const maskRow0 = bmp[40 + 3 * 3 * 4]!; // mask rows are 4 bytes each for widths ≤ 32
    // bottom row (y=2): x=0 transparent, x=1 opaque, x=2 transparent → bits 101
    expect(maskRow0 >> 5).toBe(0b101);
    expect(bmp.length).toBe(40 + 3 * 3 * 4 + 3 * 4);
  });

  it('ICO and ICNS containers decode back to what went in', () => {
    const a = encodePng(checker(16));
    const b = encodePng(checker(32));
    const ico = encodeIco([
      { size: 256, data: b },
      { size: 16, data: encodeIconBmp(checker(16)) },
    ]);
    expect(decodeIco(ico).map((e) => [e.size, e.format])).toEqual([
      [16, 'bmp'],
      [256, 'png'],
    ]);
    expect(() => encodeIco([{ size: 512, data: a }])).toThrow();
    const icns = encodeIcns([
      { type: 'icp4', data: a },
      { type: 'ic11', data: b },
    ]);
    expect(decodeIcns(icns)).toEqual([
      { type: 'icp4', data: a },
      { type: 'ic11', data: b },
    ]);
    expect(() => decodeIcns(Buffer.concat([icns, Buffer.alloc(1)]))).toThrow();
  });
});

describe('committed icons (produced by `npx tsx scripts/make-icons.ts`)', () => {
  const read = (rel: string) => readFileSync(join(build, rel));

  it('the master PNG and the Linux set have the sizes their names say', () => {
    expect(pngSize(read('icon.png'))).toEqual({ width: MASTER_SIZE, height: MASTER_SIZE });
    for (const s of LINUX_SIZES) expect(pngSize(read(`icons/${s}x${s}.png`)), `${s}`).toEqual({ width: s, height: s });
  });

  it('icon.ico holds every Windows size: BMP up to 48 px, PNG above, same pixels as the PNG set', () => {
    const entries = decodeIco(read('icon.ico'));
    expect(entries.map((e) => e.size)).toEqual(ICO_SIZES);
    for (const e of entries) {
      if (e.size <= ICO_BMP_MAX) {
        expect(e.format, `${e.size}`).toBe('bmp');
        expect(e.data.readInt32LE(4)).toBe(e.size);
        expect(e.data.readInt32LE(8)).toBe(e.size * 2);
      } else {
        expect(e.format, `${e.size}`).toBe('png');
        expect(pngSize(e.data)).toEqual({ width: e.size, height: e.size });
        if (LINUX_SIZES.includes(e.size)) expect(e.data.equals(read(`icons/${e.size}x${e.size}.png`)), `${e.size}`).toBe(true);
      }
    }
    // the 32 px BMP and the 32 px PNG are the same render
    const bmp32 = entries.find((e) => e.size === 32)!.data;
    const png32 = decodeOwnPng(read('icons/32x32.png'));
    expect(bmp32.equals(encodeIconBmp(png32))).toBe(true);
  });

  it('icon.icns holds every macOS element as a PNG of the right size, incl. the 1024 px master', () => {
    const entries = decodeIcns(read('icon.icns'));
    expect(entries.map((e) => e.type)).toEqual(ICNS_TYPES.map((t) => t.type));
    for (const e of entries) {
      const want = ICNS_TYPES.find((t) => t.type === e.type)!.pixels;
      expect(pngSize(e.data), e.type).toEqual({ width: want, height: want });
    }
    expect(entries.find((e) => e.type === 'ic10')!.data.equals(read('icon.png'))).toBe(true);
  });

  it('the icon is not blank: opaque tile in the middle, transparent corners', () => {
    const img = decodeOwnPng(read('icons/64x64.png'));
    const alpha = (x: number, y: number) => img.data[(y * 64 + x) * 4 + 3]!;
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(32, 32)).toBe(255);
  });
});
