/**
 * Follow-ups: "When [question] [op] [value]: open a conversation with message
 * … assigned to [agent]; set traits k=v; add tags", acted on once a response is
 * complete (the closed loop: every detractor hears from the team).
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { SURVEY_LIMITS, type AgentProfile } from '../../../protocol/index.js';
import { answeredQuestion, changeFollowUpQuestion, newFollowUp, snippet, traitDraft, type FollowUpDraft, type QuestionDraft } from '../../state/survey-draft.js';
import type { FollowUpError, FollowUpPart } from '../../state/survey-input.js';
import { FieldError } from '../content/Field.js';
import { AnswerConditionFields } from './AnswerConditionFields.js';

export interface SurveyFollowUpsProps {
  followUps: FollowUpDraft[];
  questions: readonly QuestionDraft[];
  agents: readonly Pick<AgentProfile, 'id' | 'name'>[];
  errors: ReadonlyMap<number, FollowUpError> | undefined;
  onChange(followUps: FollowUpDraft[], announce?: string): void;
}

export function SurveyFollowUps({ followUps, questions, agents, errors, onChange }: SurveyFollowUpsProps) {
  const pendingFocus = useRef<string | null>(null);
  // A layout effect: it runs with the render that made the change, never as a stale effect flushed before the next render.
  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });
  const set = (next: FollowUpDraft, announce?: string) => onChange(followUps.map((f) => (f.key === next.key ? next : f)), announce);

  return (
    <section class="settings__section" aria-labelledby="survey-follow-ups-title">
      <h2 id="survey-follow-ups-title" class="settings__section-title">
        Follow-ups
      </h2>
      <p class="settings__hint">After a completed response that matches: open a conversation from the team, write traits to the contact, or tag it.</p>
      {followUps.length > 0 && (
        <ol class="survey-follow-ups">
          {followUps.map((followUp, i) => (
            <FollowUpItem
              key={followUp.key}
              followUp={followUp}
              index={i}
              questions={questions}
              agents={agents}
              error={errors?.get(followUp.key)}
              onChange={set}
              onRemove={() => {
                pendingFocus.current = 'survey-add-follow-up';
                onChange(
                  followUps.filter((f) => f.key !== followUp.key),
                  `Follow-up ${i + 1} removed.`,
                );
              }}
              focusLater={(id) => (pendingFocus.current = id)}
            />
          ))}
        </ol>
      )}
      <div class="settings__row">
        <button
          type="button"
          id="survey-add-follow-up"
          class="button"
          disabled={followUps.length >= SURVEY_LIMITS.followUps || questions.length === 0}
          onClick={() => {
            const added = newFollowUp(questions);
            pendingFocus.current = `follow-up-${added.key}-question`;
            onChange([...followUps, added]);
          }}
        >
          Add follow-up
        </button>
      </div>
    </section>
  );
}

interface FollowUpItemProps {
  followUp: FollowUpDraft;
  index: number;
  questions: readonly QuestionDraft[];
  agents: readonly Pick<AgentProfile, 'id' | 'name'>[];
  error: FollowUpError | undefined;
  onChange(followUp: FollowUpDraft, announce?: string): void;
  onRemove(): void;
  focusLater(id: string): void;
}

function FollowUpItem({ followUp, index, questions, agents, error, onChange, onRemove, focusLater }: FollowUpItemProps) {
  const n = index + 1;
  const id = (part: string) => `follow-up-${followUp.key}-${part}`;
  const errorId = error ? id('error') : null;
  // The control the problem is about is marked invalid (and takes focus after a refused save).
  const invalidIf = (part: FollowUpPart) => (error?.part === part ? { 'aria-invalid': true as const, 'aria-describedby': id('error') } : {});
  const of = <span class="visually-hidden"> of follow-up {n}</span>;
  const set = (change: Partial<FollowUpDraft>) => onChange({ ...followUp, ...change });
  const question = questions.find((q) => q.id === followUp.question);

  return (
    <li class={`survey-follow-up${error ? ' survey-question--invalid' : ''}`}>
      <fieldset class="survey-question__box" aria-describedby={errorId ?? undefined}>
        <legend class="survey-question__title">Follow-up {n}</legend>
        <div class="survey-row__fields">
          <div class="field">
            <label class="field__label field__label--small" for={id('question')}>
              When question{of}
            </label>
            <select {...invalidIf('question')} id={id('question')} class="select" value={followUp.question} onChange={(e) => onChange(changeFollowUpQuestion(followUp, e.currentTarget.value, questions))}>
              {!question && <option value={followUp.question}>Choose…</option>}
              {questions.map((q, i) => (
                <option key={q.key} value={q.id}>
                  {`${i + 1}. ${snippet(q.text)}`}
                </option>
              ))}
            </select>
          </div>
          {question && (
            <AnswerConditionFields
              idPrefix={id('if')}
              suffix={` of follow-up ${n}`}
              label="Answer"
              draft={followUp}
              question={answeredQuestion(question)}
              onChange={(condition) => set(condition)}
              errorId={error?.part === 'condition' ? id('error') : null}
            />
          )}
        </div>

        <label class="settings__choice">
          <input type="checkbox" {...invalidIf('action')} checked={followUp.openConversation} onChange={(e) => set({ openConversation: e.currentTarget.checked })} />
          Open a conversation<span class="visually-hidden"> (follow-up {n})</span>
        </label>
        {followUp.openConversation && (
          <div class="survey-row__fields">
            <div class="field survey-row__grow">
              <label class="field__label field__label--small" for={id('body')}>
                Message{of}
              </label>
              <textarea
                {...invalidIf('body')}
                id={id('body')}
                class="input settings__textarea"
                rows={2}
                maxLength={2_000}
                placeholder="Sorry to hear that. What could we do better?"
                value={followUp.body}
                onInput={(e) => set({ body: e.currentTarget.value })}
              />
            </div>
            <div class="field">
              <label class="field__label field__label--small" for={id('assignee')}>
                Assigned to{of}
              </label>
              <select id={id('assignee')} class="select" value={followUp.assigneeId} onChange={(e) => set({ assigneeId: e.currentTarget.value })}>
                <option value="">Unassigned</option>
                {agents.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
                {followUp.assigneeId && !agents.some((a) => a.id === followUp.assigneeId) && <option value={followUp.assigneeId}>Agent {followUp.assigneeId}</option>}
              </select>
            </div>
          </div>
        )}

        <fieldset class="settings__fieldset">
          <legend class="field__label field__label--small">Set traits{of}</legend>
          {followUp.traits.length === 0 && <p class="settings__hint">None. Numbers and true/false are stored as such.</p>}
          {followUp.traits.map((trait, j) => {
            const m = j + 1;
            const setTrait = (change: Partial<typeof trait>) => set({ traits: followUp.traits.map((t) => (t.key === trait.key ? { ...t, ...change } : t)) });
            return (
              <div key={trait.key} class="survey-row__fields survey-trait">
                <label class="visually-hidden" for={id(`trait-${trait.key}-name`)}>
                  Trait {m} key of follow-up {n}
                </label>
                <input
                  {...(trait.name.trim() === '' && trait.value.trim() !== '' ? invalidIf('traits') : {})}
                  id={id(`trait-${trait.key}-name`)}
                  class="input settings__mono survey-trait__name"
                  type="text"
                  spellcheck={false}
                  maxLength={64}
                  placeholder="nps_followed_up"
                  value={trait.name}
                  onInput={(e) => setTrait({ name: e.currentTarget.value })}
                />
                <span aria-hidden="true">=</span>
                <label class="visually-hidden" for={id(`trait-${trait.key}-value`)}>
                  Trait {m} value of follow-up {n}
                </label>
                <input
                  id={id(`trait-${trait.key}-value`)}
                  class="input survey-row__grow"
                  type="text"
                  maxLength={1_000}
                  placeholder="true"
                  value={trait.value}
                  onInput={(e) => setTrait({ value: e.currentTarget.value })}
                />
                <button
                  type="button"
                  class="button button--ghost"
                  onClick={() => {
                    focusLater(id('add-trait'));
                    onChange({ ...followUp, traits: followUp.traits.filter((t) => t.key !== trait.key) }, `Trait ${m} removed.`);
                  }}
                >
                  Remove<span class="visually-hidden"> trait {m} of follow-up {n}</span>
                </button>
              </div>
            );
          })}
          <div>
            <button
              type="button"
              id={id('add-trait')}
              class="button button--ghost"
              onClick={() => {
                const added = traitDraft();
                focusLater(id(`trait-${added.key}-name`));
                set({ traits: [...followUp.traits, added] });
              }}
            >
              Add trait<span class="visually-hidden"> to follow-up {n}</span>
            </button>
          </div>
        </fieldset>

        <div class="field">
          <label class="field__label field__label--small" for={id('tags')}>
            Tags to add{of}
          </label>
          <input
            {...invalidIf('tags')}
            id={id('tags')}
            class="input"
            type="text"
            spellcheck={false}
            placeholder="detractor, nps-q3"
            aria-describedby={error?.part === 'tags' ? `${id('tags-hint')} ${id('error')}` : id('tags-hint')}
            value={followUp.tags}
            onInput={(e) => set({ tags: e.currentTarget.value })}
          />
          <p id={id('tags-hint')} class="settings__hint">
            Separate tags with commas.
          </p>
        </div>

        <FieldError id={id('error')} text={error?.text} />
        <div class="survey-question__actions">
          <button type="button" class="button button--ghost button--danger" onClick={onRemove}>
            Remove<span class="visually-hidden"> follow-up {n}</span>
          </button>
        </div>
      </fieldset>
    </li>
  );
}
