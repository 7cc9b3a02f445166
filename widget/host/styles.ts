/**
 * The widget's CSS, adopted into its shadow root as a constructable stylesheet:
 * no <style> or style="" in the host page, so a strict CSP needs no
 * 'unsafe-inline', and nothing leaks in or out. Logical properties throughout
 * (inset-inline-end, margin-inline-start…) so RTL is a `dir` flip.
 * Per-workspace values (brand colour, launcher side and offset) are not here:
 * shadow-host.ts writes them into a second, "brand" sheet (see `brandCss`).
 */
export const WIDGET_CSS = `
:host{all:initial}
*,*::before,*::after{box-sizing:border-box}
.root{--brand:#4f46e5;--brand-text:#fff;--bg:#fff;--fg:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bubble:#f3f4f6;
  font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;color:var(--fg);
  --offset:20px;position:fixed;inset-block-end:20px;inset-inline-end:var(--offset);z-index:2147483000;display:flex;flex-direction:column;align-items:flex-end;gap:12px}
.root.left{inset-inline-end:auto;inset-inline-start:var(--offset);align-items:flex-start}
@media (prefers-color-scheme:dark){.root{--bg:#111827;--fg:#f3f4f6;--muted:#9ca3af;--line:#374151;--bubble:#1f2937}}
button{font:inherit;color:inherit;cursor:pointer}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.launcher{position:relative;inline-size:56px;block-size:56px;border-radius:50%;border:0;background:var(--brand);color:var(--brand-text);
  box-shadow:0 6px 20px rgba(0,0,0,.22);display:grid;place-items:center;transition:transform .15s ease}
.launcher:hover{transform:scale(1.06)}
.launcher svg{inline-size:26px;block-size:26px}
.badge{position:absolute;inset-block-start:-4px;inset-inline-end:-4px;min-inline-size:20px;block-size:20px;padding:0 6px;border-radius:10px;
  background:#dc2626;color:#fff;font-size:12px;font-weight:700;line-height:20px;text-align:center;border:2px solid #fff}
.panel{inline-size:380px;block-size:min(640px,calc(100vh - 120px));block-size:min(640px,calc(100dvh - 120px));background:var(--bg);border-radius:16px;
  box-shadow:0 12px 48px rgba(0,0,0,.25);display:flex;flex-direction:column;overflow:hidden;animation:rise .18s ease-out}
@keyframes rise{from{opacity:0;transform:translateY(8px)}to{opacity:1;transform:none}}
@media (prefers-reduced-motion:reduce){.panel{animation:none}.launcher{transition:none}}
.header{background:var(--brand);color:var(--brand-text);padding:16px 16px 18px;display:flex;align-items:flex-start;gap:8px}
.header .titles{flex:1;min-inline-size:0}
.header h2{margin:0;font-size:18px;font-weight:700}
.header p{margin:4px 0 0;font-size:14px;opacity:.92}
.avatars{display:flex;margin:0 0 10px;padding:0;list-style:none}
.avatars li{margin-inline-start:-8px}
.avatars li:first-child{margin-inline-start:0}
.avatars img{display:block;inline-size:32px;block-size:32px;border-radius:50%;object-fit:cover;border:2px solid var(--brand);background:var(--bg)}
.icon-btn{border:0;background:transparent;color:inherit;inline-size:36px;block-size:36px;border-radius:8px;display:grid;place-items:center;flex:none}
.icon-btn:hover{background:rgba(255,255,255,.16);background:color-mix(in srgb,currentColor 16%,transparent)}
.icon-btn svg{inline-size:20px;block-size:20px}
[dir=rtl] .flip{transform:scaleX(-1)}
.body{flex:1;min-block-size:0;display:flex;flex-direction:column}
.list{flex:1;overflow:auto;padding:12px;display:flex;flex-direction:column;gap:8px}
.primary{border:0;background:var(--brand);color:var(--brand-text);border-radius:10px;padding:12px 16px;font-weight:600;text-align:center}
.conv{display:flex;gap:10px;align-items:center;text-align:start;border:1px solid var(--line);background:var(--bg);border-radius:10px;padding:10px 12px;inline-size:100%}
.conv:hover{border-color:var(--brand)}
.conv .text{flex:1;min-inline-size:0}
.conv .who{display:block;font-weight:600;font-size:14px}
.conv .preview{display:block;color:var(--muted);font-size:14px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.conv time{color:var(--muted);font-size:12px}
.dot{inline-size:10px;block-size:10px;border-radius:50%;background:var(--brand);flex:none}
.empty{color:var(--muted);text-align:center;margin:24px 0}
.thread{flex:1;overflow:auto;padding:16px 12px;display:flex;flex-direction:column;gap:6px}
.msg{max-inline-size:80%;display:flex;flex-direction:column;gap:2px}
.msg.mine{align-self:flex-end;align-items:flex-end}
.msg.theirs{align-self:flex-start;align-items:flex-start}
.author{font-size:12px;color:var(--muted);margin-inline:4px}
.bubble{padding:8px 12px;border-radius:14px;background:var(--bubble);overflow-wrap:anywhere}
.mine .bubble{background:var(--brand);color:var(--brand-text)}
.mine .bubble a{color:inherit}
.bubble p{margin:0}.bubble p+p{margin-block-start:6px}
.bubble pre{white-space:pre-wrap;margin:4px 0}
.bubble img{max-inline-size:100%;border-radius:8px}
.meta{font-size:12px;color:var(--muted);margin-inline:4px;display:flex;gap:6px;align-items:center}
.meta .fail{color:#b91c1c}
.link-btn{border:0;background:none;color:var(--brand);text-decoration:underline;padding:0;font-size:12px}
.choices{display:flex;flex-wrap:wrap;gap:6px;margin-block-start:4px}
.choice{border:1px solid var(--brand);background:var(--bg);color:var(--brand);border-radius:14px;padding:6px 12px}
.choice:disabled{opacity:.5}
.typing{font-size:13px;color:var(--muted);padding:0 16px 6px;min-block-size:20px}
.notice{font-size:13px;color:var(--muted);text-align:center;padding:6px 12px}
.composer{display:flex;gap:8px;align-items:flex-end;border-block-start:1px solid var(--line);padding:10px 12px;background:var(--bg)}
.composer textarea{flex:1;resize:none;border:1px solid var(--line);border-radius:10px;padding:9px 12px;font:inherit;font-size:16px;
  color:var(--fg);background:var(--bg);max-block-size:120px;min-block-size:42px}
.send{border:0;background:var(--brand);color:var(--brand-text);border-radius:10px;block-size:42px;padding:0 14px;font-weight:600}
.send:disabled{opacity:.5;cursor:default}
.tabs{display:flex;border-block-start:1px solid var(--line)}
.tabs button{flex:1;border:0;background:none;padding:10px;color:var(--muted);font-weight:600}
.tabs [aria-current]{color:var(--brand);box-shadow:inset 0 2px var(--brand)}
.visually-hidden{position:absolute!important;inline-size:1px;block-size:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){
  .root{--offset:16px;inset-block-end:16px}
  .root.open{inset:0;gap:0}
  .root.open .launcher{display:none}
  .root.open .panel{inline-size:100vw;block-size:100vh;block-size:var(--parley-vvh,100dvh);border-radius:0;transform:translateY(var(--parley-vv-top,0px));
    padding-block-end:env(safe-area-inset-bottom);padding-inline:env(safe-area-inset-left) env(safe-area-inset-right)}
}
.composer .emoji{position:relative;align-self:center}
.emoji-toggle{color:var(--muted);font-size:20px}
.emoji-toggle:hover{background:var(--bubble)}
.emoji-grid{position:absolute;inset-block-end:44px;inset-inline-end:0;display:grid;grid-template-columns:repeat(6,36px);gap:2px;padding:6px;
  background:var(--bg);border:1px solid var(--line);border-radius:10px;box-shadow:0 6px 20px rgba(0,0,0,.18)}
.emoji-grid button{border:0;background:none;font-size:20px;block-size:36px;border-radius:6px}
.emoji-grid button:hover{background:var(--bubble)}
.email-capture{border-block-start:1px solid var(--line);padding:12px;display:flex;flex-direction:column;gap:8px}
.email-capture p{margin:0;font-size:14px}
.email-capture .row{display:flex;gap:8px}
.email-capture input{flex:1;min-inline-size:0;border:1px solid var(--line);border-radius:10px;padding:9px 12px;font:inherit;font-size:16px;color:var(--fg);background:var(--bg)}
.email-capture .fail{color:#b91c1c;font-size:13px}
.composer{flex-wrap:wrap}
.composer .attach{color:var(--muted);align-self:center}
.composer .attach:hover{background:var(--bubble)}
.upload-error{flex-basis:100%;margin:0;color:#b91c1c;font-size:13px}
.upload-error:empty{display:none}
.pending{flex-basis:100%;display:flex;flex-wrap:wrap;gap:6px;margin:0;padding:0;list-style:none}
.pending li{display:flex;align-items:center;gap:6px;max-inline-size:100%;padding-block:2px;padding-inline:10px 2px;border-radius:8px;border:1px solid var(--line);font-size:13px}
.pending .name,.att-file .name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;max-inline-size:180px}
.pending .size,.att-file .size{color:var(--muted);flex:none}
.pending .icon-btn{inline-size:28px;block-size:28px}
.pending .icon-btn svg{inline-size:14px;block-size:14px}
.atts{display:flex;flex-direction:column;align-items:inherit;gap:4px;margin:0;padding:0;list-style:none;max-inline-size:100%}
.att-img{display:block}
.att-img img{display:block;max-inline-size:min(240px,100%);max-block-size:240px;border-radius:10px;border:1px solid var(--line);background:var(--bubble)}
.att-file{display:flex;align-items:center;gap:6px;max-inline-size:100%;padding:8px 12px;border-radius:14px;border:1px solid var(--line);background:var(--bg);color:var(--fg);text-decoration:none;font-size:14px}
.att-file:hover{border-color:var(--brand)}
.att-file svg{inline-size:16px;block-size:16px;flex:none;color:var(--muted)}
`;
