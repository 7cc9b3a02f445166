import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterQuestions, type Question } from './cluster-questions.js';
import { questionWords } from './question-words.js';

const q = (text: string, i: number): Question => ({ conversationId: `cv_${i}`, text });

const FIXTURE = [
  'How do I reset my password?',
  'I forgot my password, can you reset it',
  'Password reset email never arrives',
  'password reset link not working',
  'How can I cancel my subscription?',
  'I want to cancel the subscription please',
  'Cancelling my subscription, how?',
  'Cara membatalkan langganan saya',
  'Bagaimana membatalkan langganan?',
  'Can I get a refund for my last invoice',
  'Refund for invoice #1234',
  'Where do I download invoices?',
  'hello?',
  'Export report to CSV',
  'How do I export a report as CSV file',
].map(q);

describe('clusterQuestions', () => {
  const topics = clusterQuestions(FIXTURE);
  const topicOf = (text: string) => topics.find((t) => t.questions.some((x) => x.text === text));

  it('puts questions about the same thing together', () => {
    const password = topicOf('How do I reset my password?');
    expect(password?.questions.map((x) => x.text)).toEqual(expect.arrayContaining(FIXTURE.slice(0, 4).map((x) => x.text)));
    expect(topicOf('Cancelling my subscription, how?')).toBe(topicOf('How can I cancel my subscription?'));
    expect(topicOf('Bagaimana membatalkan langganan?')).toBe(topicOf('Cara membatalkan langganan saya'));
    expect(topicOf('Export report to CSV')).toBe(topicOf('How do I export a report as CSV file'));
    expect(topicOf('How do I reset my password?')).not.toBe(topicOf('How can I cancel my subscription?'));
  });

  it('names a topic by its words as people write them, biggest topics first', () => {
    expect(topics[0]?.terms).toEqual(expect.arrayContaining(['password', 'reset']));
    expect(topics[0]?.questions).toHaveLength(4);
    const refunds = topicOf('Refund for invoice #1234');
    expect(refunds?.terms).toContain('refund');
    for (let i = 1; i < topics.length; i++) expect(topics[i - 1]!.questions.length).toBeGreaterThanOrEqual(topics[i]!.questions.length);
  });

  it('leaves out questions with nothing but function words', () => {
    expect(topicOf('hello?')).toBeUndefined();
  });

  it('gives an example from the topic', () => {
    for (const topic of topics) expect(topic.questions).toContainEqual(topic.example);
  });

  it('places every question with content exactly once, whatever the input', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 40 }), (texts) => {
        const questions = texts.map(q);
        const placed = clusterQuestions(questions).flatMap((t) => t.questions.map((x) => x.conversationId));
        const expected = questions.filter((x) => questionWords(x.text).length > 0).map((x) => x.conversationId);
        expect([...placed].sort()).toEqual([...expected].sort());
      }),
    );
  });
});

describe('questionWords', () => {
  it('folds, drops function words and meets word forms', () => {
    expect(questionWords('Cancelling my Subscriptions, café?').map((w) => w.key)).toEqual(['cancel', 'subscription', 'cafe']);
    expect(questionWords('cancelled').map((w) => w.key)).toEqual(['cancel']);
  });
});
