// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Login } from './Login.js';

describe('Login', () => {
  afterEach(() => cleanup());

  it('submits the labelled fields and shows the error in an alert', async () => {
    const onLogin = vi.fn(async () => 'Incorrect email or password.');
    render(<Login notice={null} onLogin={onLogin} />);
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: ' ada@example.com ' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'secret' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(onLogin).toHaveBeenCalledWith('ada@example.com', 'secret');
    expect((await screen.findByRole('alert')).textContent).toBe('Incorrect email or password.');
    expect(screen.getByRole('button', { name: 'Log in' }).hasAttribute('disabled')).toBe(false);
  });

  it('shows why the agent was logged out', () => {
    render(<Login notice="Your session has ended. Please log in again." onLogin={vi.fn()} />);
    expect(screen.getByText('Your session has ended. Please log in again.')).toBeTruthy();
  });
});
