import { useCallback, useState, type KeyboardEvent, type MouseEvent, useEffect } from 'react';
import { useNavigate } from 'react-router';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { AutoLinkPlugin, createLinkMatcherWithRegExp } from '@lexical/react/LexicalAutoLinkPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import type { AttachmentOwner } from '../../core/api/limits';
import { isAllowedNoteLink } from '../../core/notes/lexical-document';
import { useI18n } from '../i18n/i18n';
import { attachFile } from '../lib/attachments';
import { afterMutation } from '../data/query-client';
import { EDITOR_NODES, PROPOSAL_EDITOR_NODES } from './nodes';
import { ProvenanceMarkers, TableRowLimitPlugin } from './proposal-plugins';
import { DocumentEdgeKeysPlugin, FilePastePlugin, LinkPolicyPlugin, linkUrlAt } from './plugins';
import { setBlock, Toolbar, type BlockType } from './Toolbar';
import './editor.css';
import { RICH_TEXT_THEME } from './theme';
import { CheckListSemantics } from './CheckListSemantics';


type LinkMatcher = ReturnType<typeof createLinkMatcherWithRegExp>;

/**
 * Only what the link policy keeps becomes a link: a match the policy would unwrap (`https://user@host`,
 * a mailto with parameters) would be linked again by the plugin, unwrapped again, and so on until
 * Lexical stops the editor for endless transforms.
 */
function allowedOnly(matcher: LinkMatcher): LinkMatcher {
  return (text) => {
    const match = matcher(text);
    return match !== null && isAllowedNoteLink(match.url) ? match : null;
  };
}

// Typed or pasted web and mail addresses become links; only https (the policy) is auto-linked.
const AUTO_LINKS = [
  allowedOnly(createLinkMatcherWithRegExp(/https:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/, (text) => text)),
  allowedOnly(createLinkMatcherWithRegExp(/[\w.+-]+@[\w-]+\.[\w.-]+\w/, (text) => `mailto:${text}`)),
];

export type RichTextEditorProps = {
  /** The stored Lexical editor state (JSON text); read once when the editor mounts. */
  initialJson: string;
  /** Called with the new editor state after every change. */
  onChange: (json: string) => void;
  /** The accessible name of the text area. */
  label: string;
  /** Where pasted and inserted images are attached; null hides image insertion. */
  attachTo: { ownerTable: AttachmentOwner; ownerId: string } | null;
  /** Reports a failure the editor cannot show inline (an image that could not be attached). */
  onError: (message: string) => void;
  /** Shown in the empty editor. */
  placeholder?: string;
  /** 'proposal' adds unfilled variables (VariableNode) to what the text may hold; notes by default. */
  kind?: 'note' | 'proposal';
  /** Shows a margin marker per block with where it came from (proposal provenance). */
  showSources?: boolean;
  /** Refuses pasted tables with more rows than this, with a message through onError. */
  maxTableRows?: number;
  /** Shows the text without a toolbar and refuses typing (a proposal already sent). */
  readOnly?: boolean;
};

/**
 * The app's one rich-text editor (notes, lessons and proposals): headings, quotes, lists and check
 * lists, links within the note link policy, tables, images from attachments and links to
 * knowledge-base articles. Pasted HTML goes through Lexical's import only, then the link policy.
 * Proposals add unfilled variables, the sources of each block and a table row limit (props).
 */
export function RichTextEditor(props: RichTextEditorProps) {
  const { initialJson } = props;
  // The editor owns its state after mounting; a new document means a remount (the caller's key).
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'fieldbench-editor',
    nodes: [...(props.kind === 'proposal' ? PROPOSAL_EDITOR_NODES : EDITOR_NODES)],
    theme: RICH_TEXT_THEME,
    editorState: initialJson,
    editable: props.readOnly !== true,
    onError: (error: Error) => {
      throw error;
    },
  }));
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <EditorBody {...props} />
    </LexicalComposer>
  );
}

