/**
 * QR codes for the customer text or the profile link, through the `qrcode-generator` package
 * (no dependencies, runs in the renderer, the main process and the CLI alike).
 *
 * The text is UTF-8 encoded here and handed over byte for byte, because the library's default
 * reads each UTF-16 unit as one byte (Japanese would come out garbled) and switching its global
 * encoder would change it for every other user of the module.
 */
import qrcode from 'qrcode-generator';

/**
 * Longest text we put in one code. Byte mode at level M holds at most 2331 bytes (version 40);
 * phone cameras read versions above ~25 (117×117 modules) poorly from a screen, which is about
 * 1,000 bytes at level M, so anything longer is refused rather than printed unreadable.
 */
export const QR_MAX_BYTES = 1_000;

export class QrTooLongError extends Error {
  constructor(readonly bytes: number) {
    super(`text is ${bytes} bytes; a readable QR code holds at most ${QR_MAX_BYTES}`);
    this.name = 'QrTooLongError';
  }
}

export interface QrMatrix {
  size: number;
  /** dark[row][col] */
  dark: boolean[][];
}

export function qrMatrix(text: string): QrMatrix {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > QR_MAX_BYTES) throw new QrTooLongError(bytes.length);
  const qr = qrcode(0, 'M');
  qr.addData(String.fromCharCode(...bytes), 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const dark = Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) => qr.isDark(r, c)));
  return { size, dark };
}

/** SVG path data drawing every dark module as a 1×1 square, offset by the quiet zone. */
export function qrPath(m: QrMatrix, margin = 4): string {
  const parts: string[] = [];
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) if (m.dark[r]![c]) parts.push(`M${c + margin} ${r + margin}h1v1h-1z`);
  }
  return parts.join('');
}

/** A standalone SVG document (for saving); `title` is its accessible name. */
export function qrSvg(m: QrMatrix, title: string, margin = 4): string {
  const n = m.size + 2 * margin;
  const esc = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" width="${n * 8}" height="${n * 8}" shape-rendering="crispEdges" role="img"><title>${esc}</title><rect width="${n}" height="${n}" fill="#fff"/><path fill="#000" d="${qrPath(m, margin)}"/></svg>\n`;
}

/** Terminal rendering with half blocks: two module rows per text line, quiet zone included. */
export function qrTerminal(m: QrMatrix, margin = 2): string {
  const n = m.size + 2 * margin;
  const at = (r: number, c: number): boolean => r >= margin && c >= margin && r < m.size + margin && c < m.size + margin && m.dark[r - margin]![c - margin]!;
  const lines: string[] = [];
  for (let r = 0; r < n; r += 2) {
    let line = '';
    // Light-on-dark terminals are the norm, so "dark module" is drawn as a space on a light cell.
    for (let c = 0; c < n; c++) {
      const top = at(r, c);
      const bottom = r + 1 < n && at(r + 1, c);
      line += top && bottom ? ' ' : top ? '▄' : bottom ? '▀' : '█';
    }
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}
