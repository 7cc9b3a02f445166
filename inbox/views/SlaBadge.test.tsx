// @vitest-environment happy-dom
/** The SLA badge: words and colour class by state, the whole story for screen readers, and keeping itself current. */
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SlaBadge } from './SlaBadge.js';

const NOW = Date.parse('2025-03-31T09:00:00Z');
const due = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('SlaBadge', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('renders nothing without a running clock', () => {
    const { container } = render(<SlaBadge sla={{ dueAt: null, kind: null, breached: false }} now={NOW} />);
    expect(container.textContent).toBe('');
  });

  it('says "Due in 12 min" in amber within the hour, and "Breached" in red, never by colour alone', () => {
    const { container, rerender } = render(<SlaBadge sla={{ dueAt: due(12), kind: 'first_response', breached: false }} now={NOW} />);
    const badge = container.querySelector('.sla-badge') as HTMLElement;
    expect(badge.classList.contains('sla-badge--soon')).toBe(true);
    expect(screen.getByText('Due in 12 min')).toBeTruthy();
    expect(screen.getByText('First response SLA: due in 12 min').classList.contains('visually-hidden')).toBe(true);
    expect(badge.getAttribute('title')).toBe('First response SLA: due in 12 min');

    rerender(<SlaBadge sla={{ dueAt: due(-3), kind: 'next_response', breached: true }} now={NOW} />);
    const breached = container.querySelector('.sla-badge') as HTMLElement;
    expect(breached.classList.contains('sla-badge--breached')).toBe(true);
    expect(screen.getByText('Breached')).toBeTruthy();
    expect(breached.querySelector('.sla-badge__icon')?.textContent).toBe('!');
    expect(screen.getByText('Next response SLA breached 3 min ago')).toBeTruthy();

    rerender(<SlaBadge sla={{ dueAt: due(180), kind: 'resolution', breached: false }} now={NOW} />);
    expect(container.querySelector('.sla-badge--ok')?.textContent).toContain('Due in 3 h');
  });

  it('keeps its own time: the minutes count down and the badge turns to "Breached" when the deadline passes', () => {
    vi.useFakeTimers({ now: NOW });
    const { container } = render(<SlaBadge sla={{ dueAt: due(2), kind: 'first_response', breached: false }} />);
    expect(screen.getByText('Due in 2 min')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(60_000 + 1);
    });
    expect(screen.getByText('Due in 1 min')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByText('Breached')).toBeTruthy();
    expect(container.querySelector('.sla-badge--breached')).toBeTruthy();
    expect(screen.getByText('First response SLA breached just now')).toBeTruthy();
  });
});
