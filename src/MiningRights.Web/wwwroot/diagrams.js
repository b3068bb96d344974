// Draws every <pre class="mermaid"> from its text; strict security: labels are text, never HTML or links.
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral' });
mermaid.run({ querySelector: 'pre.mermaid' }).then(function () {
    document.querySelectorAll('pre.mermaid').forEach(function (element) { element.setAttribute('data-drawn', 'true'); });
});
