// Eta templates as module strings rather than files: the build (tsc) copies only .ts
// output to dist, so a template file next to the module would be missing at run time.
// `<%= %>` escapes (autoEscape); `<%~ %>` is used only for the chart SVGs, the CSS and
// the table partial's own (escaped) output.

export const TABLE_TEMPLATE = `<table>
<caption><%= it.table.caption %></caption>
<thead><% if (it.table.groups) { %><tr class="groups"><% it.table.groups.forEach(function (group) { %><th scope="colgroup" colspan="<%= group.span %>"><%= group.label %></th><% }) %></tr><% } %><tr><% it.table.columns.forEach(function (column) { %><th scope="col"<% if (column.numeric) { %> class="num"<% } %>><%= column.label %></th><% }) %></tr></thead>
<tbody>
<% if (it.table.rows.length === 0) { %><tr><td colspan="<%= it.table.columns.length %>" class="empty"><%= it.table.empty %></td></tr>
<% } %><% it.table.rows.forEach(function (row) { %><tr><% row.forEach(function (cell, index) { %><td<% if (it.table.columns[index] && it.table.columns[index].numeric) { %> class="num"<% } %>><%= cell %></td><% }) %></tr>
<% }) %></tbody>
</table>`;

export const PAGE_TEMPLATE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><%= it.title %></title>
<style>
<%~ it.css %>
</style>
</head>
<body>
<header class="report-header">
<p class="publisher">Sector-led improvement support for councils: performance report under the Memorandum of Understanding</p>
<h1><%= it.title %></h1>
<% if (it.provisional !== null) { %><p class="provisional"><%= it.provisional %></p>
<% } %><dl class="facts">
<% it.facts.forEach(function (fact) { %><dt><%= fact.label %></dt><dd><%= fact.value %></dd>
<% }) %></dl>
<p class="trace">Snapshot <%= it.meta.snapshotId %>, SHA-256 <%= it.meta.sha256 %></p>
</header>
<main>
<% it.sections.forEach(function (section) { %><section id="<%= section.id %>" aria-labelledby="<%= section.id %>-title">
<h2 id="<%= section.id %>-title"><%= section.title %></h2>
<% section.notes.forEach(function (note) { %><p><%= note %></p>
<% }) %><% if (section.facts.length > 0) { %><dl class="facts">
<% section.facts.forEach(function (fact) { %><dt><%= fact.label %></dt><dd><%= fact.value %></dd>
<% }) %></dl>
<% } %><% section.figures.forEach(function (figure) { %><figure id="<%= figure.id %>" aria-describedby="<%= figure.id %>-caption">
<div class="chart"><%~ figure.svg %></div>
<figcaption id="<%= figure.id %>-caption"><%= figure.caption %> The table below gives the same figures.</figcaption>
</figure>
<%~ include('@table', { table: figure.table }) %>
<% }) %><% section.tables.forEach(function (table) { %><%~ include('@table', { table: table }) %>
<% }) %></section>
<% }) %></main>
<footer class="report-footer">
<h2>Provenance</h2>
<p>This report is computed from a projected snapshot of the ledger; the snapshot reproduces it byte for byte.</p>
<dl class="facts">
<% it.footer.forEach(function (fact) { %><dt><%= fact.label %></dt><dd><%= fact.value %></dd>
<% }) %></dl>
</footer>
</body>
</html>
`;
