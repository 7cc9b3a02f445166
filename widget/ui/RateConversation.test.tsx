// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ar } from '../i18n/ar.js';
import { en } from '../i18n/en.js';
import { RateConversation } from './RateConversation.js';

afterEach(cleanup);

describe('rate conversation', () => {
  it('asks with five faces named "1"…"5", then a comment and "Send"', () => {
    const onRate = vi.fn();
    render(<RateConversation strings={en} rating={null} onRate={onRate} />);
    screen.getByRole('radiogroup', { name: en.rateConversation });
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual(['1', '2', '3', '4', '5']);
    expect(screen.getByRole('radio', { name: '5' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: en.send })).toBeNull(); // nothing to send before a rating
    fireEvent.click(screen.getByRole('radio', { name: '4' }));
    fireEvent.input(screen.getByRole('textbox', { name: en.rateComment }), { target: { value: '  Quick and kind ' } });
    fireEvent.click(screen.getByRole('button', { name: en.send }));
    expect(onRate).toHaveBeenCalledWith(4, 'Quick and kind');
    const thanks = screen.getByText(en.rateThanks, { exact: false });
    expect(screen.queryByRole('radiogroup')).toBeNull();
    expect(document.activeElement).toBe(thanks);
  });

  it('sends without a comment', () => {
    const onRate = vi.fn();
    render(<RateConversation strings={ar} rating={null} onRate={onRate} />);
    fireEvent.click(screen.getByRole('radio', { name: '1' }));
    fireEvent.click(screen.getByRole('button', { name: ar.send }));
    expect(onRate).toHaveBeenCalledWith(1, undefined);
  });

  it('only thanks when already rated', () => {
    render(<RateConversation strings={en} rating={5} onRate={() => {}} />);
    expect(screen.getByText(en.rateThanks, { exact: false })).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(document.activeElement).toBe(document.body); // it did not just happen: no focus move
  });
});
