import type Handlebars from 'handlebars';
import type { FigureStyle } from '../core/figures.js';
import type { Status } from '../core/ragg.js';
import type { Direction } from '../core/trend.js';
import { plural } from '../text/plural.js';
import { figureText, percentText, STATUS_LABEL, statusText, TREND_LABEL, trendText } from '../views/labels.js';

type Env = typeof Handlebars;

/**
 * The helpers every template may use. Helpers that build HTML escape what they are given and
 * return SafeStrings; their `*Text` twins give plain text for Markdown and spreadsheets.
 */
export function registerHelpers(env: Env): void {
  const esc = env.Utils.escapeExpression;
  env.registerHelper('figure', (value: number | null, style: FigureStyle) => figureText(value, style));
  env.registerHelper('percent', (share: number) => percentText(share));
  env.registerHelper('statusText', (status: Status) => statusText(status));
  env.registerHelper('badge', (status: Status) => {
    const l = STATUS_LABEL[status];
    return new env.SafeString(`<span class="badge badge-${esc(status)}"><span aria-hidden="true">${l.symbol}</span> ${esc(l.word)}</span>`);
  });
  env.registerHelper('trendText', (direction: Direction | null) => trendText(direction));
  env.registerHelper('trend', (direction: Direction | null) => {
    if (direction === null)
      return new env.SafeString('<span class="trend"><span aria-hidden="true">–</span><span class="visually-hidden">no comparison</span></span>');
    const l = TREND_LABEL[direction];
    return new env.SafeString(`<span class="trend trend-${direction}"><span aria-hidden="true">${l.arrow}</span> ${l.word}</span>`);
  });
  // A CSS string for the page footer: escaped for CSS, and with < written as an escape so no
  // text can close the style element it sits in.
  env.registerHelper('cssString', (text: string) => new env.SafeString(`"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`));
  env.registerHelper('present', (value: unknown) => value !== null && value !== undefined);
  env.registerHelper('sum', (...args: unknown[]) => args.slice(0, -1).reduce<number>((a, b) => a + Number(b), 0));
  env.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('plural', (n: number, one: string, many: string) => plural(n, one, many));
}
