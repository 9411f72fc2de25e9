import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $getState, COMMAND_PRIORITY_HIGH, createState, PASTE_COMMAND } from 'lexical';
import { parseProvenance } from '../../core/proposals/provenance';
import { PROVENANCE_STATE_KEY, type Provenance } from '../../core/proposals/types';
import { useI18n } from '../i18n/i18n';
import { formatCount } from '../ui/format';

/**
 * The proposal editor's additions to the one rich-text editor: where each generated block came
 * from (Lexical NodeState `provenance`, the same key generation writes and the backend checks), and
 * a row limit for pasted tables.
 */

/** The provenance NodeState: a list of sources; an empty list (the default) is not written out. */
export const provenanceState = createState(PROVENANCE_STATE_KEY, {
  parse: (value: unknown): Provenance => parseProvenance(value).provenance,
  isEqual: (a, b) => a === b || JSON.stringify(a) === JSON.stringify(b),
});

type Marker = { key: string; top: number; provenance: Provenance };

/** One marker in the left margin per block that has sources; hover or focus shows them. */
export function ProvenanceMarkers() {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const [markers, setMarkers] = useState<Marker[]>([]);

  useEffect(() => {
    const measure = (): void => {
      const next = editor.getEditorState().read(() =>
        $getRoot()
          .getChildren()
          .map((block) => ({ key: block.getKey(), provenance: $getState(block, provenanceState) }))
          .filter((b) => b.provenance.length > 0),
      );
      setMarkers(
        next.flatMap((b) => {
          const element = editor.getElementByKey(b.key);
          return element ? [{ key: b.key, top: element.offsetTop, provenance: b.provenance }] : [];
        }),
      );
    };
    measure();
    const root = editor.getRootElement();
    const resize = new ResizeObserver(measure);
    if (root) resize.observe(root);
    const stop = editor.registerUpdateListener(measure);
    return () => {
      stop();
      resize.disconnect();
    };
  }, [editor]);

  const describe = (provenance: Provenance): string =>
    t('editor.sources', { sources: provenance.map((p) => `${t(`editor.source.${p.kind}`)} ${p.label ?? p.ref}`).join('; ') });

  return (
    <div className="rt-sources" aria-label={t('editor.sourcesLabel')} role="group">
      {markers.map((m, index) => (
        // Focusable so keyboard users can read a block's sources, which show on focus as on hover.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <span key={m.key} className="rt-source-marker" style={{ top: m.top }} tabIndex={0} role="note" aria-label={describe(m.provenance)} data-testid="source-marker">
          <span aria-hidden="true">{index + 1}</span>
          <span className="rt-source-text" aria-hidden="true">
            {describe(m.provenance)}
          </span>
        </span>
      ))}
    </div>
  );
}

/** Counts the rows of pasted HTML tables without building a DOM (a 2,000-row paste stays cheap). */
export function pastedTableRows(html: string): number {
  let largest = 0;
  for (const table of html.split(/<table[\s>]/i).slice(1)) {
    const rows = table.split(/<\/table>/i)[0]?.match(/<tr[\s>]/gi)?.length ?? 0;
    largest = Math.max(largest, rows);
  }
  return largest;
}

/** Refuses a paste whose table has more rows than proposals allow; nothing is inserted and onRefused says why. */
export function TableRowLimitPlugin({ maxRows, onRefused }: { maxRows: number; onRefused: (message: string) => void }) {
  const [editor] = useLexicalComposerContext();
  const { t, lang } = useI18n();
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = event instanceof ClipboardEvent ? event.clipboardData : null;
          const html = data?.getData('text/html') ?? '';
          const rows = html === '' ? 0 : pastedTableRows(html);
          if (rows <= maxRows) return false;
          event.preventDefault();
          onRefused(t('editor.tableTooLarge', { rows: formatCount(rows, lang), max: formatCount(maxRows, lang) }));
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor, lang, maxRows, onRefused, t],
  );
  return null;
}
