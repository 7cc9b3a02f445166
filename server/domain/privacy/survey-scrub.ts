/**
 * What of a survey response may outlive its respondent: scores (NPS, CSAT,
 * CES, ratings) and choices among the survey's own options. Free text (text
 * questions, "Other" answers) is the person's own words and goes with them.
 */
import { type Answers, type SurveyQuestion, scaleRange } from '../../../protocol/index.js';

export function scrubAnswers(questions: readonly SurveyQuestion[], answers: Answers): Answers {
  const kept: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    const q = questions.find((x) => x.id === id);
    if (!q) continue;
    const options = q.options ?? [];
    if (scaleRange(q) && typeof value === 'number') kept[id] = value;
    else if (q.type === 'single' && typeof value === 'string' && options.includes(value)) kept[id] = value;
    else if (q.type === 'multi' && Array.isArray(value)) {
      const chosen = value.filter((v) => options.includes(v));
      if (chosen.length > 0) kept[id] = chosen;
    }
  }
  return kept;
}
