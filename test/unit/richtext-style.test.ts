import { describe, expect, it } from 'vitest';
import { checkTextStyle } from '../../core/richtext/style';
import { checkLexicalDocument } from '../../core/notes/lexical-document';

type Node = Record<string, unknown>;
const text = (t: string, style: string): Node => ({ type: 'text', text: t, format: 0, detail: 0, mode: 'normal', style, version: 1 });
const doc = (...children: Node[]): string =>
  JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children, direction: null, format: '', indent: 0, version: 1 }], direction: null, format: '', indent: 0, version: 1 } });

describe('the text style allowlist', () => {
  it('keeps what an editor writes, normalised', () => {
    expect(checkTextStyle('color: #C00; background-color: rgb(255, 240, 200)')).toEqual({ style: 'color: #c00; background-color: rgb(255, 240, 200)', refused: null });
    expect(checkTextStyle('font-weight:bold;font-style:italic;text-decoration:underline line-through;font-size:14px;')).toEqual({
      style: 'font-weight: bold; font-style: italic; text-decoration: underline line-through; font-size: 14px',
      refused: null,
    });
    expect(checkTextStyle('color: hsl(210 50% 40% / 0.5)').refused).toBeNull();
    expect(checkTextStyle('color: RebeccaPurple').refused).toBeNull();
    expect(checkTextStyle('').refused).toBeNull();
  });

  it.each([
    // layout takeovers: nothing that loads, everything that covers the window
    ['position:fixed;inset:0;z-index:2147483647;background:#fff', 'position'],
    ['display:block;width:100vw;height:100vh', 'display'],
    ['transform: scale(50)', 'transform'],
    ['margin-top: -9999px', 'margin-top'],
    ['opacity: 0', 'opacity'],
    ['font-size: 400px', 'font-size'],
    ['font-size: 0.1px', 'font-size'],
    ['font-size: 1e9px', 'font-size'],
    // loading and running something, in every spelling
    ['background-image: url(https://t.example/p.png)', 'background-image'],
    ['background: url(x)', 'background'],
    ['color: u\\rl(x)', 'style'],
    ['color: \\75 rl(x)', 'style'],
    ['c\\olor: red', 'style'],
    ['color: expression(alert(1))', 'color'],
    ['color: red /* */; position: fixed', 'style'],
    ['color: red !important', 'color'],
    ['color: var(--x)', 'color'],
    ['color: red; @import "x"', 'style'],
    ['color: red} body{display:none', 'style'],
    ['font-family: "x"', 'style'],
    ['behavior: url(x.htc)', 'behavior'],
    ['-moz-binding: url(x)', '-moz-binding'],
    ['color: rgb(1,2,3', 'style'],
    ['color: rgb(calc(1), 2, 3)', 'color'],
    ['color', 'style'],
    ['color:red;;;;position:absolute', 'position'],
  ])('refuses %s (%s)', (style, refused) => {
    expect(checkTextStyle(style)).toEqual({ style: '', refused });
  });

  it('leaves a refused style out of a stored note and says which property it was', () => {
    const checked = checkLexicalDocument(doc(text('cover', 'position:fixed;inset:0;z-index:2147483647;background:#fff'), text('ok', 'color: red')));
    expect(checked.problems).toHaveLength(1);
    expect(checked.problems[0]?.path).toBe('root.children.0.children.0.style');
    expect(checked.problems[0]?.message).toEqual({ key: 'rich.styleRefused', params: { property: 'position' } });
    expect(checked.json).not.toContain('position');
    expect(checked.json).toContain('color: red');
  });

  it('refuses over-long styles', () => {
    expect(checkTextStyle(`color: red;${' '.repeat(1000)}`).refused).toBe('style');
  });
});
