// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WidgetSettings } from '../../protocol/index.js';
import { en } from '../i18n/en.js';
import { Header } from './Header.js';

const settings = (over: Partial<WidgetSettings> = {}): WidgetSettings => ({
  appId: 'demo',
  name: 'Acme Support',
  greeting: 'We reply in minutes.',
  color: '#4f46e5',
  launcherPosition: 'right',
  launcherOffset: 20,
  teamAvatars: [],
  identityVerification: true,
  requireConsent: false,
  requireEmail: false,
  quietPages: [],
  ...over,
});

describe('Header', () => {
  afterEach(() => cleanup());

  it('shows the name, the greeting and up to three team avatars named by alt text', () => {
    const team = ['Ada', 'Grace', 'Linus', 'Margaret'].map((name) => ({ name, url: `https://cdn.example/${name}.png` }));
    render(<Header settings={settings({ teamAvatars: team })} strings={en} lang="en" onClose={() => {}} backLabel="Back" closeLabel="Close" />);
    expect(screen.getByRole('heading', { name: 'Acme Support' })).toBeTruthy();
    expect(screen.getByText('We reply in minutes.')).toBeTruthy();
    const list = screen.getByRole('list', { name: en.team });
    const images = Array.from(list.querySelectorAll('img'));
    expect(images.map((img) => img.getAttribute('alt'))).toEqual(['Ada', 'Grace', 'Linus']);
    expect(images[0].getAttribute('src')).toBe('https://cdn.example/Ada.png');
    expect(images[0].getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('never puts a non-http(s) URL in an <img> and drops images that fail to load', () => {
    const team = [
      { name: 'Eve', url: 'javascript:alert(1)' },
      { name: 'Mallory', url: 'data:image/svg+xml,<svg/>' },
      { name: 'Ada', url: 'https://cdn.example/ada.png' },
      { name: 'Grace', url: 'https://cdn.example/grace.png' },
    ];
    const { container } = render(<Header settings={settings({ teamAvatars: team })} strings={en} lang="en" onClose={() => {}} backLabel="Back" closeLabel="Close" />);
    const alts = () => Array.from(container.querySelectorAll('img')).map((img) => img.getAttribute('alt'));
    expect(alts()).toEqual(['Ada', 'Grace']);
    fireEvent.error(container.querySelector('img[alt="Ada"]') as HTMLImageElement);
    expect(alts()).toEqual(['Grace']);
  });

  it('has no avatar list or greeting paragraph when there is none, and tolerates settings from an older server', () => {
    const old = { ...settings({ greeting: '' }) } as Partial<WidgetSettings>;
    delete old.teamAvatars;
    const { container } = render(<Header settings={old as WidgetSettings} strings={en} lang="en" onClose={() => {}} backLabel="Back" closeLabel="Close" />);
    expect(container.querySelector('ul')).toBeNull();
    expect(container.querySelector('p')).toBeNull();
  });

  it('shows "back" only with onBack, and both buttons act', () => {
    const onClose = vi.fn();
    const onBack = vi.fn();
    const { rerender } = render(<Header settings={settings()} strings={en} lang="en" onClose={onClose} backLabel={en.back} closeLabel={en.close} />);
    expect(screen.queryByRole('button', { name: en.back })).toBeNull();
    rerender(<Header settings={settings()} strings={en} lang="en" onBack={onBack} onClose={onClose} backLabel={en.back} closeLabel={en.close} />);
    fireEvent.click(screen.getByRole('button', { name: en.back }));
    fireEvent.click(screen.getByRole('button', { name: en.close }));
    expect(onBack).toHaveBeenCalledOnce();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('tells the visitor when to expect a reply, from the server’s reply time', () => {
    render(<Header settings={settings({ replyTime: { online: true, typicalMinutes: 12, nextOpening: null } })} strings={en} lang="en" onClose={() => {}} backLabel="Back" closeLabel="Close" />);
    expect(screen.getByText('We typically reply in 12 minutes')).toBeTruthy();
  });
});
