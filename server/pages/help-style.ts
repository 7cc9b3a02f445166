/**
 * The public help page's styles (served as a file: the page has no inline
 * styles, so a strict CSP holds). Logical properties only: Arabic pages
 * (dir=rtl) mirror.
 */
export const HELP_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans Arabic",sans-serif;color:#1f2937;background:#f8fafc}
a{color:#3730a3}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #6366f1;outline-offset:2px}
.top{background:#312e81;color:#fff;padding-block:24px 32px;padding-inline:24px}
.top .inner,.page{max-inline-size:760px;margin-inline:auto}
.brand{color:#fff;text-decoration:none;font-weight:700;font-size:20px}
.langs{display:flex;gap:12px;margin-block-start:8px;font-size:14px}
.langs a{color:#e0e7ff}
.langs [aria-current]{font-weight:700;text-decoration:none}
form.search{display:flex;gap:8px;margin-block-start:16px}
form.search input{flex:1;font:inherit;padding:10px 14px;border-radius:8px;border:1px solid #c7d2fe;min-inline-size:0}
form.search button{font:inherit;padding:10px 18px;border-radius:8px;border:0;background:#eef2ff;color:#312e81;font-weight:600;cursor:pointer}
.page{padding:24px}
.section{margin-block-end:32px}
.section h2{font-size:20px;margin-block:0 4px}
.section p{margin-block:0 12px;color:#4b5563}
.articles{list-style:none;margin:0;padding:0;border:1px solid #e5e7eb;border-radius:10px;background:#fff}
.articles li+li{border-block-start:1px solid #e5e7eb}
.articles a{display:block;padding:12px 16px;text-decoration:none}
.articles a:hover{background:#f5f3ff}
.articles strong{display:block}
.articles span{display:block;color:#4b5563;font-size:14px}
.crumbs{font-size:14px;margin-block-end:12px}
article h1{font-size:28px;line-height:1.25;margin-block:0 8px}
.lead{font-size:18px;color:#4b5563;margin-block:0 8px}
.meta{font-size:14px;color:#6b7280;margin-block:0 24px}
.md img{max-inline-size:100%;height:auto}
.md pre{background:#0f172a;color:#e2e8f0;padding:16px;border-radius:8px;overflow:auto}
.md code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
.md blockquote{margin-inline:0;padding-inline-start:16px;border-inline-start:4px solid #c7d2fe;color:#374151}
.empty{color:#4b5563}
.visually-hidden{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;
