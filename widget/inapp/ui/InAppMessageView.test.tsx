// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EligibleMessage } from '../../../protocol/content/models.js';
import { ar } from '../../i18n/ar.js';
import { en } from '../../i18n/en.js';
import { InAppMessageView } from './InAppMessageView.js';
import type { InAppViewProps } from './types.js';
import { eligibleMessage } from '../test-support/eligible-message.js';

const message = eligibleMessage;

function show(over: Partial<EligibleMessage>, props: Partial<InAppViewProps> = {}) {
  const callbacks = { onOpen: vi.fn(), onClick: vi.fn(), onDismiss: vi.fn() };
  const result = render(<InAppMessageView message={message(over)} strings={en} {...callbacks} {...props} />);
  return { ...callbacks, ...result };
}

// Last in the click's path: records whether a view blocked the link's navigation,
// then stops it (happy-dom would otherwise go and fetch the page).
const navigations: Array<{ href: string; prevented: boolean }> = [];
const recordNavigation = (e: Event) => {
  const link = (e.target as Element).closest('a');
  if (link) navigations.push({ href: link.href, prevented: e.defaultPrevented });
  e.preventDefault();
};
beforeEach(() => {
  navigations.length = 0;
  document.addEventListener('click', recordNavigation);
});
afterEach(() => {
  document.removeEventListener('click', recordNavigation);
  cleanup();
});

describe('chat snippet', () => {
  const chat = { format: 'chat' as const, body: 'Hi! Need a hand with **billing**?', sender: { name: 'Ada', avatarUrl: null } };

  it('is a region named after its sender, with an initial when there is no photo', () => {
    const { container } = show(chat);
    const card = screen.getByRole('region', { name: 'Message from Ada' });
    expect(card.textContent).toContain('Need a hand with billing?');
    expect(container.querySelector('.pm-avatar')?.textContent).toBe('A');
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows the photo when there is a safe one', () => {
    const { container } = show({ ...chat, sender: { name: 'Ada', avatarUrl: 'https://cdn.example/ada.png' } });
    expect(container.querySelector('img.pm-avatar')?.getAttribute('src')).toBe('https://cdn.example/ada.png');
  });

  it('opens on "Reply" and on the card, once per click; × dismisses without opening', () => {
    const { onOpen, onDismiss } = show(chat);
    fireEvent.click(screen.getByRole('button', { name: en.reply }));
    expect(onOpen).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('region'));
    expect(onOpen).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByRole('button', { name: en.dismiss }));
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(onOpen).toHaveBeenCalledTimes(2);
  });

  it('is named in the visitor language', () => {
    render(<InAppMessageView message={message(chat)} strings={ar} onOpen={() => {}} onClick={() => {}} onDismiss={() => {}} />);
    expect(screen.getByRole('region', { name: 'رسالة من Ada' })).toBeTruthy();
  });
});

