/**
 * An amount of Chinese yuan in words, as Chinese quotations and contracts write the total beside
 * the figure (大写金额) so it cannot be altered: 140414.65 → 人民币壹拾肆万零肆佰壹拾肆元陆角伍分,
 * 300000 → 人民币叁拾万元整. Works on the decimal text (no floating point). Pure.
 */

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** 0–9999 in words, without leading zeros; a zero between digits is read once ("壹仟零伍"). */
function groupWords(value: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(value / 10 ** place) % 10;
    if (digit === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    out += (DIGITS[digit] ?? '') + (PLACES[place] ?? '');
    zero = false;
  }
  return out;
}

/** The whole yuan in words; '' for zero. */
function yuanWords(whole: string): string {
  const digits = whole.replace(/^0+/, '');
  if (digits === '') return '';
  const groups: number[] = [];
  for (let end = digits.length; end > 0; end -= 4) groups.unshift(Number(digits.slice(Math.max(0, end - 4), end)));
  let out = '';
  let zero = false;
  for (const [i, value] of groups.entries()) {
    const unit = GROUPS[groups.length - 1 - i] ?? '';
    if (value === 0) {
      zero = out !== '';
      continue;
    }
    // A gap (a whole group of zeros, or a group under 1000 after another) is read as one 零.
    if (out !== '' && (zero || value < 1000)) out += '零';
    out += groupWords(value) + unit;
    zero = false;
  }
  return out;
}

/** The words for a non-negative amount written as decimal text ("140414.65"); null when it is not one or is too large to say. */
export function yuanInWords(amount: string): string | null {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) return null;
  const whole = match[1] ?? '0';
  if (whole.replace(/^0+/, '').length > 16) return null;
  const cents = (match[2] ?? '').padEnd(2, '0');
  const jiao = Number(cents[0]);
  const fen = Number(cents[1]);
  const yuan = yuanWords(whole);
  if (yuan === '' && jiao === 0 && fen === 0) return '人民币零元整';
  let out = yuan === '' ? '' : `${yuan}元`;
  if (jiao === 0 && fen === 0) return `人民币${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao] ?? ''}角`;
  else if (yuan !== '') out += '零';
  if (fen > 0) out += `${DIGITS[fen] ?? ''}分`;
  return `人民币${out}`;
}
