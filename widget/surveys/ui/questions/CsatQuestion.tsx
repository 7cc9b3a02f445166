/** Customer satisfaction, 1–5, as stars (the default) or faces from unhappy to delighted. */
import { Scale } from './Scale.js';
import type { QuestionProps } from './types.js';

export const FACES = ['😞', '🙁', '😐', '🙂', '😍'];

export function CsatQuestion(props: QuestionProps) {
  const faces = props.question.style === 'faces';
  return (
    <Scale
      {...props}
      from={1}
      to={5}
      kind={faces ? 'faces' : 'stars'}
      glyph={(n) => (faces ? FACES[n - 1] : '★')}
      low={props.question.low_label}
      high={props.question.high_label}
    />
  );
}
