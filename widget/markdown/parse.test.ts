import { describe, expect, it } from 'vitest';
import type { BlockNode, InlineNode } from './ast.js';
import { parseMarkdown } from './parse.js';
import { HOSTILE_MARKDOWN } from './hostile-inputs.test-helper.js';

/** Compact notation so expectations read like the markdown they test. */
function show(nodes: InlineNode[]): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
          return n.value;
        case 'strong':
          return `strong[${show(n.children)}]`;
        case 'emphasis':
          return `em[${show(n.children)}]`;
        case 'strike':
          return `del[${show(n.children)}]`;
        case 'code':
          return `code[${n.value}]`;
        case 'link':
          return `${n.auto ? 'auto' : 'link'}(${n.url})[${show(n.children)}]`;
        case 'image':
          return `img(${n.url}|${n.alt})`;
        case 'break':
          return '<br>';
        case 'placeholder':
          return `ph(${n.path}|${n.fallback ?? ''})`;
      }
    })
    .join('');
}

/** The inline content of a one-paragraph document. */
function inline(md: string): string {
  const blocks = parseMarkdown(md);
  expect(blocks).toHaveLength(1);
  const [block] = blocks;
  if (block.type !== 'paragraph') throw new Error(`expected a paragraph, got ${block.type}`);
  return show(block.children);
}

function types(blocks: BlockNode[]): string[] {
  return blocks.map((b) => b.type);
}

describe('parseMarkdown blocks', () => {
  it('turns single newlines into line breaks and blank lines into paragraphs', () => {
    expect(inline('one\ntwo  \nthree')).toBe('one<br>two<br>three');
    expect(types(parseMarkdown('a\n\n\nb'))).toEqual(['paragraph', 'paragraph']);
    expect(parseMarkdown('  \n\n')).toEqual([]);
  });

  it('parses # to ### headings and leaves deeper or unspaced ones as text', () => {
    expect(parseMarkdown('# One\n## Two ##\n### C#')).toEqual([
      { type: 'heading', level: 1, children: [{ type: 'text', value: 'One' }] },
      { type: 'heading', level: 2, children: [{ type: 'text', value: 'Two' }] },
      { type: 'heading', level: 3, children: [{ type: 'text', value: 'C#' }] },
    ]);
    expect(inline('#### four')).toBe('#### four');
    expect(inline('#hashtag')).toBe('#hashtag');
  });

  it('parses bullet and ordered lists, with nesting by indentation', () => {
    const [list] = parseMarkdown('- one\n* two');
    expect(types(parseMarkdown('- one\n* two'))).toEqual(['list', 'list']); // a new marker starts a new list
    expect(list).toMatchObject({ type: 'list', ordered: false, items: [{ children: [{ type: 'paragraph' }] }] });

    const [ordered] = parseMarkdown('3. three\n4. **four**');
    if (ordered.type !== 'list') throw new Error('expected a list');
    expect(ordered.ordered).toBe(true);
    expect(ordered.start).toBe(3);
    expect(ordered.items).toHaveLength(2);

    const [nested] = parseMarkdown('- a\n  - b\n  - c\n- d');
    if (nested.type !== 'list') throw new Error('expected a list');
    expect(nested.items).toHaveLength(2);
    expect(types(nested.items[0].children)).toEqual(['paragraph', 'list']);
  });

  it('ends a list at an unindented line, and needs a space after the marker', () => {
    expect(types(parseMarkdown('- milk\n- eggs\nthanks!'))).toEqual(['list', 'paragraph']);
    expect(inline('-5 degrees')).toBe('-5 degrees');
    expect(inline('**bold** start')).toBe('strong[bold] start');
    expect(inline('in\n2020. it rained')).toBe('in<br>2020. it rained');
  });

  it('parses blockquotes, nested, without swallowing the reply below', () => {
    const blocks = parseMarkdown('> quoted\n> > deeper\nmy reply');
    expect(types(blocks)).toEqual(['blockquote', 'paragraph']);
    const [quote] = blocks;
    if (quote.type !== 'blockquote') throw new Error('expected a quote');
    expect(types(quote.children)).toEqual(['paragraph', 'blockquote']);
  });

  it('parses fenced code verbatim, with a language, and runs unclosed fences to the end', () => {
    expect(parseMarkdown('```ts\nconst a = **1**;\n<b>x</b>\n```\nafter')).toEqual([
      { type: 'code_block', lang: 'ts', value: 'const a = **1**;\n<b>x</b>' },
      { type: 'paragraph', children: [{ type: 'text', value: 'after' }] },
    ]);
    expect(parseMarkdown('~~~\n```\n~~~')).toEqual([{ type: 'code_block', lang: undefined, value: '```' }]);
    expect(parseMarkdown('```\nopen')).toEqual([{ type: 'code_block', lang: undefined, value: 'open' }]);
  });

  it('parses horizontal rules, also when they interrupt a paragraph', () => {
    expect(types(parseMarkdown('---\n* * *\n___'))).toEqual(['rule', 'rule', 'rule']);
    expect(types(parseMarkdown('text\n---'))).toEqual(['paragraph', 'rule']);
    expect(inline('--')).toBe('--');
  });
});

