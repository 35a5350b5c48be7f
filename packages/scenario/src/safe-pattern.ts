import ret, { types, type Root, type Tokens } from 'ret';

/**
 * Whether a regular expression is safe from catastrophic backtracking by star height, as
 * safe-regex2 (Fastify's check) judges it: a repetition inside a repetition, as in `(a+)+`, can take
 * exponential time on one crafted input. Unlike safe-regex2, an optional part (`?`, `{0,1}`) is not
 * a repetition, so the common `(:\d+)?` passes. Overlapping alternatives under one repetition,
 * `(a|a)*`, pass here too: the server also runs V8's linear-time fallback (cors-plugins.ts).
 */
export function hasNestedRepetition(pattern: string): boolean {
  let root: Root;
  try {
    root = ret(pattern);
  } catch {
    // ret reads less syntax than V8 (some `u`/`v` flag forms); refuse what cannot be checked.
    return true;
  }
  return nested(root, 0);
}

function nested(token: Tokens, height: number): boolean {
  let level = height;
  if (token.type === types.REPETITION) {
    if (token.max === null || token.max > 1) level++;
    if (level > 1) return true;
    return nested(token.value, level);
  }
  if (token.type === types.ROOT || token.type === types.GROUP) {
    const branches = token.options ?? [token.stack ?? []];
    return branches.some((branch) => branch.some((child) => nested(child, level)));
  }
  return false;
}
