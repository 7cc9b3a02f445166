/**
 * The answers to a survey sent in a conversation, as the visitor's message in
 * that thread: what the agent reads (and is notified of) where they asked.
 * Answers are the visitor's text, so they are escaped as markdown; questions
 * are the author's, shown as a bold line without their own emphasis.
 */
import { escapeMarkdown, type Answers, type SurveyQuestion } from '../../../protocol/index.js';

export function answersSummary(questions: readonly SurveyQuestion[], answers: Answers): string {
  const parts: string[] = [];
  for (const question of questions) {
    const value = answers[question.id];
    if (value === undefined) continue;
    const heading = question.text.split('\n')[0].replace(/[*_`]/g, '').trim();
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    const answer = text
      .split(/\r?\n/)
      .map((line) => escapeMarkdown(line.trim()))
      .filter(Boolean)
      .join('  \n');
    parts.push(`**${heading}**  \n${answer}`);
  }
  return parts.join('\n\n');
}
