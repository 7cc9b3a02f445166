/**
 * A survey sent in the conversation, as the agent sees it in the thread: its
 * name and the way to its results. The visitor's answers arrive below it as
 * their own message.
 */
import { useEffect, useState } from 'preact/hooks';
import { useInbox } from './inbox-context.js';

export function SurveyCard({ surveyId }: { surveyId: string }) {
  const inbox = useInbox();
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void inbox.surveyName(surveyId).then((n) => live && setName(n ?? 'Deleted survey'));
    return () => {
      live = false;
    };
  }, [inbox, surveyId]);
  return (
    <p class="message__survey">
      <span class="message__survey-kind">Survey</span> <span class="message__survey-name">{name ?? '…'}</span>{' '}
      <a href={`#/surveys/${encodeURIComponent(surveyId)}/results`}>Results</a>
    </p>
  );
}
