/**
 * The messenger's doors to the help chunk: the Home screen and the answer
 * suggestions above the composer, each rendered through LazyHelp so the
 * chunk is fetched only when one of them is first needed.
 */
import type { Strings } from '../i18n/index.js';
import type { HelpDeps, HelpPlace } from './help-deps.js';
import { LazyHelp } from './LazyHelp.js';

interface HomeProps {
  help: HelpDeps;
  strings: Strings;
  place: HelpPlace;
  onPlace: (place: HelpPlace) => void;
  onBackToChat: () => void;
  onChat: () => void;
}

export function HomeScreen({ help, ...props }: HomeProps) {
  return <LazyHelp>{(ui) => <ui.HelpScreen deps={help} {...props} />}</LazyHelp>;
}

interface AnswersProps {
  help: HelpDeps;
  strings: Strings;
  text: string;
  onOpen: (id: string) => void;
}

/** Until there are a few letters there is no question to answer, and nothing to fetch. */
const MIN_CHARS = 3;

export function ComposerAnswers({ help, text, ...props }: AnswersProps) {
  if (text.trim().length < MIN_CHARS) return null;
  return <LazyHelp>{(ui) => <ui.AnswerSuggestions deps={help} text={text} {...props} />}</LazyHelp>;
}
