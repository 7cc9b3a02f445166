/** Home and Messages, at the foot of the messenger when the workspace has a help center. */
import type { Strings } from '../i18n/index.js';

interface Props {
  strings: Strings;
  home: boolean;
  onHome: () => void;
  onMessages: () => void;
}

/** Styled by `.tabs` in widget/host/styles.ts (the tabs show before the help chunk loads). */
export function HelpTabs({ strings, home, onHome, onMessages }: Props) {
  return (
    <nav class="tabs" aria-label={strings.helpTabs}>
      <button type="button" aria-current={home ? 'page' : undefined} onClick={onHome}>
        {strings.helpHome}
      </button>
      <button type="button" aria-current={home ? undefined : 'page'} onClick={onMessages}>
        {strings.helpMessages}
      </button>
    </nav>
  );
}
