import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../../../protocol/index.js';
import { answersSummary } from './answers-summary.js';

const questions: SurveyQuestion[] = [
  { id: 'nps', type: 'nps', text: 'How likely are you to **recommend** us?' },
  { id: 'why', type: 'text', text: 'What could we do better?\nBe honest.', long: true },
  { id: 'use', type: 'multi', text: 'What do you use?', options: ['Chat', 'Tours'] },
  { id: 'skipped', type: 'text', text: 'Anything else?' },
];

describe('answersSummary', () => {
  it('lists each answered question in order, skipped ones left out', () => {
    expect(answersSummary(questions, { use: ['Chat', 'Tours'], nps: 9 })).toBe('**How likely are you to recommend us?**  \n9\n\n**What do you use?**  \nChat, Tours');
  });

  it('escapes the visitor’s text, so an answer cannot become a link or a heading, and keeps its lines', () => {
    const summary = answersSummary(questions, { why: '[win](http://evil.example)\n# big' });
    expect(summary).toBe('**What could we do better?**  \n\\[win\\]\\(http\\://evil.example\\)  \n\\# big');
  });

  it('is empty when nothing was answered', () => {
    expect(answersSummary(questions, {})).toBe('');
  });
});
