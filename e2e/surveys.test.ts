/**
 * Surveys in the browser: a visitor answers an NPS survey with the keyboard
 * only (radios by arrow keys, Tab to the button, Enter), the conditional
 * question follows the score, and the inbox's results page updates. Then a
 * half-answered survey survives a reload, and a closed conversation is rated.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Survey, SurveyResults } from '../protocol/index.js';
import { adminFetch, loginAgent } from '../server/test-support/test-server.js';
import { useServerAndBrowser } from './harness.js';

const env = useServerAndBrowser();

const QUESTIONS = [
  { id: 'nps', type: 'nps', text: 'How likely are you to recommend Acme?', logic: [{ if: { op: 'lte', value: 6 }, goto: 'better' }, { if: { op: 'gte', value: 9 }, goto: 'review' }] },
  { id: 'passive', type: 'text', text: 'What would make it a 10?', logic: [{ if: { op: 'answered' }, goto: 'end' }] },
  { id: 'better', type: 'text', text: 'What could we do better?', logic: [{ if: { op: 'answered' }, goto: 'end' }] },
  { id: 'review', type: 'single', text: 'Would you leave us a review?', options: ['Yes', 'Not now'] },
];

async function survey(session: { cookie: string; csrf: string }, input: Record<string, unknown>): Promise<Survey> {
  const res = await adminFetch<Survey>(env.server.url, session, 'POST', '/surveys', { questions: QUESTIONS, status: 'live', ...input });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

/** Earlier tests' surveys stay live otherwise, and a new visitor would see them first. */
async function pauseAllSurveys(session: { cookie: string; csrf: string }): Promise<void> {
  const list = await adminFetch<{ data: Survey[] }>(env.server.url, session, 'GET', '/surveys');
  for (const s of list.body.data) await adminFetch(env.server.url, session, 'PATCH', `/surveys/${s.id}`, { status: 'draft' });
}

