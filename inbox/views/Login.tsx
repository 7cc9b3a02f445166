/** The login form. Errors go to a role="alert" so screen readers hear them at once. */
import { useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import '../styles/login.css';

export interface LoginProps {
  /** Why the agent is here again (session ended, server unreachable), if not a plain visit. */
  notice: string | null;
  onLogin(email: string, password: string): Promise<string | null>;
}

export function Login({ notice, onLogin }: LoginProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    const failure = await onLogin(email.trim(), password);
    // On success this component is already gone; only a failure may touch its state.
    if (failure) {
      setError(failure);
      setSubmitting(false);
    }
  }

  return (
    <main class="login">
      <form class="login__card" onSubmit={submit} aria-labelledby="login-title">
        <p class="login__brand" aria-hidden="true">
          <span class="brand-mark" />
          Parley
        </p>
        <h1 id="login-title" class="login__title">
          Log in to your inbox
        </h1>
        {notice && !error && <p class="login__notice">{notice}</p>}
        <div class="field">
          <label class="field__label" for="login-email">
            Email
          </label>
          <input
            id="login-email"
            class="input"
            type="email"
            name="email"
            autocomplete="username"
            required
            value={email}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label class="field__label" for="login-password">
            Password
          </label>
          <input
            id="login-password"
            class="input"
            type="password"
            name="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </div>
        {error && (
          <p class="login__error" role="alert">
            {error}
          </p>
        )}
        <button class="button button--primary login__submit" type="submit" aria-busy={submitting} disabled={submitting}>
          Log in
        </button>
      </form>
    </main>
  );
}
