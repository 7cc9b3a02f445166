/**
 * CSS of the in-app message views, adopted as a constructable stylesheet into
 * the widget's shadow root beside WIDGET_CSS (and into the inbox for the
 * editor's preview). Same conventions as widget/host/styles.ts: logical
 * properties (RTL is a `dir` flip), dark mode, reduced motion, visible focus.
 *
 * The views render inside a `.inapp` container, which may sit outside `.root`,
 * so `.inapp` carries its own copy of the theme variables and base rules.
 * Views are fixed to the viewport (`.pm-preview` makes them static for the
 * editor); z-index matches the launcher, the modal sits just above it.
 */
export const INAPP_CSS = `
.inapp{--brand:#4f46e5;--brand-text:#fff;--bg:#fff;--fg:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bubble:#f3f4f6;
  --offset:20px;--pm-bottom:92px;--pm-shadow:0 14px 44px rgba(15,23,42,.16),0 3px 10px rgba(15,23,42,.08);--pm-ring:0 0 0 0 transparent;
  font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;color:var(--fg)}
@media (prefers-color-scheme:dark){.inapp{--bg:#111827;--fg:#f3f4f6;--muted:#9ca3af;--line:#374151;--bubble:#1f2937;
  --pm-shadow:0 14px 44px rgba(0,0,0,.5);--pm-ring:0 0 0 1px #374151}}
.inapp.no-launcher{--pm-bottom:var(--offset)}
/* :where() keeps these base rules at element specificity, so every .pm-* rule below wins over them. */
:where(.inapp) *,:where(.inapp) *::before,:where(.inapp) *::after{box-sizing:border-box}
:where(.inapp) button{font:inherit;color:inherit;cursor:pointer}
:where(.inapp) :focus-visible{outline:3px solid #f59e0b;outline-offset:2px}

.pm-body{overflow-wrap:anywhere}
.pm-body p,.pm-body ul,.pm-body ol,.pm-body blockquote,.pm-body pre{margin:0 0 8px}
.pm-body .md>:last-child{margin-block-end:0}
.pm-body h1,.pm-body h2,.pm-body h3{margin:0 0 6px;line-height:1.25;font-weight:700}
.pm-body h1{font-size:20px}.pm-body h2{font-size:18px}.pm-body h3{font-size:16px}
.pm-body ul,.pm-body ol{padding-inline-start:22px}
.pm-body a{color:inherit;text-decoration:underline;text-decoration-color:var(--brand);text-decoration-thickness:2px;text-underline-offset:2px}
.pm-body img{max-inline-size:100%;border-radius:8px}
.pm-body code{font:.9em ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--bubble);padding:1px 4px;border-radius:4px}
.pm-body pre{white-space:pre-wrap;background:var(--bubble);padding:8px 10px;border-radius:8px}
.pm-body pre code{padding:0;background:none}
.pm-body blockquote{border-inline-start:3px solid var(--line);padding-inline-start:10px;color:var(--muted)}
.pm-body hr{border:0;border-block-start:1px solid var(--line);margin:10px 0}
.pm-clamp{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:4;line-clamp:4;overflow:hidden}

.pm-cta{display:block;border:0;border-radius:10px;background:var(--brand);color:var(--brand-text);padding:11px 16px;
  font-weight:600;font-size:15px;line-height:1.3;text-align:center;text-decoration:none;cursor:pointer;transition:filter .15s}
.pm-cta:hover{filter:brightness(1.1)}
.pm-close{flex:none;display:grid;place-items:center;inline-size:30px;block-size:30px;padding:0;border:0;border-radius:50%;background:transparent;color:var(--muted)}
.pm-close:hover{background:var(--bubble);color:var(--fg)}
.pm-close svg{inline-size:16px;block-size:16px}
.pm-close-float{position:absolute;inset-block-start:10px;inset-inline-end:10px;z-index:1;color:var(--fg);
  background:rgba(255,255,255,.9);background:color-mix(in srgb,var(--bg) 88%,transparent);box-shadow:0 1px 4px rgba(0,0,0,.18)}
.pm-close-float:hover{background:var(--bg)}
.pm-close-float+.pm-content .md>:first-child{margin-inline-end:28px}
.pm-content{display:flex;flex-direction:column;gap:14px;padding:18px 20px 20px}
.pm-image{display:block;inline-size:100%;max-block-size:190px;object-fit:cover;background:var(--bubble)}

.pm-card{position:fixed;z-index:2147483000;inset-block-end:var(--pm-bottom);inset-inline-end:var(--offset);
  inline-size:340px;max-inline-size:calc(100vw - 32px);background:var(--bg);color:var(--fg);border-radius:16px;
  box-shadow:var(--pm-shadow),var(--pm-ring);overflow:hidden;animation:pm-rise .25s cubic-bezier(.2,.9,.3,1.2)}
.inapp.left .pm-card{inset-inline-end:auto;inset-inline-start:var(--offset)}
.pm-chat{padding:14px 16px 16px;cursor:pointer;transition:transform .15s,box-shadow .15s}
.pm-chat:hover{transform:translateY(-2px)}
.pm-chat-head{display:flex;align-items:center;gap:10px;margin-block-end:8px;margin-inline-end:-6px}
.pm-avatar{flex:none;display:grid;place-items:center;inline-size:36px;block-size:36px;border-radius:50%;object-fit:cover;
  background:var(--brand);color:var(--brand-text);font-weight:700;font-size:15px}
.pm-sender{flex:1;min-inline-size:0;font-weight:600;font-size:14px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.pm-chat .pm-body{font-size:15px}
.pm-reply{display:block;inline-size:100%;margin-block-start:14px;padding:9px 14px;border:1px solid var(--line);border-radius:999px;
  background:var(--bg);font-weight:600;font-size:14px;text-align:center;transition:border-color .15s}
.pm-reply:hover{border-color:var(--brand)}

.pm-banner{position:fixed;z-index:2147483000;inset-inline:0;display:grid;grid-template-columns:30px 1fr 30px;align-items:center;column-gap:12px;
  padding:10px 16px;background:var(--brand);color:var(--brand-text);font-size:14px;box-shadow:0 2px 14px rgba(0,0,0,.16)}
.pm-banner-top{inset-block-start:0;padding-block-start:max(10px,env(safe-area-inset-top));animation:pm-drop .3s ease-out}
.pm-banner-bottom{inset-block-end:0;padding-block-end:max(10px,env(safe-area-inset-bottom));animation:pm-lift .3s ease-out}
.pm-banner-inner{grid-column:2;display:flex;flex-wrap:wrap;align-items:center;justify-content:center;gap:8px 16px;text-align:center;min-inline-size:0}
.pm-banner .pm-body{max-inline-size:760px;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;line-clamp:2;overflow:hidden}
.pm-banner .pm-body a{text-decoration-color:currentColor}
.pm-banner .pm-cta{flex:none;padding:6px 14px;font-size:14px;border-radius:8px;background:var(--brand-text);color:var(--brand)}
.pm-banner .pm-close{grid-column:3;color:inherit}
.pm-banner .pm-close:hover{background:rgba(255,255,255,.18);background:color-mix(in srgb,currentColor 18%,transparent)}

.pm-backdrop{position:fixed;inset:0;z-index:2147483001;display:grid;place-items:center;padding:24px;
  background:rgba(15,23,42,.55);animation:pm-fade .2s ease-out}
.pm-modal{position:relative;inline-size:min(480px,100%);max-block-size:calc(100vh - 48px);max-block-size:calc(100dvh - 48px);overflow:auto;
  overscroll-behavior:contain;background:var(--bg);color:var(--fg);border-radius:18px;box-shadow:0 24px 70px rgba(0,0,0,.35),var(--pm-ring);
  animation:pm-pop .25s cubic-bezier(.2,.9,.3,1.2)}
.pm-modal:focus{outline:none}
.pm-modal .pm-image{max-block-size:260px}
.pm-modal .pm-content{gap:20px;padding:26px 28px 28px}
.pm-modal .pm-body{font-size:16px;line-height:1.55}
.pm-modal .pm-body h1{font-size:24px}.pm-modal .pm-body h2{font-size:20px}
.pm-modal .pm-body h1,.pm-modal .pm-body h2{margin-block-end:10px}

.pm-tooltip{position:fixed;z-index:2147483000;top:0;left:0;inline-size:300px;max-inline-size:calc(100vw - 16px);visibility:hidden;
  background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:12px;box-shadow:var(--pm-shadow);font-size:14px;
  animation:pm-fade .2s ease-out}
.pm-tooltip .pm-content{gap:12px;padding:14px 16px 16px;padding-inline-end:40px}
.pm-tooltip .pm-close{position:absolute;inset-block-start:8px;inset-inline-end:8px}
.pm-tooltip .pm-cta{align-self:flex-start;padding:7px 14px;font-size:14px;border-radius:8px}
.pm-arrow{position:absolute;inline-size:14px;block-size:14px;background:var(--bg);transform:rotate(45deg);border:0 solid var(--line)}
/* Physical sides: the square is rotated 45°, so its top-left corner is the tip pointing up, in either direction. */
.pm-tooltip[data-side=bottom] .pm-arrow{top:-8px;border-top-width:1px;border-left-width:1px}
.pm-tooltip[data-side=top] .pm-arrow{bottom:-8px;border-bottom-width:1px;border-right-width:1px}
.pm-tooltip[data-side=left] .pm-arrow{right:-8px;border-top-width:1px;border-right-width:1px}
.pm-tooltip[data-side=right] .pm-arrow{left:-8px;border-bottom-width:1px;border-left-width:1px}

.pm-preview{animation:none}
.pm-card.pm-preview,.pm-banner.pm-preview,.pm-tooltip.pm-preview{position:relative;inset:auto;z-index:auto}
.pm-backdrop.pm-preview{position:relative;inset:auto;z-index:auto;min-block-size:420px;border-radius:12px}
.pm-tooltip.pm-preview{visibility:visible;margin-block-start:10px}
.pm-tooltip.pm-preview .pm-arrow{left:calc(50% - 7px)}

@keyframes pm-rise{from{opacity:0;transform:translateY(14px) scale(.97)}to{opacity:1;transform:none}}
@keyframes pm-pop{from{opacity:0;transform:scale(.95)}to{opacity:1;transform:none}}
@keyframes pm-fade{from{opacity:0}to{opacity:1}}
@keyframes pm-drop{from{transform:translateY(-100%)}to{transform:none}}
@keyframes pm-lift{from{transform:translateY(100%)}to{transform:none}}
@media (prefers-reduced-motion:reduce){
  .pm-card,.pm-banner,.pm-backdrop,.pm-modal,.pm-tooltip{animation:none}
  .pm-chat,.pm-cta,.pm-reply{transition:none}.pm-chat:hover{transform:none}
}
@media (max-width:480px){
  .inapp{--offset:16px;--pm-bottom:88px}
  .pm-card{inline-size:auto;max-inline-size:none;inset-inline:16px}
  .pm-banner{grid-template-columns:0 1fr 30px;column-gap:8px;padding-inline:12px}
  .pm-banner-inner{justify-content:flex-start;text-align:start}
  .pm-backdrop{padding:16px}
  .pm-modal{max-block-size:calc(100vh - 32px);max-block-size:calc(100dvh - 32px)}
  .pm-modal .pm-content{padding:22px 20px 20px}
}
`;
