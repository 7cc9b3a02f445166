// @vitest-environment happy-dom
/**
 * The inbox's help center against a fake API: the articles of a language
 * with their translations, search, collections (with their names in each
 * language), and the article editor — markdown preview by the widget's
 * renderer, what is sent, the server's refusal on its field, translations
 * and stats.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreateHelpArticleInput, HelpArticle, HelpArticleListQuery, HelpCollection, UpdateHelpArticleInput } from '../../../protocol/index.js';
import { ApiError } from '../../api/http.js';
import { parseContentPlace, parseScreen } from '../../host/hash-route.js';
import { fakeApi } from '../../test-support/fake-api.js';
import { ArticleEditor } from './ArticleEditor.js';
import { ArticlesPage } from './ArticlesPage.js';

const T = '2024-05-01T10:00:00.000Z';
const article = (over: Partial<HelpArticle> = {}): HelpArticle => ({
  id: 'art_1',
  collection_id: 'hcol_billing',
  group_id: 'hgrp_1',
  locale: 'en',
  slug: 'update-card',
  title: 'Update your card',
  summary: 'Replace an expired card.',
  body: 'Open **Billing**.',
  status: 'live',
  pages: ['/billing/*'],
  author_id: null,
  created_at: T,
  updated_at: T,
  published_at: T,
  ...over,
});
const collection = (over: Partial<HelpCollection> = {}): HelpCollection => ({
  id: 'hcol_billing',
  name: 'Billing',
  description: '',
  position: 0,
  translations: { id: { name: 'Tagihan' } },
  created_at: T,
  updated_at: T,
  ...over,
});
const page = <X,>(data: X[]) => ({ data, next_cursor: null });

afterEach(cleanup);

describe('routes', () => {
  it('has #/help, #/help/new and #/help/<id>', () => {
    expect(parseContentPlace('#/help')).toEqual({ section: 'help', view: 'list' });
    expect(parseContentPlace('#/help/new')).toEqual({ section: 'help', view: 'new' });
    expect(parseContentPlace('#/help/art_1')).toEqual({ section: 'help', view: 'edit', id: 'art_1' });
    expect(parseContentPlace('#/help/art_1/stats')).toBeNull();
    expect(parseScreen('#/help/new')).toBe('help');
  });
});

describe('articles page', () => {
  it('lists one language’s articles with status, collection and languages, and searches', async () => {
    const listArticles = vi.fn(async (q: HelpArticleListQuery = {}) =>
      page(q.q ? [article()] : [article(), article({ id: 'art_2', locale: 'id', title: 'Perbarui kartu' }), article({ id: 'art_3', group_id: 'hgrp_3', title: 'Cancel', status: 'draft', collection_id: null })]),
    );
    render(<ArticlesPage api={fakeApi({ listArticles, listHelpCollections: async () => page([collection()]) })} />);
    const table = await screen.findByRole('table', { name: 'Help center' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent))).toEqual([
      ['Update your card', 'Live', 'Billing', 'EN · ID', expect.any(String)],
      ['Cancel', 'Draft', '—', 'EN', expect.any(String)],
    ]);
    expect(within(table).getByRole('link', { name: 'Update your card' }).getAttribute('href')).toBe('#/help/art_1');

    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'id' } });
    await screen.findByRole('link', { name: 'Perbarui kartu' });

    fireEvent.input(screen.getByRole('searchbox', { name: 'Search articles' }), { target: { value: ' card ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(listArticles).toHaveBeenLastCalledWith({ q: 'card' }));
  });

  it('adds, renames (per language) and deletes collections', async () => {
    const createHelpCollection = vi.fn(async (input: { name: string; translations?: object }) => collection({ id: 'hcol_new', name: input.name, translations: {} }));
    const updateHelpCollection = vi.fn(async (_id: string, patch: { name?: string }) => collection({ name: patch.name }));
    const deleteHelpCollection = vi.fn(async () => {});
    render(
      <ArticlesPage
        api={fakeApi({ listArticles: async () => page([]), listHelpCollections: async () => page([collection()]), createHelpCollection, updateHelpCollection, deleteHelpCollection })}
      />,
    );
    await screen.findByText('No English articles yet');
    fireEvent.input(screen.getByLabelText('Arabic name of Billing'), { target: { value: 'الفواتير' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save Billing' }));
    await screen.findByText('Collection “Billing” saved.');
    expect(updateHelpCollection).toHaveBeenCalledWith('hcol_billing', { name: 'Billing', translations: { id: { name: 'Tagihan' }, ar: { name: 'الفواتير' } } });

    fireEvent.input(screen.getByLabelText('Name of the new collection'), { target: { value: 'Account' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add collection' }));
    await screen.findByText('Collection “Account” added.');
    expect(createHelpCollection).toHaveBeenCalledWith({ name: 'Account', translations: {} });

    fireEvent.click(screen.getByRole('button', { name: 'Delete Billing' }));
    fireEvent.click(await screen.findByRole('button', { name: /Delete collection/ }));
    await screen.findByText('Collection “Billing” deleted.');
    expect(deleteHelpCollection).toHaveBeenCalledWith('hcol_billing');
  });
});

describe('article editor', () => {
  beforeEach(() => {
    window.location.hash = '#/help/new';
  });

  it('previews the markdown with the widget’s renderer and creates the article', async () => {
    const createArticle = vi.fn(async (input: CreateHelpArticleInput) => article({ ...input, id: 'art_new', pages: input.pages ?? [] } as Partial<HelpArticle>));
    const api = fakeApi({
      listHelpCollections: async () => page([collection()]),
      createArticle,
      listArticles: async () => page([]),
      articleStats: async () => ({ views: 0, viewers: 0, helpful: 0, not_helpful: 0, helpful_rate: null }),
    });
    render(<ArticleEditor api={api} id={null} />);
    fireEvent.input(await screen.findByLabelText('Title'), { target: { value: 'Cara membatalkan langganan' } });
    fireEvent.input(screen.getByLabelText('Body'), { target: { value: 'Buka **Tagihan** lalu [batalkan](https://example.com/x).\n\n<script>x</script>' } });
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'id' } });
    fireEvent.change(screen.getByLabelText('Collection'), { target: { value: 'hcol_billing' } });
    fireEvent.input(screen.getByLabelText('Suggested on these pages'), { target: { value: '/billing/*\n\n  /account/** ' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Live' }));

    const preview = screen.getByTestId('article-preview');
    expect(preview.querySelector('strong')?.textContent).toBe('Tagihan');
    expect(preview.querySelector('a')?.getAttribute('rel')).toContain('noopener');
    expect(preview.querySelector('script')).toBeNull();
    expect(preview.textContent).toContain('<script>x</script>');

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Article created.');
    expect(createArticle).toHaveBeenCalledWith({
      title: 'Cara membatalkan langganan',
      summary: '',
      body: 'Buka **Tagihan** lalu [batalkan](https://example.com/x).\n\n<script>x</script>',
      locale: 'id',
      collection_id: 'hcol_billing',
      pages: ['/billing/*', '/account/**'],
      status: 'live',
    });
  });

  it('names the field to fix, ours first and then the server’s', async () => {
    const createArticle = vi.fn(async () => {
      throw new ApiError(400, 'validation_failed', 'slug: lower-case words and digits joined by dashes');
    });
    render(<ArticleEditor api={fakeApi({ listHelpCollections: async () => page([]), createArticle })} id={null} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true'));
    expect(createArticle).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Fine' } });
    fireEvent.input(screen.getByLabelText('Address'), { target: { value: 'ok-slug' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByLabelText('Address').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Lower-case words and digits joined by dashes.')).toBeTruthy();
  });

  it('saves only what changed, shows the stats and adds a translation as a draft copy', async () => {
    window.location.hash = '#/help/art_1';
    const updateArticle = vi.fn(async (_id: string, patch: UpdateHelpArticleInput) => article({ ...patch } as Partial<HelpArticle>));
    const createArticle = vi.fn(async (input: CreateHelpArticleInput) => article({ id: 'art_ar', locale: 'ar', status: 'draft', title: input.title }));
    const api = fakeApi({
      getArticle: async () => article(),
      listHelpCollections: async () => page([collection()]),
      listArticles: async (q: HelpArticleListQuery = {}) => page(q.group_id ? [article(), article({ id: 'art_id', locale: 'id', title: 'Perbarui kartu', status: 'draft' })] : []),
      articleStats: async () => ({ views: 12, viewers: 9, helpful: 3, not_helpful: 1, helpful_rate: 75 }),
      updateArticle,
      createArticle,
    });
    render(<ArticleEditor api={api} id="art_1" />);
    expect(await screen.findByRole('region', { name: 'Helpful' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Views' }).textContent).toContain('12');
    expect(screen.getByRole('region', { name: 'Helpful' }).textContent).toContain('75%');
    expect(screen.getByRole('link', { name: 'Indonesian: Perbarui kartu' }).getAttribute('href')).toBe('#/help/art_id');
    expect((screen.getByLabelText('Language') as HTMLSelectElement).disabled).toBe(true);

    fireEvent.input(screen.getByLabelText('Summary'), { target: { value: 'New summary.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Article saved.');
    expect(updateArticle).toHaveBeenCalledWith('art_1', { summary: 'New summary.' });

    fireEvent.click(screen.getByRole('button', { name: 'Add Arabic translation' }));
    await waitFor(() => expect(window.location.hash).toBe('#/help/art_ar'));
    expect(createArticle).toHaveBeenCalledWith(expect.objectContaining({ locale: 'ar', translation_of: 'art_1', status: 'draft', title: 'Update your card' }));
  });
});
