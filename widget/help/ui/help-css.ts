/** The help views' styles (adopted into the shadow root with the chunk). Logical properties: Arabic mirrors. */
export const HELP_CSS = `
.help{gap:12px}
.help h3{margin:0;font-size:14px;color:var(--muted);font-weight:600}
.help-search{inline-size:100%;border:1px solid var(--line);border-radius:10px;padding:9px 12px;font:inherit;font-size:16px;color:var(--fg);background:var(--bg)}
.articles{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}
.articles a{display:block;border:1px solid var(--line);border-radius:10px;padding:10px 12px;color:var(--fg);text-decoration:none}
.articles a:hover{border-color:var(--brand)}
.articles span{display:block;color:var(--muted);font-size:14px}
.help-article h2{margin:0;font-size:18px}
.help-article .md p{margin:0 0 8px}
.help-article .md img{max-inline-size:100%}
.help-article .md pre{white-space:pre-wrap}
.help-back{align-self:flex-start;display:flex;align-items:center;gap:4px;border:0;background:none;color:var(--brand);padding:4px 0}
.help-back svg{inline-size:18px;block-size:18px}
.vote{display:flex;align-items:center;flex-wrap:wrap;gap:8px;border-block-start:1px solid var(--line);padding-block-start:12px}
.vote span{flex:1}
.vote button{border:1px solid var(--brand);background:var(--bg);color:var(--brand);border-radius:14px;padding:6px 14px}
.vote [aria-pressed=true]{background:var(--brand);color:var(--brand-text)}
.help-status{margin:0;font-size:13px;color:var(--muted)}
.help-status:empty{display:none}
.help-page{font-size:13px;color:var(--muted)}
.answers{border-block-start:1px solid var(--line);padding:8px 12px 0}
.answers p{margin:0 0 6px;font-size:13px;color:var(--muted)}
.answers .articles a{padding:6px 10px}
`;
