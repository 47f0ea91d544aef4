/** Links in notices may go only to the web or to e-mail; anything else (javascript:, data:, relative paths) is dropped. */
export function safeUrl(url: string): string | null {
  const text = url.trim();
  try {
    const parsed = new URL(text);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'mailto:' ? text : null;
  } catch {
    return null;
  }
}
