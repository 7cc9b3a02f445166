// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TourStep } from '../../../protocol/tours/models.js';
import { ar } from '../../i18n/ar.js';
import { en } from '../../i18n/en.js';
import { TourStepView, type TourStepViewProps } from './TourStepView.js';

const step = (over: Partial<TourStep> = {}): TourStep => ({ id: 's1', kind: 'post', body: 'Your invoices live **here**.', ...over });

function anchorEl(): HTMLButtonElement {
  const el = document.createElement('button');
  el.textContent = 'Billing';
  document.body.appendChild(el);
  return el;
}

function show(props: Partial<TourStepViewProps> = {}) {
  const callbacks = { onNext: vi.fn(), onBack: vi.fn(), onDismiss: vi.fn() };
  const result = render(<TourStepView step={step()} index={0} total={3} anchor={null} strings={en} dir="ltr" {...callbacks} {...props} />);
  return { ...callbacks, ...result, card: () => screen.getByRole('dialog') };
}

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

describe('TourStepView', () => {
  it('is a non-modal dialog named by its title, with the body, an image and the progress in a live region', () => {
    const { card, container } = show({ step: step({ title: 'Billing', image_url: 'https://cdn.example/a.png' }), index: 1 });
    const dialog = screen.getByRole('dialog', { name: 'Billing' });
    expect(dialog).toBe(card());
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(screen.getByRole('heading', { level: 2, name: 'Billing' })).toBeTruthy();
    expect(screen.getByText('here').tagName).toBe('STRONG');
    const progress = screen.getByText('Step 2 of 3');
    expect(progress.getAttribute('aria-live')).toBe('polite');
    expect(dialog.getAttribute('aria-describedby')).toBe(progress.id);
    expect(container.querySelector('img.pm-image')?.getAttribute('src')).toBe('https://cdn.example/a.png');
  });

  it('without a title is named "Step n of m"', () => {
    show({ index: 0, total: 4 });
    expect(screen.getByRole('dialog', { name: 'Step 1 of 4' })).toBeTruthy();
  });

  it('keeps the live region in the tree even with a single step', () => {
    const { container } = show({ total: 1 });
    expect(container.querySelector('[aria-live="polite"]')?.textContent).toBe('');
    expect(screen.getByRole('dialog', { name: en.tourLabel })).toBeTruthy();
  });

  it('first step: Next and Skip tour, no Back', () => {
    const { onNext, onDismiss } = show();
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(onNext).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Skip tour' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('middle step: Back and Next; last step: Back and Done', () => {
    const { onBack, rerender } = show({ index: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(onBack).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'Next' })).toBeTruthy();
    rerender(<TourStepView step={step()} index={2} total={3} anchor={null} strings={en} dir="ltr" onNext={() => {}} onBack={() => {}} onDismiss={() => {}} />);
    expect(screen.getByRole('button', { name: 'Done' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Back' })).toBeTruthy();
  });

  it('hides Back when the runner says the previous step is elsewhere', () => {
    show({ index: 2, canBack: false });
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
  });

  it('takes focus when it shows', () => {
    const { card } = show();
    expect(document.activeElement).toBe(card());
  });

  it('Esc dismisses; arrows go next and back (not past the end)', () => {
    const { card, onNext, onBack, onDismiss, rerender } = show({ index: 1 });
    fireEvent.keyDown(card(), { key: 'ArrowRight' });
    expect(onNext).toHaveBeenCalledOnce();
    fireEvent.keyDown(card(), { key: 'ArrowLeft' });
    expect(onBack).toHaveBeenCalledOnce();
    fireEvent.keyDown(card(), { key: 'ArrowRight', shiftKey: true }); // a modified arrow is not ours
    expect(onNext).toHaveBeenCalledOnce();
    fireEvent.keyDown(card(), { key: 'Escape' });
    expect(onDismiss).toHaveBeenCalledOnce();
    rerender(<TourStepView step={step()} index={2} total={3} anchor={null} strings={en} dir="ltr" onNext={onNext} onBack={onBack} onDismiss={onDismiss} />);
    fireEvent.keyDown(card(), { key: 'ArrowRight' }); // only "Done" completes a tour
    expect(onNext).toHaveBeenCalledOnce();
  });

  it('a key the tour used does not also reach the host page', () => {
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    const { card } = show({ index: 1 });
    fireEvent.keyDown(card(), { key: 'Escape' });
    fireEvent.keyDown(card(), { key: 'ArrowRight' });
    expect(pageKeys).not.toHaveBeenCalled();
    fireEvent.keyDown(card(), { key: 'a' });
    expect(pageKeys).toHaveBeenCalledOnce();
    document.removeEventListener('keydown', pageKeys);
  });

  it('keys pressed in the page are not the tour\'s', () => {
    const { onNext, onDismiss } = show({ index: 1 });
    fireEvent.keyDown(document.body, { key: 'Escape' });
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(onDismiss).not.toHaveBeenCalled();
    expect(onNext).not.toHaveBeenCalled();
  });

  it('in RTL, ArrowLeft is next and ArrowRight is back; labels are Arabic', () => {
    const { card, onNext, onBack } = show({ index: 1, dir: 'rtl', strings: ar });
    fireEvent.keyDown(card(), { key: 'ArrowLeft' });
    expect(onNext).toHaveBeenCalledOnce();
    expect(onBack).not.toHaveBeenCalled();
    fireEvent.keyDown(card(), { key: 'ArrowRight' });
    expect(onBack).toHaveBeenCalledOnce();
    expect(screen.getByRole('dialog', { name: ar.tourStep(2, 3) })).toBeTruthy();
    expect(screen.getByRole('button', { name: ar.tourSkip })).toBeTruthy();
    expect(screen.getByRole('button', { name: ar.tourNext })).toBeTruthy();
  });

  it('points at its element with an arrow; a click step hides Next and advances on the element\'s click', () => {
    const anchor = anchorEl();
    const { card, onNext, unmount } = show({ step: step({ kind: 'tooltip', selector: 'button', advance: 'click' }), anchor });
    expect(card().classList.contains('pt-anchored')).toBe(true);
    expect(card().querySelector('.pt-arrow')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
    fireEvent.keyDown(card(), { key: 'ArrowRight' }); // the element is the way on
    expect(onNext).not.toHaveBeenCalled();
    fireEvent.click(anchor);
    expect(onNext).toHaveBeenCalledOnce();
    unmount();
    fireEvent.click(anchor); // the listener left with the step
    expect(onNext).toHaveBeenCalledOnce();
  });

  it('a click step without an element (a post) keeps its button', () => {
    show({ step: step({ advance: 'click' }) });
    expect(screen.getByRole('button', { name: 'Next' })).toBeTruthy();
  });

  it('scrolls an element that is off screen into view, smoothly unless motion is reduced', () => {
    const anchor = anchorEl();
    anchor.getBoundingClientRect = () => ({ top: 2000, bottom: 2040, left: 10, right: 100, width: 90, height: 40, x: 10, y: 2000, toJSON: () => ({}) });
    const scroll = vi.fn();
    anchor.scrollIntoView = scroll;
    show({ step: step({ kind: 'tooltip', selector: 'button' }), anchor });
    expect(scroll).toHaveBeenCalledWith({ block: 'center', inline: 'nearest', behavior: 'smooth' });
    cleanup();
    const matchMedia = vi.spyOn(window, 'matchMedia').mockReturnValue({ matches: true } as MediaQueryList);
    show({ step: step({ kind: 'tooltip', selector: 'button' }), anchor });
    expect(scroll).toHaveBeenLastCalledWith({ block: 'center', inline: 'nearest', behavior: 'auto' });
    matchMedia.mockRestore();
  });

  it('does not scroll an element already in view', () => {
    const anchor = anchorEl();
    const scroll = vi.fn();
    anchor.scrollIntoView = scroll;
    show({ step: step({ kind: 'tooltip', selector: 'button' }), anchor });
    expect(scroll).not.toHaveBeenCalled();
  });
});
