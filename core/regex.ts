/**
 * Long regexes written as named parts. A part is regex source text or a RegExp (its `.source`;
 * its flags are ignored). Nothing is escaped: a part is a pattern, not a literal word.
 * Build each RegExp once, at module level.
 */
type Part = string | RegExp;

const text = (part: Part): string => (typeof part === 'string' ? part : part.source);

/** The parts as alternatives, ungrouped: or('a', /b+/) is 'a|b+'. */
export const or = (...alternatives: Part[]): string => alternatives.map(text).join('|');

/** The parts as alternatives in a non-capturing group: oneOf('a', /b+/) is '(?:a|b+)'. */
export const oneOf = (...alternatives: Part[]): string => `(?:${or(...alternatives)})`;

/** One RegExp from parts written one after another: regex('i', '^', oneOf('a', 'b'), '$') is /^(?:a|b)$/i. */
export const regex = (flags: string, ...parts: Part[]): RegExp => new RegExp(parts.map(text).join(''), flags);
