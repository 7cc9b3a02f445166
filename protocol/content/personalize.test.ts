import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, type BlockNode, type InlineNode } from '../../widget/markdown/index.js';
import { personalize, PERSONALIZE_LIMITS, placeholderKeys, type PersonalizationVars } from './personalize.js';

const ana: PersonalizationVars = {
  user: { name: 'Ana Lima', first_name: 'Ana', email: 'ana@acme.test', traits: { plan: 'pro', seats: 12, beta: false, empty: '', gone: null, 'company-size': '50' } },
  workspace: { name: 'Acme' },
};
const nobody: PersonalizationVars = { user: { name: null, first_name: null, email: null, traits: {} } };
const named = (name: string): PersonalizationVars => ({ user: { name, first_name: null, email: null, traits: {} } });

describe('personalize', () => {
  const cases: Array<[string, string, PersonalizationVars, string]> = [
    ['name', 'Hi {{user.name}}!', ana, 'Hi Ana Lima!'],
    ['spaces inside braces', 'Hi {{ user.first_name }}!', ana, 'Hi Ana!'],
    ['email', '{{user.email}}', ana, 'ana@acme.test'],
    ['string trait', 'Plan: {{user.plan}}', ana, 'Plan: pro'],
    ['number and boolean traits', '{{user.seats}} seats, beta {{user.beta}}', ana, '12 seats, beta false'],
    ['hyphenated trait key', '{{user.company-size}}', ana, '50'],
    ['workspace name', 'The {{workspace.name}} team', ana, 'The Acme team'],
    ['no workspace given', 'The {{workspace.name}} team', nobody, 'The  team'],
    ['double-quoted fallback', 'Hi {{ user.first_name | fallback: "there" }}!', nobody, 'Hi there!'],
    ['single-quoted fallback, no spaces', "Hi {{user.first_name|fallback:'there'}}!", nobody, 'Hi there!'],
    ['fallback unused when the value exists', 'Hi {{ user.first_name | fallback: "there" }}!', ana, 'Hi Ana!'],
    ['empty string trait takes the fallback', '{{user.empty | fallback: "n/a"}}', ana, 'n/a'],
    ['null trait takes the fallback', '{{user.gone | fallback: "n/a"}}', ana, 'n/a'],
    ['blank name takes the fallback', '{{user.name | fallback: "friend"}}', named('  \n '), 'friend'],
    ['missing trait without fallback', '[{{user.nope}}]', ana, '[]'],
    ['fallbacks are escaped too', '{{user.name | fallback: "*friend*"}}', nobody, '\\*friend\\*'],
    ['unknown roots are left as written', '{{survey.link}} {{ contact.name }} {{user}}', ana, '{{survey.link}} {{ contact.name }} {{user}}'],
    ['malformed placeholders are left as written', '{{user.name} {{ user.name | fallback: there }} {{}}', ana, '{{user.name} {{ user.name | fallback: there }} {{}}'],
    ['prototype keys are not traits', '[{{user.constructor}}][{{user.__proto__}}][{{user.toString}}][{{user.hasOwnProperty}}]', ana, '[][][][]'],
    ['link syntax in a name', 'Hi {{user.name}}', named('[click](http://evil)'), 'Hi \\[click\\]\\(http\\://evil\\)'],
    ['emphasis and html in a name', '{{user.name}}', named('**x** <script>'), '\\*\\*x\\*\\* \\<script\\>'],
    ['block syntax in a name', '{{user.name}}', named('# - > 1. ~~ `c` | +'), '\\# \\- \\> 1. \\~\\~ \\`c\\` \\| \\+'],
    ['leading ordinal', '{{user.name}}', named('2024. was good'), '2024\\. was good'],
    ['newlines become spaces', 'Hi {{user.name}}', named('Ana\n# boss\r\nx'), 'Hi Ana \\# boss  x'],
    ['a placeholder in a value is not expanded', '{{user.name}}', named('{{user.email}}'), '\\{\\{user.email\\}\\}'],
    ['backslashes', '{{user.name}}', named('a\\*b\\'), 'a\\\\\\*b\\\\'],
  ];

  it.each(cases)('%s', (_name, body, vars, expected) => {
    expect(personalize(body, vars)).toBe(expected);
  });

  it('caps each inserted value at 200 characters, without splitting a surrogate pair', () => {
    expect(personalize('{{user.name}}', named('a'.repeat(500)))).toBe('a'.repeat(PERSONALIZE_LIMITS.value));
    const emoji = 'a'.repeat(199) + '😀';
    expect(personalize('{{user.name}}', named(emoji))).toBe('a'.repeat(199));
  });

  it('refuses a body over 10 000 characters', () => {
    expect(personalize('x'.repeat(PERSONALIZE_LIMITS.body), ana)).toHaveLength(PERSONALIZE_LIMITS.body);
    expect(() => personalize('x'.repeat(PERSONALIZE_LIMITS.body + 1), ana)).toThrow(RangeError);
    expect(() => placeholderKeys('x'.repeat(PERSONALIZE_LIMITS.body + 1))).toThrow(RangeError);
  });

  // How fast: bench/hostile-inputs.bench.ts (a timed assertion flakes on a busy CI machine).
  it('handles hostile bodies', () => {
    const bodies = ['{{'.repeat(5_000), '{{user.' + 'a'.repeat(9_990), '{{ user.a | fallback: "' + 'x'.repeat(9_970), ('{{user.a' + ' '.repeat(40)).repeat(200)];
    for (const body of bodies) expect(typeof personalize(body.slice(0, PERSONALIZE_LIMITS.body), ana)).toBe('string');
  }, 5_000);
});

