// How wide a line of badge text is, in pixels at BADGE_FONT_SIZE, without loading a font: the
// advance widths of DejaVu Sans (the first font the badge names that ships with most Linux
// systems; Verdana, named first for Windows and macOS, is within a few per cent of it), measured
// once in Chromium at 110 px and divided by 10. The badge also pins each text to this width
// (textLength), so a font with other metrics is squeezed or stretched a little, never cut off.
export const BADGE_FONT_SIZE = 11;

// ASCII from the space (0x20) to the tilde (0x7e), in order.
const ASCII_WIDTHS = [
  3.5, 4.4, 5.1, 9.2, 7, 10.5, 8.6, 3, 4.3, 4.3, 5.5, 9.2, 3.5, 4, 3.5, 3.7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 3.7, 3.7,
  9.2, 9.2, 9.2, 5.8, 11, 7.5, 7.5, 7.7, 8.5, 7, 6.3, 8.5, 8.3, 3.2, 3.2, 7.2, 6.1, 9.5, 8.2, 8.7, 6.6, 8.7, 7.6, 7,
  6.7, 8.1, 7.5, 10.9, 7.5, 6.7, 7.5, 4.3, 3.7, 4.3, 9.2, 5.5, 5.5, 6.7, 7, 6, 7, 6.8, 3.9, 7, 7, 3.1, 3.1, 6.4, 3.1,
  10.7, 7, 6.7, 7, 7, 4.5, 5.7, 4.3, 7, 6.5, 9, 6.5, 6.5, 5.8, 7, 3.7, 7, 9.2,
];

const OTHER_WIDTHS: Record<string, number> = { "·": 3.5 };

// Japanese (kana, kanji, full-width forms) is set one em wide in every CJK font.
const FULL_WIDTH = BADGE_FONT_SIZE;
// Anything else (a Latin letter with an accent, a symbol): as wide as the widest common letters,
// so an unlisted character makes the box a little roomy rather than too tight.
const FALLBACK_WIDTH = 8;

function charWidth(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code >= 0x20 && code <= 0x7e) return ASCII_WIDTHS[code - 0x20]!;
  const known = OTHER_WIDTHS[ch];
  if (known !== undefined) return known;
  if ((code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff01 && code <= 0xff60))
    return FULL_WIDTH;
  return FALLBACK_WIDTH;
}

export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return Math.round(width * 10) / 10;
}
