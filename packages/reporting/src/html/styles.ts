/**
 * The report's styles, every rule scoped to `.pastoe-report`, so the same sheet serves the whole
 * document and an embedded fragment without touching the page around it. No web fonts, no
 * images, no URLs: the file stays self-contained.
 */
export const reportStyles = `
.pastoe-report{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff;line-height:1.45;max-width:64rem;margin:0 auto;padding:1rem;font-size:15px}
.pastoe-report h1{font-size:1.6rem;margin:.2rem 0 1rem}
.pastoe-report h2{font-size:1.3rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid #d0d7de}
.pastoe-report h3{font-size:1.1rem;margin:1.4rem 0 .5rem}
.pastoe-report h4{font-size:.95rem;margin:.7rem 0 .25rem}
.pastoe-report p{margin:.4rem 0}
.pastoe-report code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;color:#57606a;overflow-wrap:anywhere}
.pastoe-report .scroll{overflow-x:auto;margin:.4rem 0}
.pastoe-report table{border-collapse:collapse;width:100%;font-size:.92em}
.pastoe-report th,.pastoe-report td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.pastoe-report th{background:#f6f8fa;overflow-wrap:normal}
.pastoe-report td.num{text-align:right;white-space:nowrap}
.pastoe-report .badge{display:inline-block;min-width:1.3em;padding:0 .4em;border-radius:1em;font-weight:600;font-size:.85em;white-space:nowrap;color:#fff}
.pastoe-report .st-pass{background:#1a7f37}
.pastoe-report .st-fail{background:#cf222e}
.pastoe-report .st-warning{background:#9a6700}
.pastoe-report .st-info{background:#0969da}
.pastoe-report .st-not-tested,.pastoe-report .st-not-applicable{background:#6e7781}
.pastoe-report .st-error{background:#8250df}
.pastoe-report details.check{border:1px solid #d0d7de;border-left-width:5px;border-radius:4px;margin:.35rem 0;padding:.25rem .6rem}
.pastoe-report details.check.needs{border-left-color:#cf222e}
.pastoe-report details.check.c-warning{border-left-color:#9a6700}
.pastoe-report details.check.c-info{border-left-color:#0969da}
.pastoe-report details.check.c-error{border-left-color:#8250df;background:#fbf8ff}
.pastoe-report details.check.c-pass,.pastoe-report details.check.c-not-applicable{border-left-color:#1a7f37}
.pastoe-report details.check.c-not-tested{border-left-color:#6e7781}
.pastoe-report summary{cursor:pointer;padding:.15rem 0}
.pastoe-report summary code{margin-left:.4em}
.pastoe-report .error{font-weight:600;color:#6639ba}
.pastoe-report dl.texts dt{font-weight:600;margin-top:.5rem}
.pastoe-report dl.texts dd{margin:.1rem 0 .3rem 0}
.pastoe-report dd.supplier{border-left:3px solid #d0d7de;padding-left:.6rem;font-style:italic}
.pastoe-report ul.findings{margin:.3rem 0;padding-left:1.3rem}
.pastoe-report .score{float:right;font-weight:600}
.pastoe-report .note{color:#57606a;font-size:.9em}
.pastoe-report dl.provenance{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;font-size:.9em}
.pastoe-report dl.provenance dt{font-weight:600}
.pastoe-report dl.provenance dd{margin:0;overflow-wrap:anywhere}
.pastoe-report .pastoe-chart{max-width:44rem;display:block;margin:.6rem 0}
@media (max-width:40rem){.pastoe-report{padding:.5rem;font-size:14px}.pastoe-report dl.provenance{grid-template-columns:1fr}.pastoe-report .score{float:none;display:block}}
@media print{.pastoe-report{max-width:none;padding:0;font-size:11pt}.pastoe-report .badge{border:1px solid #000;-webkit-print-color-adjust:exact;print-color-adjust:exact}.pastoe-report details.check,.pastoe-report table,.pastoe-report svg{break-inside:avoid}.pastoe-report h2,.pastoe-report h3{break-after:avoid}.pastoe-report section.domain{break-before:page}.pastoe-report section.domain:first-of-type{break-before:auto}}
`.trim();
