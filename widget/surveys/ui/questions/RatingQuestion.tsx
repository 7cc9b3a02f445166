/** A plain 1..N rating (N from 3 to 10, default 5), labelled at the ends only if the author said so. */
import { Scale } from './Scale.js';
import type { QuestionProps } from './types.js';

export function RatingQuestion(props: QuestionProps) {
  const { scale, low_label, high_label } = props.question;
  // The server checks 3–10; an odd stored value still draws a sane scale.
  const top = Math.min(10, Math.max(3, Math.round(scale ?? 5)));
  return <Scale {...props} from={1} to={top} kind="numbers" low={low_label} high={high_label} />;
}
