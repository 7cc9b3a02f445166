/**
 * CSS of the survey views, adopted into the same `.inapp` layer as INAPP_CSS
 * (whose variables, `.pm-card`, `.pm-backdrop`/`.pm-modal`, `.pm-cta`,
 * `.pm-close` and `.pm-preview` it builds on). Same conventions: logical
 * properties (RTL is a `dir` flip), dark mode, reduced motion, visible focus,
 * 44px touch targets, full width on phones.
 *
 * Every answer control is a real radio/checkbox laid invisibly over its
 * drawn cell (`.ps-input` + the sibling `.ps-face`/`.ps-box`), so clicks,
 * keyboard and screen readers all get the native control.
 */
export const SURVEYS_CSS = `
.inapp{--ps-off:#d1d5db;--ps-star:#f59e0b;--ps-error:#b91c1c;--ps-tint:color-mix(in srgb,var(--brand) 9%,var(--bg))}
@media (prefers-color-scheme:dark){.inapp{--ps-off:#4b5563;--ps-star:#fbbf24;--ps-error:#fca5a5;--ps-tint:color-mix(in srgb,var(--brand) 22%,var(--bg))}}
.ps-survey:focus{outline:none}
.pm-card.ps-survey{inline-size:372px;padding:14px 20px 20px;overflow:auto;overscroll-behavior:contain;
  max-block-size:calc(100vh - var(--pm-bottom) - 16px);max-block-size:calc(100dvh - var(--pm-bottom) - 16px)}
.pm-modal.ps-survey{padding:20px 28px 28px}
/* In a conversation's thread: a card in the flow of messages, as wide as the thread allows. */
.ps-thread{inline-size:100%;margin-block-start:6px}
.ps-inline{padding:10px 14px 14px;border:1px solid var(--line);border-radius:14px;background:var(--bg)}
.ps-inline .ps-question .pm-body{font-size:15px}
.ps-inline .ps-cells{gap:3px}
.ps-inline .ps-face{block-size:40px;font-size:14px}
.ps-head{display:flex;align-items:center;gap:10px;min-block-size:32px;margin-block-end:8px}
.ps-dots{display:flex;gap:4px;flex:none}
.ps-dots i{inline-size:14px;block-size:4px;border-radius:2px;background:var(--line);transition:background .2s}
.ps-dots i.ps-on{background:var(--brand)}
.ps-progress{flex:1;margin:0;font-size:12.5px;color:var(--muted);font-variant-numeric:tabular-nums}
.ps-head-done{min-block-size:0;margin:0}
.ps-head .pm-close{inline-size:44px;block-size:44px;margin-block:-6px;margin-inline-end:-14px}

.ps-step{display:flex;flex-direction:column;gap:16px;margin:0;animation:ps-in .22s ease-out}
.ps-question .pm-body{font-size:16px;font-weight:600;line-height:1.4}
.ps-post .ps-question .pm-body{font-size:19px}
.ps-question .pm-body p{margin-block-end:4px}
.ps-question .pm-body strong{font-weight:800}

.ps-cell,.ps-choice{position:relative;display:block;cursor:pointer}
.ps-input{position:absolute;inset:0;z-index:1;inline-size:100%;block-size:100%;margin:0;opacity:0;cursor:pointer}
.ps-input:focus-visible+.ps-face,.ps-input:focus-visible+.ps-box{outline:3px solid #f59e0b;outline-offset:2px}
.ps-cells{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(0,1fr);gap:4px}
.ps-face{display:grid;place-items:center;block-size:44px;border:1px solid var(--line);background:var(--bg);
  font-weight:600;font-size:15px;font-variant-numeric:tabular-nums;border-radius:8px;transition:background .12s,border-color .12s,color .12s,transform .12s,filter .12s}
.ps-cell:hover .ps-face{border-color:var(--brand);background:var(--ps-tint)}
.ps-input:checked+.ps-face{border-color:var(--brand);background:var(--brand);color:var(--brand-text)}
.ps-ends{display:flex;justify-content:space-between;gap:16px;margin-block-start:8px;font-size:12.5px;color:var(--muted)}
.ps-ends span:last-child{text-align:end}

.ps-stars,.ps-faces{inline-size:fit-content;max-inline-size:100%;margin-inline:auto}
.ps-stars .ps-cells,.ps-faces .ps-cells{display:flex;justify-content:center;gap:6px}
.ps-stars .ps-face{inline-size:48px;block-size:48px;border:0;background:none;font-size:36px;line-height:1;color:var(--ps-off)}
.ps-stars .ps-lit .ps-face,.ps-stars .ps-input:checked+.ps-face{background:none;color:var(--ps-star)}
/* Hovering lights the stars up to the pointer (the ones before it, in either direction). */
.ps-stars .ps-cells:hover .ps-cell .ps-face{color:var(--ps-off)}
.ps-stars .ps-cells:hover .ps-cell:hover .ps-face,.ps-stars .ps-cells:hover .ps-cell:has(~.ps-cell:hover) .ps-face{color:var(--ps-star);transform:scale(1.08)}
.ps-faces .ps-face{inline-size:52px;block-size:52px;border:2px solid transparent;border-radius:50%;background:var(--bubble);font-size:30px;
  filter:grayscale(.8);opacity:.7}
.ps-faces .ps-cell:hover .ps-face{filter:none;opacity:1;background:var(--bubble);transform:scale(1.08)}
.ps-faces .ps-input:checked+.ps-face{filter:none;opacity:1;border-color:var(--brand);background:var(--ps-tint);transform:scale(1.08)}

.ps-choices{display:flex;flex-direction:column;gap:8px}
.ps-box{display:flex;align-items:center;gap:12px;min-block-size:44px;padding:10px 14px;border:1px solid var(--line);border-radius:10px;
  background:var(--bg);overflow-wrap:anywhere;transition:background .12s,border-color .12s}
.ps-choice:hover .ps-box{border-color:var(--brand)}
.ps-input:checked+.ps-box{border-color:var(--brand);background:var(--ps-tint);box-shadow:inset 0 0 0 1px var(--brand)}
.ps-mark{flex:none;display:grid;place-items:center;inline-size:20px;block-size:20px;border:2px solid var(--ps-off);background:var(--bg);transition:border-color .12s,background .12s}
.ps-radio{border-radius:50%}
.ps-checkbox{border-radius:6px}
.ps-input:checked+.ps-box .ps-mark{border-color:var(--brand)}
.ps-input:checked+.ps-box .ps-radio{box-shadow:inset 0 0 0 3px var(--bg);background:var(--brand)}
.ps-input:checked+.ps-box .ps-checkbox{background:var(--brand)}
.ps-input:checked+.ps-box .ps-checkbox::after{content:"";inline-size:5px;block-size:10px;margin-block-start:-2px;
  border:solid var(--brand-text);border-width:0 2px 2px 0;transform:rotate(45deg)}

.ps-text{display:block;inline-size:100%;min-block-size:44px;padding:10px 12px;border:1px solid var(--line);border-radius:10px;
  background:var(--bg);color:var(--fg);font:inherit;font-size:16px;transition:border-color .12s}
.ps-text:hover{border-color:var(--muted)}
.ps-text:focus{border-color:var(--brand)}
textarea.ps-text{min-block-size:100px;resize:vertical}
.ps-other{margin-block-start:-6px}

.ps-error{margin:-4px 0 0;color:var(--ps-error);font-size:13.5px;font-weight:500}
.ps-actions{display:flex;align-items:center;justify-content:flex-end;gap:8px}
.ps-actions .pm-cta{min-inline-size:112px;min-block-size:44px}
.ps-next[aria-disabled=true]{opacity:.45;cursor:not-allowed;filter:none}
.ps-skip{min-block-size:44px;padding:0 16px;border:0;border-radius:10px;background:none;color:var(--muted);font-weight:600;font-size:15px}
.ps-skip:hover{background:var(--bubble);color:var(--fg)}

.ps-thanks{display:flex;flex-direction:column;align-items:center;gap:8px;padding-block:10px 0;text-align:center}
.ps-check{display:grid;place-items:center;inline-size:56px;block-size:56px;margin-block-end:4px;border-radius:50%;background:var(--ps-tint);color:var(--brand);
  animation:ps-pop .35s cubic-bezier(.2,.9,.3,1.3)}
.ps-check svg{inline-size:28px;block-size:28px}
.ps-thanks-title{margin:0;font-size:19px;font-weight:700;line-height:1.3}
.ps-thanks-title:focus{outline:none}
.ps-thanks .pm-body{color:var(--muted)}
.ps-thanks .ps-close{align-self:stretch;min-block-size:44px;margin-block-start:12px}

.pm-preview .ps-step,.pm-preview .ps-check{animation:none}
@keyframes ps-in{from{opacity:0;transform:translateY(6px)}to{opacity:1;transform:none}}
@keyframes ps-pop{from{opacity:0;transform:scale(.6)}to{opacity:1;transform:none}}
@media (prefers-reduced-motion:reduce){
  .ps-step,.ps-check{animation:none}
  .ps-face,.ps-box,.ps-mark,.ps-text,.ps-dots i{transition:none}
  .ps-cell:hover .ps-face,.ps-input:checked+.ps-face,.ps-stars .ps-cells:hover .ps-cell .ps-face{transform:none!important}
}
@media (max-width:480px){
  .pm-card.ps-survey{inline-size:auto;padding:12px 16px 16px}
  .pm-modal.ps-survey{padding:16px 18px 20px}
  .ps-numbers .ps-cells{gap:3px}
  .ps-numbers .ps-face{font-size:14px;border-radius:7px}
  .ps-actions .pm-cta{flex:1}
}
`;
