/**
 * Copying to the clipboard, with a fallback: where the Clipboard API is missing
 * or refused (plain http on a LAN address is not a secure context), the text is
 * selected instead so Ctrl+C / ⌘C copies it.
 */
export async function copyText(text: string, fallbackElement: Element | null): Promise<'copied' | 'selected' | 'failed'> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    const selection = window.getSelection();
    if (!fallbackElement || !selection) return 'failed';
    selection.selectAllChildren(fallbackElement);
    return 'selected';
  }
}