const focusedName = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.getAttribute('value') ?? el.textContent?.trim() ?? ''}` : '';
  });

describe('surveys in the browser', () => {
  it('answers an NPS survey with the keyboard only, and the inbox results update', async () => {
    const session = await loginAgent(env.server.url);
    const nps = await survey(session, { name: 'Keyboard NPS', display: 'post', thank_you: { title: 'Thank you!', body: 'We read every answer.' } });

    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.server.url}/demo/`);
    const dialog = page.getByRole('dialog', { name: 'How likely are you to recommend Acme?' });
    await dialog.waitFor({ timeout: 15_000 });
    const group = dialog.getByRole('radiogroup', { name: 'How likely are you to recommend Acme?' });
    expect(await group.getByRole('radio').count()).toBe(11);

    // Focus is in the post; reach the first radio with Tab if it is not there yet.
    for (let i = 0; i < 6 && !(await focusedName(page)).startsWith('input'); i++) await page.keyboard.press('Tab');
    for (let i = 0; i < 12 && !(await group.getByRole('radio', { name: '9', exact: true }).isChecked()); i++) await page.keyboard.press('ArrowRight');
    expect(await group.getByRole('radio', { name: '9', exact: true }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toMatch(/^button:(Next|Submit)$/);
    await page.keyboard.press('Enter');

    // 9 → the review question, as the logic says.
    const review = dialog.getByRole('radiogroup', { name: 'Would you leave us a review?' });
    await review.waitFor();
    for (let i = 0; i < 6 && !(await focusedName(page)).startsWith('input'); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    if (!(await review.getByRole('radio', { name: 'Yes' }).isChecked())) await page.keyboard.press('ArrowRight');
    const choice = (await review.getByRole('radio', { name: 'Yes' }).isChecked()) ? 'Yes' : 'Not now';
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.getByText('Thank you!').waitFor();
    await page.keyboard.press('Tab');
    for (let i = 0; i < 4 && (await focusedName(page)) !== 'button:Close'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    await expect
      .poll(async () => (await adminFetch<SurveyResults>(env.server.url, session, 'GET', `/surveys/${nps.id}/results`)).body, { timeout: 5_000 })
      .toMatchObject({ responses: 1, nps: { score: 100, promoters: 1 } });
    const results = (await adminFetch<SurveyResults>(env.server.url, session, 'GET', `/surveys/${nps.id}/results`)).body;
    expect(results.questions.find((q) => q.id === 'review')?.distribution[choice]).toBe(1);

    const inbox = await context.newPage();
    await inbox.goto(`${env.server.url}/inbox/#/surveys/${nps.id}/results`);
    await inbox.getByRole('textbox', { name: 'Email' }).fill('admin@test.local');
    await inbox.getByRole('textbox', { name: 'Password' }).fill('correct horse battery');
    await inbox.getByRole('button', { name: 'Log in' }).click();
    const npsRegion = inbox.getByRole('region', { name: 'NPS' });
    await expect.poll(async () => (await npsRegion.textContent().catch(() => '')) ?? '', { timeout: 15_000 }).toMatch(/\+?100/);
    await context.close();
  }, 60_000);

  it('resumes a half-answered survey after a reload, and Messenger.startSurvey shows one directly', async () => {
    const session = await loginAgent(env.server.url);
    await pauseAllSurveys(session);
    await adminFetch(env.server.url, session, 'PATCH', '/settings', { surveyRecontactDays: 0 });
    const onDemand = [{ ...QUESTIONS[0], text: 'How likely are you to recommend our exports?' }, ...QUESTIONS.slice(1)];
    const manual = await survey(session, { name: 'On demand', display: 'card', questions: onDemand, audience: { attr: 'plan', op: 'eq', value: 'nobody' } });
    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/demo/`);
    await page.getByRole('button', { name: 'Open messenger' }).waitFor({ timeout: 15_000 });
    await page.evaluate((id) => (window as unknown as { Messenger: { startSurvey(id: string): void } }).Messenger.startSurvey(id), manual.id);
    const dialog = page.getByRole('dialog', { name: 'How likely are you to recommend our exports?' });
    await dialog.waitFor({ timeout: 10_000 });
    // The radios are styled chips over visually hidden inputs.
    await dialog.getByRole('radio', { name: '3', exact: true }).check({ force: true });
    await dialog.getByRole('button', { name: /Next|Submit/ }).click();
    await dialog.getByRole('textbox', { name: 'What could we do better?' }).waitFor();
    await expect.poll(async () => (await adminFetch<SurveyResults>(env.server.url, session, 'GET', `/surveys/${manual.id}/results`)).body.partial).toBe(1);

    await page.reload();
    const again = page.getByRole('dialog', { name: 'How likely are you to recommend our exports?' });
    const text = again.getByRole('textbox', { name: 'What could we do better?' });
    await text.waitFor({ timeout: 15_000 });
    await text.fill('Faster exports, please');
    await text.press('Enter');
    await again.getByText('Thank you!').waitFor();
    await expect
      .poll(async () => (await adminFetch<SurveyResults>(env.server.url, session, 'GET', `/surveys/${manual.id}/results`)).body)
      .toMatchObject({ responses: 1, partial: 0, nps: { score: -100 } });
    await page.close();
  }, 60_000);

  it('asks the visitor to rate a conversation the team closed', async () => {
    const session = await loginAgent(env.server.url);
    await pauseAllSurveys(session);
    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/demo/`);
    await page.getByRole('button', { name: 'Open messenger' }).click({ timeout: 15_000 });
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Can you close this for me?');
    await composer.press('Enter');
    const sent = page.locator('[data-message-id]', { hasText: 'Can you close this for me?' });
    await sent.waitFor();
    const conversations = await adminFetch<{ data: Array<{ id: string; lastMessage: { body: string } | null }> }>(env.server.url, session, 'GET', '/conversations');
    const id = conversations.body.data.find((c) => c.lastMessage?.body === 'Can you close this for me?')?.id ?? '';
    expect((await adminFetch(env.server.url, session, 'PATCH', `/conversations/${id}`, { status: 'closed' })).status).toBe(200);
    const rate = page.getByRole('radiogroup', { name: 'How would you rate this conversation?' });
    await rate.waitFor({ timeout: 10_000 });
    await rate.getByRole('radio', { name: '5', exact: true }).check({ force: true });
    const comment = page.getByRole('textbox', { name: 'Anything to add? (optional)' });
    await comment.fill('Sorted in minutes');
    await comment.press('Enter');
    await page.getByText('Thanks for your rating!').waitFor();
    await expect
      .poll(async () => (await adminFetch<{ rating: number | null; ratingComment: string | null }>(env.server.url, session, 'GET', `/conversations/${id}`)).body)
      .toMatchObject({ rating: 5, ratingComment: 'Sorted in minutes' });
    await page.close();
  }, 60_000);

  it('sends a survey into a conversation from the inbox; the visitor answers it in the thread and the agent reads the answers', async () => {
    const session = await loginAgent(env.server.url);
    await pauseAllSurveys(session);
    const csat = await survey(session, {
      name: 'Chat CSAT',
      status: 'draft',
      questions: [
        { id: 'csat', type: 'csat', text: 'How did we do?', style: 'faces', logic: [{ if: { op: 'gte', value: 4 }, goto: 'end' }] },
        { id: 'why', type: 'text', text: 'What went wrong?' },
      ],
    });
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.server.url}/demo/`);
    await page.getByRole('button', { name: 'Open messenger' }).click({ timeout: 15_000 });
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('My export is stuck');
    await composer.press('Enter');
    await page.locator('[data-message-id]', { hasText: 'My export is stuck' }).waitFor();
    const conversations = await adminFetch<{ data: Array<{ id: string; lastMessage: { body: string } | null }> }>(env.server.url, session, 'GET', '/conversations');
    const id = conversations.body.data.find((c) => c.lastMessage?.body === 'My export is stuck')?.id ?? '';

    const inbox = await context.newPage();
    await inbox.goto(`${env.server.url}/inbox/#/conversations/${id}`);
    await inbox.getByRole('textbox', { name: 'Email' }).fill('admin@test.local');
    await inbox.getByRole('textbox', { name: 'Password' }).fill('correct horse battery');
    await inbox.getByRole('button', { name: 'Log in' }).click();
    await inbox.getByRole('textbox', { name: 'Reply' }).fill('Fixed it! Could you rate this chat?');
    await inbox.getByRole('button', { name: 'Send a survey' }).click();
    await inbox.getByRole('combobox', { name: 'Survey' }).selectOption(csat.id);
    await inbox.getByRole('button', { name: 'Send survey' }).click();
    await inbox.locator('.message__survey', { hasText: 'Chat CSAT' }).waitFor({ timeout: 10_000 });

    // In the visitor's thread: the introduction, then the survey as a group of faces, answered by keyboard.
    await page.bringToFront();
    const inThread = page.getByRole('group', { name: 'How did we do?' });
    await inThread.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: 'e2e/screenshots/survey-in-conversation.png' }).catch(() => undefined);
    await inThread.getByRole('radio').first().focus();
    for (let i = 0; i < 6 && !(await inThread.getByRole('radio', { name: '5', exact: true }).isChecked()); i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Thank you!' }).waitFor();

    // The answers come back into the agent's thread as the visitor's message.
    await inbox.locator('.message--visitor', { hasText: 'How did we do?' }).waitFor({ timeout: 10_000 });
    await expect
      .poll(async () => (await adminFetch<SurveyResults>(env.server.url, session, 'GET', `/surveys/${csat.id}/results`)).body)
      .toMatchObject({ responses: 1, csat: 100 });
    await context.close();
  }, 60_000);
});