describe('placeholderKeys', () => {
  it('lists the user keys a body reads, once each, in order', () => {
    expect(placeholderKeys('Hi {{ user.first_name | fallback: "there" }}, {{user.plan}} / {{user.plan}} {{workspace.name}} {{survey.x}} {{user.company-size}}')).toEqual([
      'first_name',
      'plan',
      'company-size',
    ]);
    expect(placeholderKeys('no placeholders')).toEqual([]);
  });
});

/** Every inline node of the parsed body, depth first. */
function inlineNodes(blocks: BlockNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  const walkInline = (nodes: InlineNode[]): void => {
    for (const node of nodes) {
      out.push(node);
      if ('children' in node) walkInline(node.children);
    }
  };
  for (const block of blocks) {
    if (block.type === 'paragraph' || block.type === 'heading') walkInline(block.children);
    else if (block.type === 'blockquote') out.push(...inlineNodes(block.children));
    else if (block.type === 'list') for (const item of block.items) out.push(...inlineNodes(item.children));
  }
  return out;
}

const textOf = (nodes: InlineNode[]): string => nodes.map((n) => (n.type === 'text' ? n.value : `<${n.type}>`)).join('');

/** What the reader should see of a name: one line, trimmed, capped (the property's oracle). */
function visible(name: string): string {
  const line = name.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, ' ').trim();
  return [...line].reduce((s, ch) => (s.length + ch.length <= PERSONALIZE_LIMITS.value ? s + ch : s), '').trim();
}

// Markdown-heavy strings, and arbitrary Unicode.
const syntaxChars = [...'\\`*_[]()#+-!<>|~{}:.=&"\'/ \n\t1hHtps', 'http://', 'https://x.test', '{{user.email}}', '![a](b)', '1. ', '> ', '---', '```', 'é', '😀', '\u2028'];
const nameArb = fc.oneof(fc.string({ unit: fc.constantFrom(...syntaxChars), maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 250 }));

describe('a personalised body parsed as markdown', () => {
  it('shows a hostile name as plain text, not a link', () => {
    const blocks = parseMarkdown(personalize('Hi {{user.name}}, welcome!', named('[click](http://evil)')));
    expect(blocks).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: 'Hi [click](http://evil), welcome!' }] }]);
  });

  it('keeps the author’s own markup around the name', () => {
    const blocks = parseMarkdown(personalize('# Hi **{{user.name}}**\n[{{user.name}}](https://x.test)', named('*a*')));
    expect(blocks).toEqual([
      { type: 'heading', level: 1, children: [{ type: 'text', value: 'Hi ' }, { type: 'strong', children: [{ type: 'text', value: '*a*' }] }] },
      { type: 'paragraph', children: [{ type: 'link', url: 'https://x.test', auto: false, children: [{ type: 'text', value: '*a*' }] }] },
    ]);
  });

  it('for any name, in any position, the name adds no markdown node of its own', () => {
    const bodies = ['{{user.name}}', 'Hi {{user.name}}, welcome!', '{{user.name}}{{user.name}}'];
    fc.assert(
      fc.property(nameArb, fc.constantFrom(...bodies), (name, body) => {
        const blocks = parseMarkdown(personalize(body, named(name)));
        const shown = body.replace(/\{\{user\.name\}\}/g, visible(name)).trim();
        if (shown === '') {
          expect(blocks).toEqual([]);
        } else {
          expect(blocks).toHaveLength(1);
          expect(blocks[0].type).toBe('paragraph');
          expect(textOf(inlineNodes(blocks))).toBe(shown);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('for any name inside the author’s link, the link is the only one and keeps its URL', () => {
    fc.assert(
      fc.property(nameArb, (name) => {
        const links = inlineNodes(parseMarkdown(personalize('See [{{user.name}}](https://x.test) now', named(name)))).filter((n) => n.type === 'link' || n.type === 'image');
        expect(links).toHaveLength(1);
        const [link] = links;
        if (link.type !== 'link') throw new Error('expected a link');
        expect(link.url).toBe('https://x.test');
        expect(textOf(link.children)).toBe(visible(name));
      }),
      { numRuns: 1_000 },
    );
  });
});
