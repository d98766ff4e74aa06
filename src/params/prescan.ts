/**
 * A quick estimate of nesting depth, made on the raw text BEFORE the YAML parser runs:
 * a few kilobytes of `[[[[…` exhaust the parser's stack or memory (it crashed the process
 * in our tests), so such input must be refused before parsing. Flow depth is counted
 * exactly; block depth is estimated from indentation (high by up to 2x), so block
 * nesting is refused here only far beyond the limit; to-plain.ts applies the exact one.
 */
export interface DeepAt {
  line: number;
  column: number;
}

const OPENS_TOKEN = new Set(['', '-', ':', '?', '[', '{', ',']);

export function findExcessiveNesting(src: string, maxDepth: number): DeepAt | undefined {
  let flow = 0;
  const indents: number[] = [];
  let line = 1;
  let lineStart = 0;
  let prev = ''; // last non-space character on this line
  let quote: '' | '"' | "'" = '';
  let atLineStart = true;
  let indent = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      prev = '';
      atLineStart = quote === '';
      indent = 0;
      continue;
    }
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = '';
      continue;
    }
    if (quote === "'") {
      if (c === "'" && src[i + 1] === "'") i++;
      else if (c === "'") quote = '';
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      if (atLineStart && c === ' ') indent++;
      continue;
    }
    const spaced = i === lineStart || src[i - 1] === ' ' || src[i - 1] === '\t';
    if (atLineStart) {
      atLineStart = false;
      if (c !== '#' && flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
      }
    }
    if (c === '#' && spaced) {
      while (i + 1 < src.length && src[i + 1] !== '\n') i++;
      continue;
    }
    const tokenStart = OPENS_TOKEN.has(prev) && (prev === '' || prev === '[' || prev === '{' || prev === ',' || spaced);
    if (tokenStart && (c === '[' || c === '{')) flow++;
    else if ((c === ']' || c === '}') && flow > 0) flow--;
    else if (tokenStart && (c === '"' || c === "'")) quote = c;
    else if (c === '-' && (src[i + 1] === ' ' || src[i + 1] === '\n') && flow === 0 && OPENS_TOKEN.has(prev)) {
      indents.push(i - lineStart + 1); // a compact `- - x` nests on one line
    }
    prev = c;
    // Flow depth is exact; the block estimate can be up to twice the real depth.
    if (flow > maxDepth || flow + indents.length > 2 * maxDepth) return { line, column: i - lineStart + 1 };
  }
  return undefined;
}
