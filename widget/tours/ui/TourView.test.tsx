// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TourStep } from '../../../protocol/tours/models.js';
import { en } from '../../i18n/en.js';
import type { TourRunnerState } from '../state/tour-runner.js';
import { Spotlight } from './Spotlight.js';
import { TourView } from './TourView.js';

const steps: TourStep[] = [
  { id: 'a', kind: 'post', title: 'Welcome', body: 'A quick tour.' },
  { id: 'b', kind: 'spotlight', body: 'Your invoices.', selector: '#billing', advance: 'click' },
  { id: 'c', kind: 'tooltip', body: 'Settings.', selector: '#settings' },
];

const state = (over: Partial<TourRunnerState>): TourRunnerState => ({
  status: 'showing',
  index: 0,
  step: steps[0],
  anchor: null,
  total: steps.length,
  canBack: false,
  ending: null,
  ...over,
});

function pageElement(id: string): HTMLElement {
  const el = document.createElement('button');
  el.id = id;
  document.body.appendChild(el);
  return el;
}

const callbacks = { onNext: () => {}, onBack: () => {}, onDismiss: () => {} };
const view = (s: TourRunnerState) => <TourView state={s} strings={en} dir="ltr" {...callbacks} />;

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

describe('TourView', () => {
  it('renders nothing while waiting for a page or an element, or once ended', () => {
    for (const status of ['waiting_page', 'finding', 'ended'] as const) {
      const { container } = render(view(state({ status })));
      expect(container.childElementCount, status).toBe(0);
      cleanup();
    }
  });

  it('never renders a tooltip step without its element', () => {
    const { container } = render(view(state({ index: 2, step: steps[2], anchor: null })));
    expect(container.childElementCount).toBe(0);
  });

  it('shows a post step as a centred card inside a "Product tour" region', () => {
    const { container } = render(view(state({})));
    expect(screen.getByRole('region', { name: en.tourLabel })).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'Welcome' }).classList.contains('pt-post')).toBe(true);
    expect(container.querySelector('.pt-spotlight')).toBeNull();
  });

  it('adds the spotlight for a spotlight step, clickable through when the step advances on click', () => {
    const anchor = pageElement('billing');
    const { container, rerender } = render(view(state({ index: 1, step: steps[1], anchor, canBack: true })));
    const spotlight = container.querySelector('.pt-spotlight') as HTMLElement;
    expect(spotlight.getAttribute('aria-hidden')).toBe('true');
    expect(spotlight.hasAttribute('data-interactive')).toBe(true);
    expect(screen.getByRole('dialog').classList.contains('pt-anchored')).toBe(true);
    rerender(view(state({ index: 2, step: steps[2], anchor: pageElement('settings') })));
    expect(container.querySelector('.pt-spotlight')).toBeNull();
  });

  it('gives focus back, when the tour ends, to what had it before the tour', () => {
    const before = pageElement('search');
    before.focus();
    const { rerender } = render(view(state({})));
    expect(document.activeElement).toBe(screen.getByRole('dialog'));
    rerender(view(state({ status: 'finding', index: 1, step: steps[1] })));
    rerender(view(state({ index: 2, step: steps[2], anchor: pageElement('settings') })));
    expect(document.activeElement).toBe(screen.getByRole('dialog'));
    rerender(view(state({ status: 'ended', index: 2, step: steps[2], ending: 'completed' })));
    expect(document.activeElement).toBe(before);
  });

  it('leaves focus where the user put it', () => {
    const before = pageElement('search');
    before.focus();
    const anchor = pageElement('billing');
    const { rerender } = render(view(state({ index: 1, step: steps[1], anchor })));
    anchor.focus(); // the user clicked the element of the click step
    rerender(view(state({ status: 'ended', index: 1, step: steps[1], ending: 'completed' })));
    expect(document.activeElement).toBe(anchor);
  });

  it('gives focus back when unmounted mid-tour', () => {
    const before = pageElement('search');
    before.focus();
    const { unmount } = render(view(state({})));
    expect(document.activeElement).not.toBe(before);
    unmount();
    expect(document.activeElement).toBe(before);
  });

  it('forwards the card\'s buttons', () => {
    const onDismiss = vi.fn();
    render(<TourView state={state({})} strings={en} dir="ltr" {...callbacks} onDismiss={onDismiss} />);
    fireEvent.click(screen.getByRole('button', { name: en.tourSkip }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});

describe('Spotlight', () => {
  it('cuts a padded hole around the element and tiles blockers around it', () => {
    const anchor = pageElement('billing');
    anchor.getBoundingClientRect = () => ({ top: 100, left: 50, width: 80, height: 30, bottom: 130, right: 130, x: 50, y: 100, toJSON: () => ({}) });
    const { container } = render(<Spotlight anchor={anchor} interactive={false} />);
    const hole = container.querySelector('.pt-hole') as HTMLElement;
    expect([hole.style.top, hole.style.left, hole.style.width, hole.style.height]).toEqual(['94px', '44px', '92px', '42px']);
    const [top, bottom, start, end] = Array.from(container.querySelectorAll<HTMLElement>('.pt-block'));
    expect(top.style.height).toBe('94px');
    expect(bottom.style.top).toBe('136px');
    expect(start.style.width).toBe('44px');
    expect(end.style.left).toBe('136px');
    // Partly scrolled off the top: the hole goes above the viewport, the band above it shrinks to nothing.
    anchor.getBoundingClientRect = () => ({ top: -20, left: 50, width: 80, height: 30, bottom: 10, right: 130, x: 50, y: -20, toJSON: () => ({}) });
    window.dispatchEvent(new Event('resize'));
    expect(hole.style.top).toBe('-26px');
    expect(top.style.height).toBe('0px');
    // Not interactive: the hole blocks clicks too (CSS keys on this attribute).
    expect(container.querySelector('.pt-spotlight')?.hasAttribute('data-interactive')).toBe(false);
  });
});
