import { DomUtils, parseDOM } from 'htmlparser2';
import type { HtmlElement, HtmlNode } from '../../../core/templates/docx-import';

/**
 * HTML (mammoth's, from a Word document) → the plain element tree core's DOCX import reads. Parsed
 * by htmlparser2, a real HTML parser: entities decoded, tags and attribute names in lower case,
 * unclosed and stray tags handled as browsers do. Comments and processing instructions are dropped;
 * nothing here is ever rendered as HTML.
 */

type DomNode = ReturnType<typeof parseDOM>[number];

function convert(nodes: readonly DomNode[]): HtmlNode[] {
  const out: HtmlNode[] = [];
  for (const node of nodes) {
    if (DomUtils.isText(node)) {
      // Neighbouring text (split by a dropped comment) reads as one.
      const last = out.at(-1);
      if (typeof last === 'string') out[out.length - 1] = last + node.data;
      else out.push(node.data);
    } else if (DomUtils.isTag(node)) {
      out.push({ tag: node.name.toLowerCase(), attrs: { ...node.attribs }, children: convert(node.children) });
    }
  }
  return out;
}

export function parseHtml(html: string): HtmlElement {
  return { tag: 'root', attrs: {}, children: convert(parseDOM(html, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true })) };
}
