/**
 * Workspace settings values shared by the server (validation), the widget
 * (painting) and the inbox (form, preview). Free of zod on purpose: the widget
 * and the inbox import this file directly and stay small.
 */

export const SETTINGS_LIMITS = {
  name: 80,
  greeting: 280,
  launcherOffset: 200,
  teamAvatars: 5,
  avatarName: 80,
  avatarUrl: 500,
  allowedOrigins: 50,
  origin: 255,
} as const;

/** Brand colours as a workspace stores them: `#rgb` or `#rrggbb`. */
export const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function isHexColor(value: string): boolean {
  return HEX_COLOR.test(value);
}

/** "#AbC" → "#aabbcc": the only form `<input type="color">` accepts. */
export function expandHexColor(hex: string): string {
  const h = hex.toLowerCase();
  return h.length === 4 ? `#${h[1]}${h[1]}${h[2]}${h[2]}${h[3]}${h[3]}` : h;
}

const DARK_TEXT = '#111827';
const LIGHT_TEXT = '#ffffff';

/** WCAG relative luminance of a valid hex colour. */
function luminance(hex: string): number {
  const full = expandHexColor(hex);
  const channel = (i: number) => {
    const c = Number.parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/**
 * Text colour for content on the brand colour: white or near-black, whichever
 * contrasts more, so a pale brand (#fde047) still gets readable header text.
 */
export function readableTextColor(hex: string): string {
  if (!isHexColor(hex)) return LIGHT_TEXT;
  const l = luminance(hex);
  const onWhite = 1.05 / (l + 0.05);
  const onDark = (l + 0.05) / (luminance(DARK_TEXT) + 0.05);
  return onWhite >= onDark ? LIGHT_TEXT : DARK_TEXT;
}