describe('post', () => {
  it('is named by its first heading, else "Announcement"', () => {
    show({ body: '## New: dark mode\n\nTry it today.' });
    expect(screen.getByRole('region', { name: 'New: dark mode' })).toBeTruthy();
    cleanup();
    show({ body: 'Try it today.' });
    expect(screen.getByRole('region', { name: en.announcement })).toBeTruthy();
  });

  it('renders a button with a URL as a new-tab link that reports the click', () => {
    const { onClick, container } = show({ button: { label: 'See what is new', url: 'https://example.com/new' }, imageUrl: 'https://cdn.example/a.png' });
    const link = screen.getByRole('link', { name: 'See what is new' });
    expect(link.getAttribute('href')).toBe('https://example.com/new');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    fireEvent.click(link);
    expect(onClick).toHaveBeenCalledWith('https://example.com/new');
    expect(navigations).toEqual([{ href: 'https://example.com/new', prevented: false }]);
    expect(container.querySelector('img.pm-image')?.getAttribute('alt')).toBe('');
  });

  it('renders a button without a URL (or with an unsafe one) as a button reporting null', () => {
    const { onClick, onDismiss } = show({ button: { label: 'Got it' } });
    fireEvent.click(screen.getByRole('button', { name: 'Got it' }));
    expect(onClick).toHaveBeenCalledWith(null);
    expect(onDismiss).not.toHaveBeenCalled();
    cleanup();
    show({ button: { label: 'Evil', url: 'javascript:alert(1)' } });
    expect(screen.queryByRole('link', { name: 'Evil' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Evil' })).toBeTruthy();
  });

  it('× dismisses', () => {
    const { onDismiss } = show({});
    fireEvent.click(screen.getByRole('button', { name: en.dismiss }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});

describe('links in the body', () => {
  it('report their URL and let the navigation happen (and do not open a chat card)', () => {
    const { onClick, onOpen } = show({ format: 'chat', sender: { name: 'Ada', avatarUrl: null }, body: 'Read [the docs](https://docs.example/x).' });
    const link = screen.getByRole('link', { name: 'the docs' });
    fireEvent.click(link);
    expect(onClick).toHaveBeenCalledWith('https://docs.example/x');
    expect(onOpen).not.toHaveBeenCalled();
    expect(navigations).toEqual([{ href: 'https://docs.example/x', prevented: false }]);
  });

  it('never make a javascript: URL a link', () => {
    const { container } = show({ format: 'banner', body: 'Click [here](javascript:alert(1)) now' });
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('Click here now');
  });
});

describe('banner', () => {
  it('is a "Notice" region at its edge, with × only when dismissible', () => {
    const { container, onDismiss } = show({ format: 'banner', position: 'bottom', dismissible: true, button: { label: 'Upgrade', url: 'https://example.com/up' } });
    const banner = screen.getByRole('region', { name: en.banner });
    expect(banner.classList.contains('pm-banner-bottom')).toBe(true);
    expect(screen.getByRole('link', { name: 'Upgrade' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: en.dismiss }));
    expect(onDismiss).toHaveBeenCalledOnce();
    cleanup();
    show({ format: 'banner', dismissible: false });
    expect(screen.queryByRole('button', { name: en.dismiss })).toBeNull();
    expect(container.querySelector('.pm-banner-top')).toBeNull(); // the first render is gone
    expect(document.querySelector('.pm-banner-top')).toBeTruthy(); // no position: top
  });
});

describe('modal', () => {
  const modal = { format: 'modal' as const, body: '# Big news\n\nWe [moved](https://example.com/moved).', button: { label: 'Take a look', url: 'https://example.com' } };

  it('is a modal dialog named by its heading, focused on mount and giving focus back on unmount', () => {
    const before = document.createElement('button');
    document.body.appendChild(before);
    before.focus();
    const { unmount } = show(modal);
    const dialog = screen.getByRole('dialog', { name: 'Big news' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(dialog);
    unmount();
    expect(document.activeElement).toBe(before);
    before.remove();
  });

  it('traps Tab and Shift+Tab inside', () => {
    show(modal);
    const dialog = screen.getByRole('dialog');
    const close = screen.getByRole('button', { name: en.dismiss });
    const cta = screen.getByRole('link', { name: 'Take a look' });
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    cta.focus();
    fireEvent.keyDown(cta, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(cta);
  });

  it('dismisses on Esc and on a backdrop click, not on a click inside', () => {
    const { onDismiss, container } = show(modal);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onDismiss).toHaveBeenCalledTimes(1);
    fireEvent.pointerDown(screen.getByRole('dialog'));
    fireEvent.click(screen.getByRole('dialog'));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    const backdrop = container.querySelector('.pm-backdrop') as HTMLElement;
    fireEvent.pointerDown(backdrop);
    fireEvent.click(backdrop);
    expect(onDismiss).toHaveBeenCalledTimes(2);
  });

  it('in preview takes no focus, is not aria-modal and listens to no document keys', () => {
    const { onDismiss } = show({ ...modal, body: 'No heading' }, { preview: true });
    const dialog = screen.getByRole('dialog', { name: en.announcement });
    expect(dialog.hasAttribute('aria-modal')).toBe(false);
    expect(document.activeElement).not.toBe(dialog);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onDismiss).not.toHaveBeenCalled();
  });
});

describe('tooltip', () => {
  it('renders nothing without an anchor', () => {
    const { container } = show({ format: 'tooltip' }, { anchor: null });
    expect(container.innerHTML).toBe('');
  });

  it('is a dialog pointing at its anchor; Esc and × dismiss', () => {
    const anchor = document.createElement('button');
    anchor.textContent = 'Billing';
    document.body.appendChild(anchor);
    const { onDismiss, onClick } = show({ format: 'tooltip', body: 'Your invoices live here.', button: { label: 'Next' } }, { anchor });
    const tip = screen.getByRole('dialog', { name: en.announcement });
    expect(tip.querySelector('.pm-arrow')).toBeTruthy();
    fireEvent.keyDown(anchor, { key: 'Escape' }); // focus stays on the page: Esc works from there too
    expect(onDismiss).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: en.dismiss }));
    expect(onDismiss).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(onClick).toHaveBeenCalledWith(null);
    anchor.remove();
  });

  it('in preview renders statically with its arrow, even without an anchor', () => {
    show({ format: 'tooltip' }, { preview: true, anchor: null });
    const tip = screen.getByRole('dialog');
    expect(tip.classList.contains('pm-preview')).toBe(true);
    expect(tip.querySelector('.pm-arrow')).toBeTruthy();
  });
});

it('renders nothing for a format it does not know (a newer server)', () => {
  const { container } = show({ format: 'carousel' as EligibleMessage['format'] });
  expect(container.innerHTML).toBe('');
});
