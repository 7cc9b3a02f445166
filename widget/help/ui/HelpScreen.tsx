/**
 * The Home tab's screen: the home (search, suggestions) or one article. The
 * search text outlives an opened article, so Back finds the results again.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Strings } from '../../i18n/index.js';
import type { HelpDeps, HelpPlace } from '../help-deps.js';
import { addStylesOnce } from '../use-styles.js';
import { ArticleView } from './ArticleView.js';
import { helpApi } from './help-api.js';
import { HELP_CSS } from './help-css.js';
import { HelpHome } from './HelpHome.js';

export interface HelpScreenProps {
  deps: HelpDeps;
  strings: Strings;
  place: HelpPlace;
  /** Go to another place of the Home tab. */
  onPlace: (place: HelpPlace) => void;
  /** Back from an article opened from an answer suggestion: to the message being written. */
  onBackToChat: () => void;
  onChat: () => void;
  /** How long the search box waits for typing to pause (ms). */
  delayMs?: number;
}

export function HelpScreen({ deps, strings, place, onPlace, onBackToChat, onChat, delayMs = 300 }: HelpScreenProps) {
  addStylesOnce(deps.addStyles, HELP_CSS);
  const api = useMemo(() => helpApi(deps), [deps]);
  const [query, setQuery] = useState('');
  if (place.article) {
    return (
      <ArticleView
        key={place.article}
        deps={deps}
        api={api}
        strings={strings}
        id={place.article}
        source={place.source}
        onBack={place.fromChat ? onBackToChat : () => onPlace({})}
        onChat={onChat}
      />
    );
  }
  return (
    <HelpHome
      deps={deps}
      api={api}
      strings={strings}
      query={query}
      onQuery={setQuery}
      onOpen={(article, source) => onPlace({ article, source })}
      onChat={onChat}
      delayMs={delayMs}
    />
  );
}
