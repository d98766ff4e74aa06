import { describe, expect, it } from 'vitest';
import { xmlProblems } from './xml-check.js';

describe('xmlProblems (the test helper itself)', () => {
  it('accepts well-formed XML', () => {
    expect(xmlProblems('<?xml version="1.0"?>\n<a x="1"><b y="&amp;"/>t &lt; &#x41;</a>')).toEqual([]);
  });
  it.each([
    ['<a><b></a>', 'mismatch'],
    ['<a>A&B</a>', 'bare ampersand'],
    ['<a>\u0001</a>', 'control character'],
    ['<a x="1" x="2"/>', 'duplicate attribute'],
    ['<a/><b/>', 'two roots'],
    ['<a x=1/>', 'unquoted attribute'],
  ])('rejects %s (%s)', (xml) => {
    expect(xmlProblems(xml)).not.toEqual([]);
  });
});