function EditorBody({ onChange, label, attachTo, onError, placeholder, showSources, maxTableRows, readOnly = false }: RichTextEditorProps) {
  const { t } = useI18n();
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    editor.setEditable(!readOnly);
  }, [editor, readOnly]);
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'link' | 'kb' | null>(null);

  const storeImages = useCallback(
    async (files: File[]): Promise<{ sha256: string; name: string }[]> => {
      if (!attachTo) return [];
      const stored: { sha256: string; name: string }[] = [];
      for (const file of files) {
        try {
          const info = await attachFile(attachTo, file);
          if (info.isImage) stored.push({ sha256: info.sha256, name: info.name });
          else onError(t('editor.notAnImage', { name: info.name }));
        } catch (error) {
          onError(t('editor.imageFailed', { name: file.name, message: error instanceof Error ? error.message : String(error) }));
        }
      }
      // attachFile (lib/attachments.ts) calls the backend itself: what it changed is refreshed here.
      if (files.length > 0) afterMutation('attachments.add');
      return stored;
    },
    [attachTo, onError, t],
  );

  const pickImage = useCallback(async (file: File) => (await storeImages([file]))[0] ?? null, [storeImages]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (dialog !== null || !(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    let block: BlockType | null = null;
    if (event.altKey && /^Digit[123]$/.test(event.code)) block = `h${event.code.slice(5)}` as BlockType;
    else if (event.shiftKey && event.code === 'Digit8') block = 'bullet';
    else if (event.shiftKey && event.code === 'Digit7') block = 'number';
    else if (event.shiftKey && event.code === 'Digit9') block = 'check';
    if (block !== null) {
      event.preventDefault();
      setBlock(editor, block, 'paragraph');
      return;
    }
    if (key === 'k' && !event.altKey) {
      // Ctrl+K is the app's quick search elsewhere; inside the text it makes a link.
      event.preventDefault();
      event.stopPropagation();
      setDialog(event.shiftKey ? 'kb' : 'link');
    }
  }

  function onClick(event: MouseEvent<HTMLDivElement>): void {
    if (!(event.target instanceof Element) || !event.target.closest('.rt-root')) return;
    const url = linkUrlAt(editor, event.target);
    if (url === null) return;
    // Plain clicks place the caret; Ctrl/Cmd+click follows the link.
    event.preventDefault();
    if (!(event.ctrlKey || event.metaKey)) return;
    const article = /^kb:([a-z0-9-]+)$/.exec(url);
    if (article?.[1]) navigate(`/kb/${article[1]}`);
    else if (isAllowedNoteLink(url)) window.open(url, '_blank', 'noopener,noreferrer');
  }

  return (
    // Ctrl/Cmd+click on a link inside the editable text; the keyboard has the link dialog (Ctrl+K).
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div className="rich-editor" onKeyDown={onKeyDown} onClick={onClick}>
      {!readOnly && <Toolbar onPickImage={attachTo ? pickImage : null} dialog={dialog} setDialog={setDialog} />}
      <div className={showSources ? 'rich-editor-body with-sources' : 'rich-editor-body'}>
        {showSources && <ProvenanceMarkers />}
        <RichTextPlugin
          contentEditable={<ContentEditable className="rt-root rich-editor-text" aria-label={label} aria-multiline aria-describedby="rich-editor-help" />}
          placeholder={<div className="rich-editor-placeholder">{placeholder ?? ''}</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <p id="rich-editor-help" className="visually-hidden">
        {t('editor.help')}
      </p>
      <HistoryPlugin />
      <ListPlugin />
      <CheckListPlugin />
      <CheckListSemantics readOnly={readOnly} />
      <LinkPlugin validateUrl={isAllowedNoteLink} />
      <AutoLinkPlugin matchers={AUTO_LINKS} />
      <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} />
      <LinkPolicyPlugin />
      <DocumentEdgeKeysPlugin />
      <FilePastePlugin onFiles={storeImages} />
      {maxTableRows !== undefined && <TableRowLimitPlugin maxRows={maxTableRows} onRefused={onError} />}
      <OnChangePlugin ignoreSelectionChange onChange={(state) => onChange(JSON.stringify(state.toJSON()))} />
    </div>
  );
}
