import { describe, expect, it } from "vitest";
import { html, innerHtml } from "./html";

describe("html", () => {
  it("escapes text so a name cannot become markup", () => {
    const name = `<script>alert("x")</script> & 'Ly'`;
    expect(html`<td>${name}</td>`.text).toBe("<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Ly&#39;</td>");
  });

  it("escapes a value inside an attribute, so it cannot close the attribute", () => {
    expect(html`<a href="/cases/${`x" onclick="alert(1)`}">x</a>`.text).toBe('<a href="/cases/x&quot; onclick=&quot;alert(1)">x</a>');
  });

  it("keeps nested templates and lists of them as markup, escaping their own values once", () => {
    const rows = ["Nguyễn & Co", "<b>"].map((n) => html`<li>${n}</li>`);
    expect(html`<ul>${rows}</ul>`.text).toBe("<ul><li>Nguyễn &amp; Co</li><li>&lt;b&gt;</li></ul>");
  });

  it("writes numbers, and nothing for null, undefined and false", () => {
    expect(html`${3}|${null}|${undefined}|${false}|${0}`.text).toBe("3||||0");
  });

  it("gives React an element's content from markup only", () => {
    expect(innerHtml([html`<tr>${"<"}</tr>`, html`<tr></tr>`])).toEqual({ __html: "<tr>&lt;</tr><tr></tr>" });
  });
});
