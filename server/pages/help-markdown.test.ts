/**
 * The public page's markdown → HTML against the widget's renderer: the same
 * constructs, the same link and image rules, and text that can never become
 * markup, whatever the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMarkdownHtml } from './help-markdown.js';

describe('renderMarkdownHtml', () => {
  it('renders the constructs the widget renders', () => {
    expect(renderMarkdownHtml('## Title\n\n- one\n- **two**\n\n3. three\n\n> quote\n\n---\n\nline  \nbreak ~~old~~')).toBe(
      '<div class="md"><h2>Title</h2><ul><li>one</li><li><strong>two</strong></li></ul><ol start="3"><li>three</li></ol><blockquote><p>quote</p></blockquote><hr><p>line<br>break <del>old</del></p></div>',
    );
  });

  it('allows only http(s) and mailto links and http(s) images', () => {
    expect(renderMarkdownHtml('[a](mailto:x@example.com) [b](vbscript:x) [c](//evil.example) ![d](http://img.example/d.png)')).toBe(
      '<div class="md"><p><a href="mailto:x@example.com" rel="noopener noreferrer nofollow">a</a> b c <img src="http://img.example/d.png" alt="d" loading="lazy"></p></div>',
    );
  });

  it('fills placeholders with their fallback (a public page knows no visitor)', () => {
    expect(renderMarkdownHtml('Hi {{user.name | fallback: "<there>"}}')).toBe('<div class="md"><p>Hi &lt;there&gt;</p></div>');
  });

  it('never lets input open a tag or an attribute', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (source) => {
        const html = renderMarkdownHtml(source);
        for (const [tag] of html.matchAll(/<\/?([a-z0-9]+)/g)) expect(['<div', '</div', '<p', '</p', '<h1', '</h1', '<h2', '</h2', '<h3', '</h3', '<ul', '</ul', '<ol', '</ol', '<li', '</li', '<blockquote', '</blockquote', '<pre', '</pre', '<code', '</code', '<hr', '<strong', '</strong', '<em', '</em', '<del', '</del', '<br', '<a', '</a', '<img']).toContain(tag);
        for (const [tag] of html.matchAll(/<[a-z][^>]*>/g)) expect(tag).not.toMatch(/\s(on[a-z]+|style|srcdoc)=/i);
      }),
      { numRuns: 500 },
    );
  });

  it('escapes every character that matters in text and attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});
