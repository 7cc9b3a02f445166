/** Net Promoter Score: "How likely are you to recommend us?" on 0–10. */
import { Scale } from './Scale.js';
import type { QuestionProps } from './types.js';

export function NpsQuestion(props: QuestionProps) {
  const { question, strings } = props;
  return <Scale {...props} from={0} to={10} kind="numbers" low={question.low_label || strings.npsLow} high={question.high_label || strings.npsHigh} />;
}
