import { describe, expect, it } from 'vitest';
import { oneOf, or, regex } from '../../core/regex';

describe('regex composition (core/regex.ts)', () => {
  it('joins alternatives, grouped or not, from strings and RegExps', () => {
    expect(or('a', /b+/, 'c|d')).toBe('a|b+|c|d');
    expect(oneOf('a', /b+/)).toBe('(?:a|b+)');
    expect(oneOf()).toBe('(?:)');
  });

  it('builds a RegExp from parts in order, with the given flags only', () => {
    const built = regex('iu', '^', oneOf('von', /by/g), String.raw`\s+(\p{Lu}\p{L}+)$`);
    expect(built.source).toBe(String.raw`^(?:von|by)\s+(\p{Lu}\p{L}+)$`);
    expect(built.flags).toBe('iu');
    expect(built.exec('By Jane')?.[1]).toBe('Jane');
    expect(regex('', 'a').flags).toBe('');
  });

  it('gives the same source and flags as the literal it replaces', () => {
    const literal = /^(?:source|quelle|fuente)\s*[:：]\s*(.{2,60}?)\.?$|^n\/a$/iu;
    const composed = regex('iu', or(String.raw`^${oneOf('source', 'quelle', 'fuente')}\s*[:：]\s*(.{2,60}?)\.?$`, String.raw`^n\/a$`));
    expect(composed.source).toBe(literal.source);
    expect(composed.flags).toBe(literal.flags);
  });

  it('escapes nothing: a part is a pattern', () => {
    expect(regex('', oneOf('a.b')).test('axb')).toBe(true);
  });
});
