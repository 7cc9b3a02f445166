import { describe, expect, it } from 'vitest';
import { newMessageDraft } from './message-draft.js';
import { previewMessage } from './message-preview.js';

describe('preview message', () => {
  it('personalises the body for the sample contact and keeps only what the format uses', () => {
    const draft = {
      ...newMessageDraft(),
      format: 'chat' as const,
      body: 'Hi {{user.first_name | fallback: "there"}} from {{workspace.name}}, {{user.nickname | fallback: "friend"}}',
      buttonLabel: 'Go',
      imageUrl: 'https://cdn.example/x.png',
    };
    const message = previewMessage(draft, { workspaceName: 'Acme', senderName: 'Grace' });
    expect(message.body).toBe('Hi Ada from Acme, friend');
    expect(message).toMatchObject({ format: 'chat', sender: { name: 'Grace', avatarUrl: null }, button: null, imageUrl: null, dismissible: true });
  });

  it('carries banner position, dismissible, button and image for the formats that use them', () => {
    const banner = previewMessage({ ...newMessageDraft(), format: 'banner', position: 'bottom', dismissible: false, buttonLabel: 'See', buttonUrl: 'https://x.test' }, { workspaceName: 'W', senderName: null });
    expect(banner).toMatchObject({ position: 'bottom', dismissible: false, button: { label: 'See', url: 'https://x.test' }, sender: null });
    const modal = previewMessage({ ...newMessageDraft(), format: 'modal', imageUrl: ' https://cdn.example/x.png ' }, { workspaceName: 'W', senderName: null });
    expect(modal).toMatchObject({ imageUrl: 'https://cdn.example/x.png', position: null });
  });
});
