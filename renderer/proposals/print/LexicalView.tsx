import type { ReactNode } from 'react';
import type { JsonObject } from '../../../core/notes/lexical-document';
import { blocksOf } from '../../../core/proposals/lexical-json';
import { StoredImage } from '../../lib/StoredImage';

/**
 * A proposal section body (serialized Lexical JSON, already checked by the backend) as plain React
 * elements for the print page: far lighter than an editor per section on a 40-page document, and
 * every text goes through React, so nothing in the document is ever treated as HTML. Body headings
 * sit one level under the section title (h2), as in the DOCX and Markdown exports.
 */

type Node = JsonObject;

// Lexical's text format bits.
const BOLD = 1;
const ITALIC = 2;
const STRIKETHROUGH = 4;
const UNDERLINE = 8;
const CODE = 16;
const SUBSCRIPT = 32;
const SUPERSCRIPT = 64;
const HIGHLIGHT = 128;

function childrenOf(node: Node): Node[] {
  return Array.isArray(node.children) ? (node.children as unknown[]).filter((c): c is Node => typeof c === 'object' && c !== null) : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function formattedText(text: string, format: number, key: number): ReactNode {
  let out: ReactNode = text;
  if (format & CODE) out = <code>{out}</code>;
  if (format & SUBSCRIPT) out = <sub>{out}</sub>;
  if (format & SUPERSCRIPT) out = <sup>{out}</sup>;
  if (format & HIGHLIGHT) out = <mark>{out}</mark>;
  if (format & STRIKETHROUGH) out = <s>{out}</s>;
  if (format & UNDERLINE) out = <u>{out}</u>;
  if (format & ITALIC) out = <em>{out}</em>;
  if (format & BOLD) out = <strong>{out}</strong>;
  return <span key={key}>{out}</span>;
}

function PrintImage({ sha256, alt, missing }: { sha256: string; alt: string; missing: string }) {
  return <StoredImage className="print-image" sha256={sha256} alt={alt} fallback={<span className="print-image-missing">[{alt || missing}]</span>} />;
}

function inline(nodes: readonly Node[], labels: ViewLabels): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
      case 'code-highlight':
        return formattedText(str(node.text), typeof node.format === 'number' ? node.format : 0, i);
      case 'linebreak':
        return <br key={i} />;
      case 'tab':
        return <span key={i}>{'\t'}</span>;
      case 'variable':
        return (
          <mark key={i} className="print-variable">
            {`{{${str(node.name)}}}`}
          </mark>
        );
      case 'image':
        return <PrintImage key={i} sha256={str(node.sha256)} alt={str(node.altText)} missing={labels.image} />;
      case 'link':
      case 'autolink': {
        const url = str(node.url);
        // kb: links lead into the app, which the reader of the printed proposal does not have.
        return /^(https?:|mailto:)/i.test(url) ? (
          <a key={i} href={url} target="_blank" rel="noreferrer noopener">
            {inline(childrenOf(node), labels)}
          </a>
        ) : (
          <span key={i}>{inline(childrenOf(node), labels)}</span>
        );
      }
      default:
        return <span key={i}>{inline(childrenOf(node), labels)}</span>;
    }
  });
}

function List({ node, labels }: { node: Node; labels: ViewLabels }) {
  const type = str(node.listType);
  const items = childrenOf(node).map((item, i) => {
    const kids = childrenOf(item);
    const nested = kids.filter((k) => k.type === 'list');
    const own = kids.filter((k) => k.type !== 'list');
    const onlyNested = own.length === 0 && nested.length > 0;
    return (
      <li key={i} className={onlyNested ? 'print-li-nested' : type === 'check' ? (item.checked === true ? 'print-li-checked' : 'print-li-unchecked') : undefined}>
        {type === 'check' && !onlyNested && <span aria-hidden="true">{item.checked === true ? '☑ ' : '☐ '}</span>}
        {inline(own, labels)}
        {nested.map((sub, k) => (
          <List key={k} node={sub} labels={labels} />
        ))}
      </li>
    );
  });
  if (type === 'number') return <ol start={typeof node.start === 'number' ? node.start : 1}>{items}</ol>;
  return <ul className={type === 'check' ? 'print-checklist' : undefined}>{items}</ul>;
}

function Table({ node, labels }: { node: Node; labels: ViewLabels }) {
  const rows = childrenOf(node);
  return (
    <table className="print-table">
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {childrenOf(row).map((cell, c) => {
              const content = childrenOf(cell).map((b, k) => <Block key={k} node={b} labels={labels} />);
              return typeof cell.headerState === 'number' && cell.headerState !== 0 ? (
                <th key={c} scope={r === 0 ? 'col' : 'row'}>
                  {content}
                </th>
              ) : (
                <td key={c}>{content}</td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Block({ node, labels }: { node: Node; labels: ViewLabels }) {
  switch (node.type) {
    case 'heading': {
      const level = Number(/^h([1-6])$/.exec(str(node.tag))?.[1] ?? 2);
      const Tag = level <= 2 ? 'h3' : level === 3 ? 'h4' : 'h5';
      return <Tag>{inline(childrenOf(node), labels)}</Tag>;
    }
    case 'quote':
      return <blockquote>{inline(childrenOf(node), labels)}</blockquote>;
    case 'list':
      return <List node={node} labels={labels} />;
    case 'table':
      return <Table node={node} labels={labels} />;
    case 'code':
      return (
        <pre>
          <code>{childrenOf(node).map((c) => (c.type === 'linebreak' ? '\n' : c.type === 'tab' ? '\t' : str(c.text)))}</code>
        </pre>
      );
    default:
      return <p>{inline(childrenOf(node), labels)}</p>;
  }
}

export type ViewLabels = { image: string };

/** The body's blocks; an empty paragraph keeps its line, as in the editor. */
export function LexicalView({ json, labels }: { json: string; labels: ViewLabels }) {
  return (
    <>
      {blocksOf(json).map((node, i) => (
        <Block key={i} node={node} labels={labels} />
      ))}
    </>
  );
}
