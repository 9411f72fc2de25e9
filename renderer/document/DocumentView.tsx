import type { ReactNode } from 'react';
import type { Block, DocumentFile, DocumentModel, Inline, ListBlock, Mark, TableBlock, TableCell } from '../../core/document/model';
import { DOCUMENT_WORDS, type DocumentWords } from '../../core/document/words';
import { RadarChart } from '../charts/RadarChart';
import { Gantt } from '../charts/Gantt';
import { htmlLang } from '../i18n/translate';
import { StoredImage } from '../lib/StoredImage';
import './document.css';

/**
 * A document (core/document/model.ts) as an A4 sheet for printing: the print pages of proposals
 * and of the assessment report both render their document here, from the same model the DOCX and
 * Markdown are written from. Every text goes through React, so nothing in a document is ever
 * treated as HTML; the sheet speaks the document's language, whatever the UI's.
 */

type Ctx = { words: DocumentWords };

const MARK_ELEMENTS: readonly [Mark, (children: ReactNode) => ReactNode][] = [
  ['code', (c) => <code>{c}</code>],
  ['subscript', (c) => <sub>{c}</sub>],
  ['superscript', (c) => <sup>{c}</sup>],
  ['highlight', (c) => <mark>{c}</mark>],
  ['strikethrough', (c) => <s>{c}</s>],
  ['underline', (c) => <u>{c}</u>],
  ['italic', (c) => <em>{c}</em>],
  ['bold', (c) => <strong>{c}</strong>],
];

function marked(content: ReactNode, marks: readonly Mark[] = []): ReactNode {
  return MARK_ELEMENTS.reduce((out, [mark, wrap]) => (marks.includes(mark) ? wrap(out) : out), content);
}

function Picture({ sha256, alt, ctx, className }: { sha256: string; alt: string; ctx: Ctx; className?: string }) {
  // The words stay when the picture cannot, as in the DOCX.
  const missing = <span className="doc-image-missing">[{alt ? `${ctx.words.image}: ${alt}` : ctx.words.image}]</span>;
  return <StoredImage className={className ?? 'doc-image'} sha256={sha256} alt={alt} fallback={missing} />;
}

function Runs({ runs, ctx }: { runs: readonly Inline[]; ctx: Ctx }) {
  return (
    <>
      {runs.map((run, i) => {
        switch (run.kind) {
          case 'text':
            return <span key={i}>{marked(run.text, run.marks)}</span>;
          case 'break':
            return <br key={i} />;
          case 'variable':
            return (
              <mark key={i} className="doc-variable">
                {marked(`{{${run.name}}}`, run.marks)}
              </mark>
            );
          case 'image':
            return <Picture key={i} sha256={run.sha256} alt={run.alt} ctx={ctx} />;
          case 'link':
            return (
              <a key={i} href={run.url} target="_blank" rel="noreferrer noopener">
                <Runs runs={run.content} ctx={ctx} />
              </a>
            );
        }
      })}
    </>
  );
}

function List({ block, ctx }: { block: ListBlock; ctx: Ctx }) {
  const items = block.items.map((item, i) => (
    <li key={i} className={block.style === 'check' ? (item.checked ? 'doc-checked' : 'doc-unchecked') : undefined}>
      {block.style === 'check' && <span aria-hidden="true">{item.checked ? '☑ ' : '☐ '}</span>}
      <Runs runs={item.content} ctx={ctx} />
      {item.lists.map((sub, k) => (
        <List key={k} block={sub} ctx={ctx} />
      ))}
    </li>
  ));
  if (block.style === 'number') return <ol start={block.start}>{items}</ol>;
  return <ul className={block.style === 'check' ? 'doc-checklist' : undefined}>{items}</ul>;
}

function Cell({ cell, header, numeric, ctx }: { cell: TableCell | undefined; header: 'col' | 'row' | null; numeric: boolean; ctx: Ctx }) {
  const rowHeading = header === null && typeof cell === 'object' && cell.header === true;
  const content = cell === undefined ? null : typeof cell === 'string' ? cell : cell.blocks.map((b, i) => <BlockView key={i} block={b} ctx={ctx} />);
  const className = [typeof cell === 'string' ? 'doc-text-cell' : '', numeric ? 'num' : ''].filter(Boolean).join(' ') || undefined;
  if (header !== null || rowHeading) {
    return (
      <th scope={header ?? 'row'} className={className}>
        {content}
      </th>
    );
  }
  return <td className={className}>{content}</td>;
}

