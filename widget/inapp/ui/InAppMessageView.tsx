/**
 * One in-app message in its format. The engine (widget/inapp/state) decides
 * which message and when; the inbox's editor renders the same component with
 * `preview` for its live preview.
 *
 * @example
 * <div class="inapp" dir={dir} lang={lang}>
 *   <InAppMessageView message={m} strings={strings} anchor={el}
 *     onOpen={open} onClick={clicked} onDismiss={dismissed} />
 * </div>
 */
import { Banner } from './Banner.js';
import { ChatSnippet } from './ChatSnippet.js';
import { ModalPost } from './ModalPost.js';
import { PostCard } from './PostCard.js';
import { Tooltip } from './Tooltip.js';
import type { InAppViewProps } from './types.js';

export function InAppMessageView(props: InAppViewProps) {
  switch (props.message.format) {
    case 'chat':
      return <ChatSnippet {...props} />;
    case 'post':
      return <PostCard {...props} />;
    case 'banner':
      return <Banner {...props} />;
    case 'modal':
      return <ModalPost {...props} />;
    case 'tooltip':
      return <Tooltip {...props} />;
    default:
      // A format added on the server after this widget was built: show nothing rather than guess.
      return null;
  }
}
