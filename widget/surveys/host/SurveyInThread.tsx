/**
 * A survey sent in a conversation, in the messenger chunk: only the door to
 * the surveys chunk, where ThreadSurvey loads, draws and answers it (the
 * messenger's size budget is for chatting; surveys load when one is there).
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ThreadSurveyProps } from '../ui/index.js';

export function SurveyInThread(props: ThreadSurveyProps) {
  const [View, setView] = useState<ComponentType<ThreadSurveyProps> | null>(null);
  useEffect(() => {
    import('../ui/index.js').then((m) => setView(() => m.ThreadSurvey), props.onError);
  }, []);
  return View ? <View {...props} /> : <p class="meta">{props.strings.survey}</p>;
}
