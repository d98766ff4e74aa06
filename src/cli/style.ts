/**
 * Colours for a terminal, by the conventions users set once for every tool: FORCE_COLOR
 * (any value but 0/false) turns them on even into a pipe, NO_COLOR (any value) or TERM=dumb
 * turns them off, otherwise only a terminal gets them.
 */
export interface Style {
  readonly colour: boolean;
  /** Output goes to a terminal (or FORCE_COLOR says to treat it as one): show source lines. */
  readonly terminal: boolean;
  bold(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
}

export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (env['NO_COLOR']) return false;
  if (env['TERM'] === 'dumb') return false;
  return stream.isTTY === true;
}

export function terminalLike(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (stream.isTTY === true) return true;
  const force = env['FORCE_COLOR'];
  return force !== undefined && !['0', 'false'].includes(force.trim().toLowerCase());
}

export function createStyle(stream: { isTTY?: boolean } = process.stderr, env: NodeJS.ProcessEnv = process.env): Style {
  const colour = colourWanted(stream, env);
  const sgr = (open: number, close: number) => (s: string) => (colour && s !== '' ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return {
    colour,
    terminal: terminalLike(stream, env),
    bold: sgr(1, 22),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    cyan: sgr(36, 39),
    blue: sgr(34, 39),
    dim: sgr(2, 22),
  };
}
