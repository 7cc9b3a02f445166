// @vitest-environment happy-dom
/**
 * The help center inside the messenger (App): the Home and Messages tabs
 * appear only for a workspace with a help center; an answer suggestion
 * opens its article in the messenger and Back returns to the message being
 * written, text intact; Home's "Start a conversation" is one click to the
 * composer. The chat client is real and offline (no socket needed here).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { WidgetSettings } from '../../protocol/index.js';
import { en } from '../i18n/en.js';
import { ChatClient } from '../state/chat-client.js';
import { memoryOutboxStore } from '../state/outbox-store.js';
import { App } from '../ui/App.js';
import type { HelpDeps } from './help-deps.js';
import { ARTICLES, helpRequests } from './ui/help-requests.test-helper.js';

afterEach(cleanup);

const settings: WidgetSettings = {
  appId: 'demo',
  name: 'Acme',
  greeting: '',
  color: '#4f46e5',
  launcherPosition: 'right',
  launcherOffset: 20,
  teamAvatars: [],
  identityVerification: true,
  requireConsent: false,
  requireEmail: false,
  quietPages: [],
};

function messenger(help?: HelpDeps) {
  const client = new ChatClient({ apiBase: 'http://127.0.0.1:9', appId: 'demo', token: '', outbox: memoryOutboxStore() });
  render(
    <App
      client={client}
      settings={{ ...settings, helpCenter: Boolean(help) }}
      strings={en}
      lang="en"
      showLauncher
      position="right"
      bindCommands={() => {}}
      contact={() => ({ identified: false, email: null })}
      saveEmail={async () => {}}
      onOpenChange={() => {}}
      help={help}
    />,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Open messenger' }));
  return client;
}

describe('help center in the messenger', () => {
  it('has no tabs and no suggestions without a help center', () => {
    const client = messenger();
    screen.getByRole('textbox', { name: 'Message' });
    expect(screen.queryByRole('navigation', { name: 'Messenger sections' })).toBeNull();
    client.close();
  });

  it('suggests answers while the first message is written; an article opens inside, Back keeps the text', async () => {
    const { deps } = helpRequests(ARTICLES);
    const client = messenger(deps);
    const nav = screen.getByRole('navigation', { name: 'Messenger sections' });
    expect(screen.getByRole('button', { name: 'Messages' }).getAttribute('aria-current')).toBe('page');
    expect(nav.contains(screen.getByRole('button', { name: 'Home' }))).toBe(true);

    const composer = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.input(composer, { target: { value: 'my card was declined' } });
    const answers = await screen.findByRole('region', { name: 'These articles may answer your question' }, { timeout: 3_000 });
    const link = await screen.findByRole('link', { name: 'Card declined at checkout' });
    expect(answers.contains(link)).toBe(true);

    fireEvent.click(link);
    await screen.findByRole('article', { name: 'Card declined at checkout' });
    expect(screen.getByRole('button', { name: 'Home' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    const again = await screen.findByRole('textbox', { name: 'Message' });
    expect((again as HTMLTextAreaElement).value).toBe('my card was declined');
    client.close();
  });

  it('Home is a tab away, and "Start a conversation" is one click from it', async () => {
    const { deps } = helpRequests(ARTICLES);
    const client = messenger(deps);
    fireEvent.click(screen.getByRole('button', { name: 'Home' }));
    await screen.findByRole('searchbox', { name: 'Search for help' });
    fireEvent.click(screen.getByRole('button', { name: 'Start a conversation' }));
    await waitFor(() => screen.getByRole('textbox', { name: 'Message' }));
    expect(screen.queryByRole('searchbox')).toBeNull();
    client.close();
  });
});
