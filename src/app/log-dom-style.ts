/** The text log's stylesheet, kept apart from its DOM code. */

/** Add the stylesheet once per document (a string, so the module also works outside Vite). */
export function injectStyle(): void {
  if (document.getElementById('sf-log-style')) return;
  const style = document.createElement('style');
  style.id = 'sf-log-style';
  style.textContent = DOM_LOG_CSS;
  document.head.append(style);
}

/** The DOM log's stylesheet: a dark side panel about 380 px wide. */
export const DOM_LOG_CSS = `
.sf-log { display: flex; flex-direction: column; height: 100%; min-height: 0; box-sizing: border-box;
  background: #18212b; color: #e6edf3; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  border-left: 1px solid #34414e; }
.sf-log-title { margin: 0; padding: 10px 12px 4px; font-size: 14px; font-weight: 600; }
.sf-log-filters { display: flex; gap: 8px; padding: 4px 12px 10px; border-bottom: 1px solid #34414e; }
.sf-log-filter { display: flex; flex-direction: column; gap: 2px; flex: 1; min-width: 0; color: #9aa7b4; font-size: 11px; }
.sf-log-filter select { background: #1f2a36; color: #e6edf3; border: 1px solid #34414e; border-radius: 6px;
  padding: 4px 6px; font: inherit; font-size: 12px; min-width: 0; }
.sf-log-turns { flex: 1; min-height: 0; overflow-y: auto; padding: 0 6px 12px; }
.sf-log-turn h3 { margin: 0; padding: 10px 6px 4px; font-size: 12px; color: #ffd166; font-weight: 600;
  position: sticky; top: 0; background: #18212b; border-bottom: 1px solid #34414e; z-index: 1; }
.sf-log ol { list-style: none; margin: 0; padding: 0; }
.sf-log-row { display: flex; align-items: center; gap: 6px; width: 100%; padding: 4px 6px; border: 0;
  border-radius: 4px; background: none; color: inherit; font: inherit; text-align: left; cursor: pointer; }
.sf-log-row:hover, .sf-log-row[aria-expanded="true"] { background: #212c38; }
.sf-log-row:focus-visible { outline: 2px solid #ffd166; outline-offset: -2px; }
.sf-log-badge { flex: none; margin-top: 1px; width: 70px; text-align: center; font-size: 9px; font-weight: 700; letter-spacing: 0.03em;
  padding: 2px 0; border-radius: 3px; background: rgba(154,167,180,0.14); color: #9aa7b4; }
.sf-log-b-roll { color: #8fb8de; background: rgba(143,184,222,0.16); }
.sf-log-b-ai { color: #c3a6e0; background: rgba(195,166,224,0.16); }
.sf-log-b-decision { color: #7fd1b9; background: rgba(127,209,185,0.16); }
.sf-log-b-event { color: #e8c07a; background: rgba(232,192,122,0.16); }
.sf-log-b-key, .sf-log-b-outcome { color: #ffd166; background: rgba(255,209,102,0.16); }
.sf-log-b-escalation { color: #ff8a8a; background: rgba(255,107,107,0.16); }
.sf-log-code { flex: none; width: 24px; text-align: center; font-size: 10px; font-weight: 700; border-radius: 3px; padding: 1px 0; }
.sf-log-title-text { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.sf-log-t-change .sf-log-title-text { color: #9aa7b4; }
.sf-log-line { display: flex; align-items: flex-start; gap: 4px; }
.sf-log-line > .sf-log-row { flex: 1; min-width: 0; align-items: flex-start; }
.sf-log-fold { flex: none; margin: 3px 2px 0 0; padding: 1px 8px; border: 1px solid #5c5030; border-radius: 10px;
  background: rgba(255,209,102,0.10); color: #ffd166; font: 600 11px system-ui, sans-serif; cursor: pointer; white-space: nowrap; }
.sf-log-fold::after { content: " ▸"; }
.sf-log-fold[aria-expanded="true"]::after { content: " ▾"; }
.sf-log-fold:hover, .sf-log-fold[aria-expanded="true"] { background: rgba(255,209,102,0.22); }
.sf-log-fold:focus-visible { outline: 2px solid #ffd166; outline-offset: 1px; }
.sf-log-kids { margin: 0 0 4px 12px !important; border-left: 1px solid #34414e; }
.sf-log-b-note { color: #a9b6c2; }
.sf-log-key > .sf-log-row { background: #2a2616; box-shadow: inset 3px 0 #ffd166; font-weight: 600; }
.sf-log-details { margin: 2px 6px 8px; padding: 8px 10px; background: #0d1319; border-left: 2px solid #46525e;
  border-radius: 0 4px 4px 0; font-size: 12px; }
.sf-log-details p { margin: 0 0 6px; }
.sf-log-when { color: #9aa7b4; }
.sf-log-details table { border-collapse: collapse; width: 100%; margin: 0 0 8px;
  font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 11px; }
.sf-log-details caption { text-align: left; color: #9aa7b4; font: 600 10px system-ui, sans-serif;
  text-transform: uppercase; letter-spacing: 0.05em; padding: 2px 0; }
.sf-log-details th { text-align: left; font-weight: 400; color: #c9d4de; padding: 1px 6px 1px 0; }
.sf-log-details td { text-align: right; padding: 1px 0 1px 6px; font-variant-numeric: tabular-nums; }
.sf-log-grid thead th { color: #9aa7b4; text-align: right; }
.sf-log-grid thead th:first-child { text-align: left; }
.sf-log-chosen th, .sf-log-chosen td { color: #7fd1b9; font-weight: 700; }
.sf-log-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
