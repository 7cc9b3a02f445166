/**
 * Keeps the messenger above the on-screen keyboard. Mobile browsers shrink the
 * visual viewport when the keyboard opens but leave fixed elements sized to the
 * layout viewport (iOS Safari most of all), so we publish the visual viewport's
 * height and offset as CSS custom properties on our host element; the full-screen
 * panel uses them. CSSOM `style.setProperty` is not restricted by CSP.
 * Returns the cleanup.
 */
export function trackVisualViewport(host: HTMLElement): () => void {
  const vv = window.visualViewport;
  if (!vv) return () => {};
  const update = () => {
    host.style.setProperty('--parley-vvh', `${Math.round(vv.height)}px`);
    host.style.setProperty('--parley-vv-top', `${Math.round(vv.offsetTop)}px`);
  };
  update();
  vv.addEventListener('resize', update);
  vv.addEventListener('scroll', update);
  return () => {
    vv.removeEventListener('resize', update);
    vv.removeEventListener('scroll', update);
  };
}
