import Markdown, { type Components } from 'react-markdown';
import { safeUrl } from './safe-url.ts';

const components: Components = {
  // A link whose address was dropped is plain text, never a link.
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ src, alt }) => (typeof src === 'string' && src ? <img src={src} alt={alt ?? ''} /> : null),
  // One h1 per page (the notice's title): headings in the text start at h2.
  h1: ({ children }) => <h2>{children}</h2>,
};

/**
 * A notice's Markdown, rendered inert: raw HTML is skipped (no element from the
 * author's HTML ever reaches the DOM) and link or image addresses other than
 * http(s) and mailto are dropped.
 */
export function NoticeMarkdown({ text, testId, lang }: { text: string; testId?: string; /** The text's language when it may differ from the page's (the English or the Japanese of a notice). */ lang?: string }) {
  return (
    <div className="notice-body" data-testid={testId} lang={lang}>
      <Markdown skipHtml urlTransform={(url) => safeUrl(url)} components={components}>
        {text}
      </Markdown>
    </div>
  );
}
