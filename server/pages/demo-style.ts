/**
 * The demo host page's own styles (served as a file: the page has no inline
 * styles). Logical properties only, so `?lang=ar` (dir=rtl) mirrors the page.
 */
export const DEMO_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#f8fafc;display:flex;flex-direction:column;min-block-size:100vh}
.top{display:flex;justify-content:space-between;align-items:center;padding:12px 24px;background:#111827;color:#fff}
.who{font-size:14px;opacity:.85}
.layout{display:flex;flex:1}
nav{display:flex;flex-direction:column;gap:4px;padding:16px;inline-size:200px;background:#fff;border-inline-end:1px solid #e5e7eb}
nav a{padding:8px 12px;border-radius:6px;color:#374151;text-decoration:none}
nav a:hover,nav a:focus-visible{background:#eef2ff;color:#3730a3}
nav a[aria-current=page]{background:#e0e7ff;color:#312e81;font-weight:600}
main{flex:1;padding:24px 32px;max-inline-size:820px}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin:16px 0}
.demo-controls{margin:0;padding:8px 24px;background:#fff;border-block-end:1px dashed #a5b4fc}
button{font:inherit;padding:8px 14px;border-radius:6px;border:1px solid #c7d2fe;background:#eef2ff;color:#3730a3;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #6366f1;outline-offset:2px}
pre{background:#0f172a;color:#e2e8f0;padding:16px;border-radius:8px;overflow:auto;font-size:13px;white-space:pre-wrap;word-break:break-all}
h2{font-size:18px;margin-block:24px 8px}
.callout{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;margin-block:16px;padding:16px;border-radius:8px;background:#fff;border:1px solid #e5e7eb;border-inline-start:4px solid #4f46e5}
.callout h2{margin:0;flex-basis:100%}
.callout p{margin:0;flex:1}
button:disabled{cursor:not-allowed;opacity:.6}
.cards{display:flex;flex-wrap:wrap;gap:16px}
.card{flex:1 1 240px;margin-block:16px 0;padding:16px;border-radius:8px;background:#fff;border:1px solid #e5e7eb}
.card h2{margin-block:0 8px}
.figure{font-size:28px;font-weight:700;margin:0}
.figure span{font-size:14px;font-weight:400;color:#4b5563}
.plain-list{padding-inline-start:20px}
fieldset.card{display:flex;flex-direction:column;gap:8px}
legend{font-weight:600;padding-inline:4px}
label{display:block}
input[type=text]{font:inherit;margin-block-start:4px;padding:6px 10px;border:1px solid #9ca3af;border-radius:6px;inline-size:min(100%,320px)}
input:focus-visible{outline:3px solid #6366f1;outline-offset:2px}
.loading{color:#4b5563;font-style:italic}
.report-list{display:flex;flex-wrap:wrap;gap:8px;list-style:none;margin:0;padding:0}
.report-list li{padding:4px 12px;border-radius:999px;background:#fff;border:1px solid #e5e7eb;font-size:14px}
.report-list li[aria-current]{background:#e0e7ff;border-color:#c7d2fe;color:#312e81}
.report-toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;margin-block:16px 8px}
.report-toolbar h2{margin:0;margin-inline-end:auto}
#export-status{flex-basis:100%;font-size:14px;color:#065f46}
#export-status:empty{display:none}
/* The scrolled container: the total row is below the fold of this panel, not of the page. */
.report-table-wrap{block-size:280px;overflow:auto;background:#fff;border:1px solid #e5e7eb;border-radius:8px}
.report-table-wrap:focus-visible{outline:3px solid #6366f1;outline-offset:2px}
table{inline-size:100%;border-collapse:collapse;font-size:14px}
th,td{padding:6px 12px;border-block-end:1px solid #f1f5f9;text-align:start}
td,thead th+th{text-align:end}
td{font-variant-numeric:tabular-nums}
tbody th{font-weight:500}
thead th{position:sticky;inset-block-start:0;background:#f1f5f9}
tfoot th,tfoot td{font-weight:700;background:#eef2ff;border-block-end:0}
@media (max-width:640px){
  .layout{flex-direction:column}
  nav{flex-direction:row;inline-size:auto;overflow-x:auto;padding:8px;border-inline-end:0;border-block-end:1px solid #e5e7eb}
  nav a,.demo-controls button{white-space:nowrap}
  .demo-controls{flex-wrap:nowrap;overflow-x:auto;padding-inline:8px}
  main{padding:16px}
}
`;
