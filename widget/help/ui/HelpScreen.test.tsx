// @vitest-environment happy-dom
/**
 * The Home tab in the DOM: "Start a conversation" first, the labelled search
 * box (focused), "Suggested for this page", search as you type, an article
 * rendered by the widget's markdown renderer with "Did this help?" Yes/No,
 * and Back to the results. Keyboard and labels as screen readers need them.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ar } from '../../i18n/ar.js';
import { en } from '../../i18n/en.js';
import type { Strings } from '../../i18n/index.js';
import type { HelpDeps, HelpPlace } from '../help-deps.js';
import { ARTICLES, helpRequests } from './help-requests.test-helper.js';
import { HelpScreen } from './HelpScreen.js';

afterEach(cleanup);

function Home({ deps, strings = en, onChat = () => {}, onBackToChat = () => {}, start = {} }: { deps: HelpDeps; strings?: Strings; onChat?: () => void; onBackToChat?: () => void; start?: HelpPlace }) {
  const [place, setPlace] = useState<HelpPlace>(start);
  return <HelpScreen deps={deps} strings={strings} place={place} onPlace={setPlace} onBackToChat={onBackToChat} onChat={onChat} delayMs={0} />;
}

describe('Home tab', () => {
  it('offers the chat first, a focused search box and the articles suggested for this page', async () => {
    const { deps, asked } = helpRequests(ARTICLES, ['a1']);
    const onChat = vi.fn();
    render(<Home deps={deps} onChat={onChat} />);
    const search = screen.getByRole('searchbox', { name: 'Search for help' });
    expect(document.activeElement).toBe(search);
    const suggested = await screen.findByRole('region', { name: 'Suggested for this page' });
    expect([...suggested.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Update your payment cardReplace an expired card.']);
    expect(suggested.querySelector('a')?.getAttribute('href')).toBe('https://parley.example.com/help/demo/en/articles/update-card');
    expect(asked[0]).toEqual({ event: 'help:suggest', payload: { pageUrl: 'https://app.example.com/billing', locale: 'en' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start a conversation' }));
    expect(onChat).toHaveBeenCalled();
  });

  it('says "Popular articles" when none is meant for the page', async () => {
    const { deps } = helpRequests(ARTICLES);
    render(<Home deps={deps} />);
    await screen.findByRole('region', { name: 'Popular articles' });
  });

  it('searches as you type, says when nothing matches, and keeps the results across an opened article', async () => {
    const { deps, asked } = helpRequests(ARTICLES);
    render(<Home deps={deps} />);
    const search = screen.getByRole('searchbox', { name: 'Search for help' });
    fireEvent.input(search, { target: { value: 'ca' } });
    expect(asked.some((a) => a.event === 'help:search')).toBe(false); // two letters search nothing yet
    fireEvent.input(search, { target: { value: 'card' } });
    const results = await screen.findByRole('region', { name: 'Articles' });
    await waitFor(() => expect(results.querySelectorAll('a')).toHaveLength(2));

    fireEvent.click(screen.getByRole('link', { name: /Card declined/ }));
    const title = await screen.findByRole('heading', { name: 'Card declined at checkout' });
    await waitFor(() => expect(document.activeElement).toBe(title)); // screen readers start at the title
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect((screen.getByRole('searchbox', { name: 'Search for help' }) as HTMLInputElement).value).toBe('card');
    await screen.findByRole('link', { name: /Card declined/ });

    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'zebra' } });
    await screen.findByText('No articles match. Try other words, or ask us.');
  });
});

describe('an article in the messenger', () => {
  it('renders its markdown with our renderer and records one changeable vote', async () => {
    const { deps, asked, votes } = helpRequests(ARTICLES);
    render(<Home deps={deps} start={{ article: 'a1', source: 'home' }} />);
    const article = await screen.findByRole('article', { name: 'Update your payment card' });
    expect(article.querySelector('.md strong')?.textContent).toBe('Billing');
    expect(article.querySelector('.md em')?.textContent).toBe('Replace card');
    expect(asked.find((a) => a.event === 'help:article')?.payload).toEqual({ id: 'a1', source: 'home' });

    const group = screen.getByRole('group', { name: 'Did this help?' });
    const yes = screen.getByRole('button', { name: 'Yes' });
    const no = screen.getByRole('button', { name: 'No' });
    expect(group.contains(yes) && group.contains(no)).toBe(true);
    expect(yes.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(no);
    await screen.findByText('Thanks for telling us.');
    fireEvent.click(yes);
    expect(yes.getAttribute('aria-pressed')).toBe('true');
    expect(no.getAttribute('aria-pressed')).toBe('false');
    await waitFor(() => expect(votes.get('a1')).toBe(true));
    expect(screen.getByRole('link', { name: 'Open in a new tab' }).getAttribute('target')).toBe('_blank');
  });

  it('goes back to the chat when it was opened from an answer suggestion', async () => {
    const { deps } = helpRequests(ARTICLES);
    const onBackToChat = vi.fn();
    render(<Home deps={deps} start={{ article: 'a2', source: 'suggestion', fromChat: true }} onBackToChat={onBackToChat} />);
    await screen.findByRole('article', { name: 'Cancel your subscription' });
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(onBackToChat).toHaveBeenCalled();
  });

  it('says so when the article cannot be loaded (gone, or no longer live)', async () => {
    const { deps } = helpRequests(ARTICLES);
    render(<Home deps={deps} start={{ article: 'gone' }} />);
    expect((await screen.findByRole('alert')).textContent).toBe("This article couldn't be loaded.");
    screen.getByRole('button', { name: 'Start a conversation' });
  });

  it('speaks Arabic', async () => {
    const { deps } = helpRequests(ARTICLES);
    render(<Home deps={deps} strings={ar} start={{ article: 'a1' }} />);
    await screen.findByRole('group', { name: ar.helpDidItHelp });
    screen.getByRole('button', { name: ar.helpYes });
    screen.getByRole('button', { name: ar.helpStart });
  });
});
