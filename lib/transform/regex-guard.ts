/**
 * Regex patterns come from mapping files and run on the platform's page: refuse the shapes whose
 * backtracking blows up, by reading the pattern's structure (not by timing it).
 *
 * - A repeated group (`*`, `+`, `{n,}`, `{n,m}` with m > 1) may hold neither a quantifier nor `|`:
 *   `(a+)+`, `(a|aa)*`, `(\w+\s?)*`, `(.*a){12}` backtrack exponentially. Write a character class
 *   instead (`[ab]*`).
 * - At most MAX_UNBOUNDED unbounded quantifiers (`*`, `+`, `{n,}`) in one pattern, and inputs of at
 *   most MAX_INPUT characters (see text.ts): together they bound the polynomial worst case.
 * - No backreferences.
 */
export const MAX_UNBOUNDED = 3;
export const MAX_INPUT = 1000;

interface Frame {
  alt: boolean;
  quant: boolean;
}

interface Quantifier {
  length: number;
  repeats: boolean;
  unbounded: boolean;
}

/** The quantifier starting at `i`, if any. */
function quantifierAt(p: string, i: number): Quantifier | undefined {
  const c = p[i];
  let length = 0;
  let repeats = false;
  let unbounded = false;
  if (c === '*' || c === '+') { length = 1; repeats = true; unbounded = true; }
  else if (c === '?') { length = 1; }
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
    if (!m) return undefined;
    length = m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    repeats = max > 1;
    unbounded = max === Infinity;
  } else return undefined;
  if (p[i + length] === '?') length += 1; // lazy
  return { length, repeats, unbounded };
}

/** Chinese reasons the pattern is refused; empty when it is accepted. */
export function regexProblems(p: string): string[] {
  const problems = new Set<string>();
  const stack: Frame[] = [{ alt: false, quant: false }];
  let unbounded = 0;
  const markQuant = () => { for (const f of stack) f.quant = true; };
  const quantify = (i: number, group?: Frame): number => {
    const q = quantifierAt(p, i);
    if (!q) return i;
    if (q.unbounded) unbounded += 1;
    if (q.repeats) {
      if (group && (group.alt || group.quant)) {
        problems.add('重复的分组里不能再有量词或“|”（如 (a+)+、(a|b)*），以免页面卡死；请改用字符集，如 [ab]*');
      }
      markQuant();
    }
    return i + q.length;
  };

  let i = 0;
  while (i < p.length) {
    const c = p[i]!;
    if (c === '\\') {
      const n = p[i + 1];
      if (n && /[1-9]/.test(n)) problems.add('正则表达式中不允许反向引用');
      if (n === 'k' && p[i + 2] === '<') problems.add('正则表达式中不允许反向引用');
      let end = i + 2;
      if ((n === 'p' || n === 'P' || n === 'u') && p[end] === '{') end = p.indexOf('}', end) + 1 || p.length;
      i = quantify(end);
    } else if (c === '[') {
      let j = i + 1;
      if (p[j] === '^') j += 1;
      if (p[j] === ']') j += 1;
      while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1;
      i = quantify(j + 1);
    } else if (c === '(') {
      stack.push({ alt: false, quant: false });
      i += 1;
      const ext = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(p.slice(i));
      if (ext) i += ext[0].length;
    } else if (c === ')') {
      const group = stack.length > 1 ? stack.pop()! : { alt: false, quant: false };
      const parent = stack[stack.length - 1]!;
      if (group.alt) parent.alt = true;
      i = quantify(i + 1, group);
    } else if (c === '|') {
      stack[stack.length - 1]!.alt = true;
      i += 1;
    } else {
      i = quantify(i + 1);
    }
  }
  if (unbounded > MAX_UNBOUNDED) problems.add(`一个正则表达式中最多 ${MAX_UNBOUNDED} 个不限次数的量词（*、+、{n,}），以免页面卡死`);
  return [...problems];
}
