// @vitest-environment happy-dom
/**
 * Answer suggestions above the composer: up to 3 articles for the message
 * being written, once it says something, as links that open in the
 * messenger (a plain click) or as the public page (a modified click).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../i18n/en.js';
import { AnswerSuggestions } from './AnswerSuggestions.js';
import { ARTICLES, helpRequests } from './help-requests.test-helper.js';

afterEach(cleanup);

const many = [...ARTICLES, { id: 'a5', title: 'Card types we take', summary: '', url: '/help/demo/en/articles/cards', body: 'Visa, Mastercard.' }];

describe('answer suggestions', () => {
  it('shows up to 3 matching articles for the message being written, as links', async () => {
    const { deps, asked } = helpRequests(many);
    const onOpen = vi.fn();
    render(<AnswerSuggestions deps={deps} strings={en} text="how do I change my card" onOpen={onOpen} delayMs={0} />);
    const region = await screen.findByRole('region', { name: 'These articles may answer your question' });
    const links = [...region.querySelectorAll('a')];
    expect(links).toHaveLength(3);
    expect(asked).toEqual([{ event: 'help:search', payload: { q: 'how do I change my card', locale: 'en', limit: 3 } }]);

    fireEvent.click(links[0]);
    expect(onOpen).toHaveBeenCalledWith(links[0].getAttribute('data-article-id'));
    // Ctrl/⌘-click leaves the link to the browser: the public page, in a new tab.
    onOpen.mockClear();
    fireEvent.click(links[1], { ctrlKey: true });
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('shows nothing while nothing matches, and asks nothing for a couple of letters', async () => {
    const { deps, asked } = helpRequests(many);
    const { rerender } = render(<AnswerSuggestions deps={deps} strings={en} text="hi" onOpen={() => {}} delayMs={0} />);
    expect(asked).toEqual([]);
    rerender(<AnswerSuggestions deps={deps} strings={en} text="zebra crossing" onOpen={() => {}} delayMs={0} />);
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('follows the text: only the answer for the current text is shown', async () => {
    const { deps } = helpRequests(many);
    const { rerender } = render(<AnswerSuggestions deps={deps} strings={en} text="export" onOpen={() => {}} delayMs={0} />);
    await screen.findByRole('link', { name: 'Export reports' });
    rerender(<AnswerSuggestions deps={deps} strings={en} text="cancel" onOpen={() => {}} delayMs={0} />);
    await screen.findByRole('link', { name: 'Cancel your subscription' });
    expect(screen.queryByRole('link', { name: 'Export reports' })).toBeNull();
  });
});