function Table({ block, ctx }: { block: TableBlock; ctx: Ctx }) {
  const width = Math.max(block.columns.length, ...block.rows.map((r) => r.length), 1);
  const columns = Array.from({ length: width }, (_, i) => i);
  const widths = block.widths?.length === width ? block.widths : null;
  const total = widths ? widths.reduce((a, b) => a + b, 0) || 1 : 1;
  const numeric = (i: number): boolean => block.numeric?.[i] === true;
  return (
    <table className="doc-table">
      {widths && (
        <colgroup>
          {widths.map((w, i) => (
            <col key={i} style={{ width: `${(100 * w) / total}%` }} />
          ))}
        </colgroup>
      )}
      {block.columns.length > 0 && (
        <thead>
          <tr>
            {columns.map((i) => (
              <Cell key={i} cell={block.columns[i]} header="col" numeric={numeric(i)} ctx={ctx} />
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {block.rows.map((row, r) => (
          <tr key={r}>
            {columns.map((i) => (
              <Cell key={i} cell={row[i]} header={null} numeric={numeric(i)} ctx={ctx} />
            ))}
          </tr>
        ))}
      </tbody>
      {block.totals && block.totals.length > 0 && (
        <tfoot>
          {block.totals.map(([label, figure], r) => (
            <tr key={r} className="doc-total">
              <th scope="row" colSpan={Math.max(1, width - 1)} className="num">
                {label}
              </th>
              <td className="num">{figure}</td>
            </tr>
          ))}
        </tfoot>
      )}
    </table>
  );
}

function Fields({ rows, ctx }: { rows: readonly { label: string; value: string }[]; ctx: Ctx }) {
  return (
    <dl className="doc-fields">
      {rows.map((row, i) => (
        <div key={i}>
          <dt>
            {row.label}
            {ctx.words.colon.trim()}
          </dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Files({ files, role, otherFilesLabel, ctx }: { files: readonly DocumentFile[]; role: 'photos' | 'signature'; otherFilesLabel: string; ctx: Ctx }) {
  const shown = files.filter((f) => f.isImage);
  const other = files.filter((f) => !f.isImage);
  return (
    <div className={`doc-files doc-${role}`}>
      {shown.map((f) => (
        <figure key={f.sha256 + f.name}>
          <Picture sha256={f.sha256} alt={f.caption || f.name} ctx={ctx} className="doc-photo" />
          {role === 'photos' && <figcaption>{f.caption || f.name}</figcaption>}
        </figure>
      ))}
      {other.length > 0 && (
        <p>
          <strong>
            {otherFilesLabel}
            {ctx.words.colon}
          </strong>
          {other.map((f) => f.name).join(', ')}
        </p>
      )}
    </div>
  );
}

function BlockView({ block, ctx }: { block: Block; ctx: Ctx }) {
  switch (block.kind) {
    case 'heading': {
      const Tag = (['h1', 'h2', 'h3', 'h4', 'h5'] as const)[block.level - 1] ?? 'h5';
      return (
        <Tag>
          <Runs runs={block.content} ctx={ctx} />
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p className={block.tone ? `doc-${block.tone}` : undefined}>
          <Runs runs={block.content} ctx={ctx} />
        </p>
      );
    case 'quote':
      return (
        <blockquote>
          <Runs runs={block.content} ctx={ctx} />
        </blockquote>
      );
    case 'code':
      return (
        <pre>
          <code>{block.text}</code>
        </pre>
      );
    case 'list':
      return <List block={block} ctx={ctx} />;
    case 'table':
      return <Table block={block} ctx={ctx} />;
    case 'fields':
      return <Fields rows={block.rows} ctx={ctx} />;
    case 'files':
      return <Files files={block.files} role={block.role} otherFilesLabel={block.otherFilesLabel} ctx={ctx} />;
    case 'radar':
      return (
        <div className="doc-chart">
          <RadarChart axes={block.axes} title={block.caption} notScored={block.notScored} columns={block.columns} />
          <p className="doc-caption">{block.caption}</p>
        </div>
      );
    case 'gantt': {
      const labels = { ...block.labels, describe: (p: (typeof block.phases)[number]) => `${p.name}, ${p.start} – ${p.end}, ${p.weeks} ${block.labels.weeks}` };
      return (
        <div className="doc-chart">
          <Gantt phases={block.phases} labels={labels} />
        </div>
      );
    }
    case 'cover':
      return (
        <section className="doc-cover">
          <h1>{block.title}</h1>
          <Fields rows={block.fields} ctx={ctx} />
        </section>
      );
    case 'contents':
      return (
        <nav className="doc-contents" aria-label={block.title}>
          <h2>{block.title}</h2>
          {/* Plain entries: under hash routing an in-page anchor would be read as a route. Each entry carries its chapter's number. */}
          <ul>
            {block.entries.map((entry, i) => (
              <li key={i}>{entry}</li>
            ))}
          </ul>
        </nav>
      );
    case 'pageBreak':
      return <div className="doc-page-break" />;
  }
}

/** The document on an A4 sheet; `testId` names the sheet for tests. */
export function DocumentView({ doc, testId }: { doc: DocumentModel; testId: string }) {
  const ctx: Ctx = { words: DOCUMENT_WORDS[doc.lang] };
  return (
    <article className={`print-sheet doc-sheet doc-pages-${doc.lang}`} lang={htmlLang(doc.lang)} data-testid={testId}>
      {/* The sender's logo heads the first page, as in the Word file. */}
      {doc.logo ? (
        <header className="doc-logo">
          {/* A logo whose file is gone leaves no placeholder: the sender's name is on the cover. */}
          <StoredImage className="doc-logo-image" sha256={doc.logo.sha256} alt={doc.logo.alt} fallback={null} />
        </header>
      ) : null}
      {doc.blocks.map((block, i) => (
        <BlockView key={i} block={block} ctx={ctx} />
      ))}
    </article>
  );
}
