/**
 * The text rule. C0 and C1 control characters (ESC, BEL, NUL, CR, CSI...) are never part of
 * the words of a KPI: in a terminal they move the cursor, erase lines or retitle the window.
 * Tab and line feed are text. Bidirectional controls are real text in right-to-left names, so
 * they are kept, but isolated wherever prf prints them (isolateBidi).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** The first control character in `text` (not tab or line feed), or null. */
export function firstControl(text: string): { index: number; char: string } | null {
  const m = CONTROL.exec(text);
  return m ? { index: m.index, char: m[0] } : null;
}

/** A control character as a reader can see it: U+001B. */
export function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text made safe to write to a terminal: every control character but tab and line feed is
 * shown as \u001b, \u000d and the like, so no text can move the cursor or retitle the window;
 * so are the direction controls (embeddings, overrides, isolates: \u202e), which a terminal
 * cannot isolate as a paper does, so a name cannot reverse the figures printed after it. Colour
 * (SGR, ESC [ ... m) is kept when `keepColour`, for prf's own colours.
 */
export function terminalSafe(text: string, keepColour: boolean): string {
  return text.replace(TERMINAL_UNSAFE, (m) => {
    if (m.length > 1) return keepColour ? m : escapeControl(m[0]!) + m.slice(1);
    return escapeControl(m);
  });
}

/** As \u001b: readable, and a valid escape inside a JSON string, so JSON output stays JSON. */
function escapeControl(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Explicit direction marks and overrides (LRM, RLM, ALM, LRE..RLO, LRI..PDI). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export function hasBidiControl(text: string): boolean {
  return BIDI.test(text);
}

/**
 * Text with direction controls wrapped in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE, the
 * plain-text form of HTML's <bdi>: whatever overrides it holds end at its edge, so a reversed
 * name cannot reverse the reference beside it. Safe inside attributes too. Text without them is
 * returned unchanged, so papers without them stay byte-identical.
 */
export function isolateBidi(text: string): string {
  return BIDI.test(text) ? `\u2068${text}\u2069` : text;
}
