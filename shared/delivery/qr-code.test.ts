import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QR_MAX_BYTES, QrTooLongError, qrMatrix, qrSvg, qrTerminal, type QrMatrix } from './qr-code';

/** Renders the matrix to an RGBA bitmap (quiet zone, 4 px per module) for a real decoder. */
function decode(m: QrMatrix): string | undefined {
  const scale = 4;
  const margin = 4;
  const n = (m.size + 2 * margin) * scale;
  const px = new Uint8ClampedArray(n * n * 4).fill(255);
  for (let r = 0; r < m.size; r++)
    for (let c = 0; c < m.size; c++) {
      if (!m.dark[r]![c]) continue;
      for (let y = 0; y < scale; y++)
        for (let x = 0; x < scale; x++) {
          const i = (((r + margin) * scale + y) * n + (c + margin) * scale + x) * 4;
          px[i] = px[i + 1] = px[i + 2] = 0;
        }
    }
  const res = jsQR(px, n, n);
  return res ? new TextDecoder().decode(new Uint8Array(res.binaryData)) : undefined;
}

describe('qrMatrix', () => {
  it('encodes text a real decoder reads back, Japanese included', () => {
    for (const text of ['https://helpdesk.example.jp/p/abc.mobileconfig', 'alice@example.jp\nIMAP imap.example.jp:993 SSL/TLS\nSMTP smtp.example.jp:587 STARTTLS\nUSER alice@example.jp', '受信サーバ: imap.example.jp ポート 993']) {
      expect(decode(qrMatrix(text))).toBe(text);
    }
  });

  it('refuses text too long to scan from a screen', () => {
    expect(() => qrMatrix('x'.repeat(QR_MAX_BYTES + 1))).toThrow(QrTooLongError);
    expect(() => qrMatrix('あ'.repeat(334))).toThrow(QrTooLongError); // 1002 bytes in UTF-8
  });

  it('draws an SVG and a terminal picture of the same size', () => {
    const m = qrMatrix('hello');
    const svg = qrSvg(m, 'QR <code>');
    expect(svg).toContain(`viewBox="0 0 ${m.size + 8} ${m.size + 8}"`);
    expect(svg).toContain('<title>QR &lt;code&gt;</title>');
    const lines = qrTerminal(m).trimEnd().split('\n');
    expect(lines).toHaveLength(Math.ceil((m.size + 4) / 2));
    expect([...lines[0]!]).toHaveLength(m.size + 4);
  });
});