describe('parseMarkdown inlines', () => {
  it('parses bold, italic, code, strike', () => {
    expect(inline('**b** *i* _i_ `c` ~~s~~')).toBe('strong[b] em[i] em[i] code[c] del[s]');
    expect(inline('***both***')).toBe('em[strong[both]]');
    expect(inline('**bold *and italic* inside**')).toBe('strong[bold em[and italic] inside]');
  });

  it('keeps unbalanced or unknown syntax literal', () => {
    expect(inline('**open')).toBe('**open');
    expect(inline('a * b * c')).toBe('a * b * c');
    expect(inline('snake_case_name and 2*3')).toBe('snake_case_name and 2*3');
    expect(inline('~one~ ~~~three~~~')).toBe('~one~ ~~~three~~~');
    expect(inline('[text] [text](  [x](y z)')).toBe('[text] [text](  [x](y z)');
    expect(inline('`unclosed ``code')).toBe('`unclosed ``code');
    expect(inline('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(inline('\\*not italic\\*')).toBe('*not italic*');
  });

  it('keeps markdown inside code spans literal', () => {
    expect(inline('`**not bold**` and `` a ` b ``')).toBe('code[**not bold**] and code[a ` b]');
  });

  it('parses links, images and links inside emphasis', () => {
    expect(inline('[docs](https://x.io/a_(b)) ![logo](https://x.io/l.png)')).toBe(
      'link(https://x.io/a_(b))[docs] img(https://x.io/l.png|logo)',
    );
    expect(inline('**see [the *docs*](https://x.io)**')).toBe('strong[see link(https://x.io)[the em[docs]]]');
    expect(inline('[![badge](https://x.io/b.svg)](https://x.io)')).toBe('link(https://x.io)[img(https://x.io/b.svg|badge)]');
    expect(inline('[a [b](u) c](v)')).toBe('[a link(u)[b] c](v)'); // no links inside links
    expect(inline('![a [b](u) c](v)')).toBe('img(v|a b c)');
    expect(inline('*[a*](u)')).toBe('*link(u)[a*]'); // emphasis cannot straddle a link
  });

  it('autolinks bare http(s) URLs, leaving sentence punctuation outside', () => {
    expect(inline('see https://x.io/a?b=1.')).toBe('see auto(https://x.io/a?b=1)[https://x.io/a?b=1].');
    expect(inline('(HTTP://x.io/wiki/A_(b))')).toBe('(auto(HTTP://x.io/wiki/A_(b))[HTTP://x.io/wiki/A_(b)])');
    expect(inline('xhttp://no ftp://no https://')).toBe('xhttp://no ftp://no https://');
    expect(inline('[https://a.io](https://b.io)')).toBe('link(https://b.io)[https://a.io]');
  });

  it('parses placeholders as their own nodes, but not inside code', () => {
    expect(inline('Hi {{user.name | fallback: "there"}}!')).toBe('Hi ph(user.name|there)!');
    expect(inline('{{ company }} `{{user.name}}`')).toBe('ph(company|) code[{{user.name}}]');
    expect(inline('{{not valid}} {{a.}} {{{x}}}')).toBe('{{not valid}} {{a.}} {ph(x|)}');
    expect(inline('{{user.name | fallback: "**x**"}}')).toBe('ph(user.name|**x**)');
  });
});

describe('parseMarkdown on hostile input', () => {

  // How fast is measured in bench/hostile-inputs.bench.ts (timed assertions flake on a busy CI
  // machine); here each input must parse, and a quadratic path would hit the timeout.
  it.each(HOSTILE_MARKDOWN)('handles %s', (_name, md) => {
    const blocks = parseMarkdown(md);
    expect(blocks.length).toBeGreaterThan(0);
  }, 10_000);
});
