/** The demo host page's own styles (served as a file: the page has no inline styles). */
export const DEMO_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#f8fafc}
.top{display:flex;justify-content:space-between;align-items:center;padding:12px 24px;background:#111827;color:#fff}
.who{font-size:14px;opacity:.85}
.layout{display:flex;min-height:calc(100vh - 48px)}
nav{display:flex;flex-direction:column;gap:4px;padding:16px;inline-size:200px;background:#fff;border-inline-end:1px solid #e5e7eb}
nav a{padding:8px 12px;border-radius:6px;color:#374151;text-decoration:none}
nav a:hover,nav a:focus-visible{background:#eef2ff;color:#3730a3}
main{flex:1;padding:24px 32px;max-inline-size:820px}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin:16px 0}
button{font:inherit;padding:8px 14px;border-radius:6px;border:1px solid #c7d2fe;background:#eef2ff;color:#3730a3;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #6366f1;outline-offset:2px}
pre{background:#0f172a;color:#e2e8f0;padding:16px;border-radius:8px;overflow:auto;font-size:13px;white-space:pre-wrap;word-break:break-all}
@media (max-width:640px){nav{display:none}main{padding:16px}}
`;
