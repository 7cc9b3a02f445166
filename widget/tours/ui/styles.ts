/**
 * CSS of the tour views, adopted into the same `.inapp` layer as INAPP_CSS
 * (whose theme variables --brand, --bg, --fg, --muted, --line, --bubble,
 * --pm-shadow and rules for `.pm-body`, `.pm-cta`, `.pm-close`, `.pm-image`
 * it builds on). Same conventions: logical properties (RTL is a `dir` flip),
 * dark mode, reduced motion, visible focus, 44px touch targets, full width
 * on phones.
 *
 * Stacking: the launcher and in-app cards sit at 2147483000; a tour's
 * spotlight goes above them (it dims everything but its element) and the
 * step card above that. Physical `top`/`left` are written by Floating UI
 * (viewport coordinates); everything else is logical.
 */
export const TOURS_CSS = `
.inapp{--pt-dim:rgba(15,23,42,.55)}
@media (prefers-color-scheme:dark){.inapp{--pt-dim:rgba(0,0,0,.68)}}

.pt-card{position:fixed;z-index:2147483002;display:flex;flex-direction:column;inline-size:320px;max-inline-size:calc(100vw - 16px);
  background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:14px;box-shadow:var(--pm-shadow),var(--pm-ring);
  font-size:14.5px;animation:pt-in .2s ease-out}
.pt-card:focus{outline:none}
/* The inbox editor's preview: in the flow of its frame, still while the author types. */
.pt-card.pt-preview{position:relative;inset:auto;margin:12px auto;max-inline-size:calc(100% - 24px);animation:none}
.pt-card:focus-visible{box-shadow:var(--pm-shadow),0 0 0 3px #f59e0b}
/* Beside an element: placed by Floating UI; invisible (still focusable) until then, and while the element is scrolled away. */
.pt-anchored{top:0;left:0}
.pt-anchored:not([data-placed]),.pt-anchored[data-reference-hidden]{opacity:0;pointer-events:none}
/* A post step: centred, no element. */
.pt-post{inset:0;margin:auto;block-size:fit-content;inline-size:min(420px,calc(100vw - 32px));max-block-size:calc(100vh - 32px);
  max-block-size:calc(100dvh - 32px);overflow:auto;overscroll-behavior:contain;animation-name:pt-pop}

.pt-card .pm-image{border-start-start-radius:13px;border-start-end-radius:13px;max-block-size:180px}
.pt-close{position:absolute;inset-block-start:4px;inset-inline-end:4px;z-index:1;inline-size:44px;block-size:44px}
.pt-close:hover{background:var(--bubble)}
/* Over an image it needs a face of its own (the hit area stays 44px). */
.pt-card:has(.pm-image) .pt-close{color:var(--fg);background:rgba(255,255,255,.9);background:color-mix(in srgb,var(--bg) 88%,transparent);
  box-shadow:0 1px 4px rgba(0,0,0,.18)}
.pt-content{display:flex;flex-direction:column;gap:8px;padding:16px 18px 4px;padding-inline-end:48px;min-block-size:0;
  max-block-size:min(50vh,360px);overflow:auto;overscroll-behavior:contain}
.pt-post .pt-content{max-block-size:none;padding:22px 24px 6px;padding-inline-end:52px;font-size:15.5px}
.pt-title{margin:0;font-size:16px;font-weight:700;line-height:1.3}
.pt-post .pt-title{font-size:19px}

.pt-foot{display:flex;align-items:center;gap:8px;padding:10px 12px 12px 18px;padding-inline:18px 12px}
.pt-post .pt-foot{padding-inline:24px 16px;padding-block-end:16px}
.pt-progress{flex:1;margin:0;font-size:12.5px;color:var(--muted);font-variant-numeric:tabular-nums}
.pt-actions{display:flex;align-items:center;gap:6px}
.pt-actions .pm-cta{min-inline-size:88px;min-block-size:44px;padding-block:8px;border-radius:10px;font-size:14.5px}
.pt-back{min-block-size:44px;min-inline-size:44px;padding:0 14px;border:0;border-radius:10px;background:none;color:var(--muted);font-weight:600;font-size:14.5px}
.pt-back:hover{background:var(--bubble);color:var(--fg)}

.pt-arrow{position:absolute;inline-size:14px;block-size:14px;background:var(--bg);transform:rotate(45deg);border:0 solid var(--line)}
/* Physical sides: the square is rotated 45°, so its top-left corner is the tip pointing up, in either direction. */
.pt-card[data-side=bottom] .pt-arrow{top:-8px;border-top-width:1px;border-left-width:1px}
.pt-card[data-side=top] .pt-arrow{bottom:-8px;border-bottom-width:1px;border-right-width:1px}
.pt-card[data-side=left] .pt-arrow{right:-8px;border-top-width:1px;border-right-width:1px}
.pt-card[data-side=right] .pt-arrow{left:-8px;border-bottom-width:1px;border-left-width:1px}

.pt-spotlight{position:fixed;inset:0;z-index:2147483001;pointer-events:none}
/* Transparent, they only catch pointer events beside the element. */
.pt-block{position:fixed;pointer-events:auto}
.pt-hole{position:fixed;border-radius:8px;pointer-events:auto;box-shadow:0 0 0 2px var(--brand),0 0 0 200vmax var(--pt-dim);
  animation:pt-fade .2s ease-out}
.pt-spotlight[data-interactive] .pt-hole{pointer-events:none}
@media (prefers-reduced-motion:no-preference){.pt-hole{transition:top .2s ease,left .2s ease,width .2s ease,height .2s ease}}

@keyframes pt-in{from{opacity:0;transform:translateY(4px)}to{opacity:1;transform:none}}
@keyframes pt-pop{from{opacity:0;transform:scale(.96)}to{opacity:1;transform:none}}
@keyframes pt-fade{from{opacity:0}to{opacity:1}}
@media (prefers-reduced-motion:reduce){.pt-card,.pt-hole{animation:none}}
@media (max-width:480px){
  .pt-anchored{inline-size:calc(100vw - 16px)}
  .pt-post{inline-size:auto;inset-inline:12px}
  .pt-content{max-block-size:40vh}
  .pt-actions .pm-cta{min-inline-size:0}
}
@media (forced-colors:active){.pt-hole{outline:3px solid Highlight}.pt-card{border-color:CanvasText}}
`;
