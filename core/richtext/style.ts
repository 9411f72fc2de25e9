/**
 * The inline CSS a rich-text text node may carry (Lexical's `style` field, copied onto the
 * element). An allowlist of the properties and values an editor produces — colour, background
 * colour, font weight and style, text decoration, font size within bounds — PARSED into
 * declarations and each value checked against a small grammar. A deny-list of dangerous words
 * cannot work: `position:fixed;inset:0` takes over the window without loading anything, and CSS
 * escapes (`u\rl(…)`) spell any word. Anything not allowed is a problem naming the property; the
 * caller leaves the style out.
 */

export type StyleCheck = { style: string; refused: string | null };

const MAX_STYLE_CHARS = 1000;

/** The colour names of CSS Color Level 4 (lower case), plus the keywords that name no URL. */
const NAMED_COLOURS = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse ' +
    'chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta ' +
    'darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet ' +
    'deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray ' +
    'green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral ' +
    'lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray ' +
    'lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple ' +
    'mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite ' +
    'navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink ' +
    'plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue ' +
    'slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow ' +
    'yellowgreen transparent currentcolor inherit initial'
  ).split(' '),
);

const NUMBER = String.raw`(?:\d{1,3}(?:\.\d{1,4})?|\.\d{1,4})`;
const CHANNEL = String.raw`\s*${NUMBER}%?\s*`;
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/;
const FUNCTIONAL = new RegExp(String.raw`^(?:rgba?|hsla?)\(${CHANNEL},${CHANNEL},${CHANNEL}(?:,${CHANNEL})?\)$`);
const FUNCTIONAL_SPACES = new RegExp(String.raw`^(?:rgba?|hsla?)\(${CHANNEL}\s${CHANNEL}\s${CHANNEL}(?:/${CHANNEL})?\)$`);

function isColour(value: string): boolean {
  return HEX.test(value) || FUNCTIONAL.test(value) || FUNCTIONAL_SPACES.test(value) || NAMED_COLOURS.has(value);
}

/** Font sizes a document may use: readable, never a page-covering glyph. */
const FONT_SIZE_UNITS: Readonly<Record<string, readonly [number, number]>> = { px: [6, 72], pt: [5, 54], em: [0.5, 4], rem: [0.5, 4], '%': [50, 400] };

function isFontSize(value: string): boolean {
  const m = /^(\d{1,3}(?:\.\d{1,3})?)(px|pt|em|rem|%)$/.exec(value);
  if (!m?.[1] || !m[2]) return ['small', 'medium', 'large', 'x-large', 'smaller', 'larger'].includes(value);
  const bounds = FONT_SIZE_UNITS[m[2]];
  const size = Number(m[1]);
  return bounds !== undefined && size >= bounds[0] && size <= bounds[1];
}

const DECORATIONS = new Set(['underline', 'line-through', 'overline']);

function isDecoration(value: string): boolean {
  if (value === 'none') return true;
  const parts = value.split(/\s+/);
  return parts.length <= 3 && parts.every((p) => DECORATIONS.has(p)) && new Set(parts).size === parts.length;
}

const ALLOWED: Readonly<Record<string, (value: string) => boolean>> = {
  color: isColour,
  'background-color': isColour,
  'font-weight': (v) => ['normal', 'bold', 'bolder', 'lighter'].includes(v) || /^[1-9]00$/.test(v),
  'font-style': (v) => ['normal', 'italic', 'oblique'].includes(v),
  'text-decoration': isDecoration,
  'text-decoration-line': isDecoration,
  'font-size': isFontSize,
};

/**
 * Splits a declaration list on `;` the way CSS does: not inside quotes, parentheses or comments.
 * Returns null when the text cannot be read as plain declarations (an unclosed quote or
 * parenthesis, a comment, an escape, a block) — none of which an editor writes.
 */
function declarations(style: string): string[] | null {
  // Escapes spell any word (`\75 rl(`); comments hide text between tokens; braces and `@` open rules; quotes are fonts' business only.
  if (/[\\{}@"'<>]|\/\*/.test(style)) return null;
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of style) {
    if (ch === '(') depth += 1;
    else if (ch === ')') {
      depth -= 1;
      if (depth < 0) return null;
    }
    if (ch === ';' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  if (depth !== 0) return null;
  out.push(current);
  return out.map((d) => d.trim()).filter((d) => d !== '');
}

/**
 * The style as it will be stored (declarations normalised to `property: value`), or the first
 * thing refused: the property name, or `style` when it cannot be parsed at all.
 */
export function checkTextStyle(style: string): StyleCheck {
  if (style.trim() === '') return { style: '', refused: null };
  if (style.length > MAX_STYLE_CHARS) return { style: '', refused: 'style' };
  const list = declarations(style);
  if (list === null) return { style: '', refused: 'style' };
  const kept: string[] = [];
  for (const declaration of list) {
    const colon = declaration.indexOf(':');
    if (colon <= 0) return { style: '', refused: 'style' };
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim().toLowerCase().replace(/\s+/g, ' ');
    const allows = Object.prototype.hasOwnProperty.call(ALLOWED, property) ? ALLOWED[property] : undefined;
    if (!/^[a-z-]{1,40}$/.test(property) || allows === undefined) return { style: '', refused: property.slice(0, 40) || 'style' };
    if (value.includes('!') || !allows(value)) return { style: '', refused: property };
    kept.push(`${property}: ${value}`);
  }
  return { style: kept.join('; '), refused: null };
}
