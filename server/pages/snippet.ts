/**
 * The script-tag snippet of DESIGN.md §2, exactly as a host page pastes it.
 * Kept in one place: the demo page, the docs and the size check all use it.
 */
export function snippet(host: string, bootArgs = '{ appId: "demo" }'): string {
  return `!function(w,d,h){var m=w.Messenger=w.Messenger||{q:[]};"boot identify track page show hide toggle showNewMessage startTour startSurvey on off consent shutdown".split(" ").forEach(function(k){m[k]=m[k]||function(){m.q.push([k,[].slice.call(arguments)])}});var s=d.createElement("script");s.async=1;s.src=h+"/sdk.js";d.head.appendChild(s)}(window,document,${JSON.stringify(host)});
Messenger.boot(${bootArgs});`;
}
