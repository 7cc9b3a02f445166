/** Customer Effort Score: how easy was it, 1 (very difficult) to 7 (very easy). */
import { Scale } from './Scale.js';
import type { QuestionProps } from './types.js';

export function CesQuestion(props: QuestionProps) {
  const { question, strings } = props;
  return <Scale {...props} from={1} to={7} kind="numbers" low={question.low_label || strings.cesLow} high={question.high_label || strings.cesHigh} />;
}
