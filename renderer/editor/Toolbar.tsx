import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, type HeadingTagType } from '@lexical/rich-text';
import { $isListNode, INSERT_CHECK_LIST_COMMAND, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $setSelection,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type BaseSelection,
  type TextFormatType,
} from 'lexical';
import { $createLinkNode } from '@lexical/link';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { $createImageNode } from './ImageNode';
import { KbLinkDialog, LinkDialog } from './LinkDialogs';
import { Bold, Heading1, Heading2, Heading3, ImagePlus, Italic, Link, List, ListChecks, ListOrdered, Quote, Redo2, Table, Underline, Undo2, type LucideIcon } from 'lucide-react';

export type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number' | 'check';

type ToolbarState = { block: BlockType; bold: boolean; italic: boolean; underline: boolean; link: string | null };

function readState(): ToolbarState | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const top = anchor.getKey() === 'root' ? anchor : anchor.getTopLevelElementOrThrow();
  let block: BlockType = 'paragraph';
  const list = $getNearestNodeOfType(anchor, ListNode);
  if ($isListNode(list)) block = list.getListType();
  else if ($isHeadingNode(top)) block = top.getTag() === 'h1' || top.getTag() === 'h2' || top.getTag() === 'h3' ? top.getTag() as BlockType : 'h3';
  else if (top.getType() === 'quote') block = 'quote';
  const link = $findMatchingParent(anchor, $isLinkNode);
  return {
    block,
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    link: $isLinkNode(link) ? link.getURL() : null,
  };
}

/** The buttons' icons: SVG drawn by the app (lucide), so they show on every system, with or without an emoji or symbol font. */
const ICON = { size: 16, strokeWidth: 2, 'aria-hidden': true, focusable: false } as const;

const FORMATS: { format: TextFormatType; label: MessageKey; shortcut: string; Icon: LucideIcon }[] = [
  { format: 'bold', label: 'editor.bold', shortcut: 'Control+B', Icon: Bold },
  { format: 'italic', label: 'editor.italic', shortcut: 'Control+I', Icon: Italic },
  { format: 'underline', label: 'editor.underline', shortcut: 'Control+U', Icon: Underline },
];

const BLOCKS: { block: BlockType; label: MessageKey; shortcut?: string; Icon: LucideIcon }[] = [
  { block: 'h1', label: 'editor.h1', shortcut: 'Control+Alt+1', Icon: Heading1 },
  { block: 'h2', label: 'editor.h2', shortcut: 'Control+Alt+2', Icon: Heading2 },
  { block: 'h3', label: 'editor.h3', shortcut: 'Control+Alt+3', Icon: Heading3 },
  { block: 'quote', label: 'editor.quote', Icon: Quote },
  { block: 'bullet', label: 'editor.bullet', shortcut: 'Control+Shift+8', Icon: List },
  { block: 'number', label: 'editor.number', shortcut: 'Control+Shift+7', Icon: ListOrdered },
  { block: 'check', label: 'editor.check', shortcut: 'Control+Shift+9', Icon: ListChecks },
];

/**
 * The editor's toolbar: one tab stop (arrow keys move between buttons), every button labelled with
 * its shortcut. The shortcuts themselves work from the text (see RichTextEditor's key handler).
 */
export function Toolbar({
  onPickImage,
  dialog,
  setDialog,
}: {
  onPickImage: ((file: File) => Promise<{ sha256: string; name: string } | null>) | null;
  dialog: 'link' | 'kb' | null;
  setDialog: (dialog: 'link' | 'kb' | null) => void;
}) {
  const { t } = useI18n();
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>({ block: 'paragraph', bold: false, italic: false, underline: false, link: null });
  const [focusIndex, setFocusIndex] = useState(0);
  const bar = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const savedSelection = useRef<BaseSelection | null>(null);

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const next = editorState.read(readState);
        if (next) setState(next);
      }),
    [editor],
  );

  // Dialogs take focus from the text: remember the selection they act on.
  useEffect(() => {
    if (dialog !== null) savedSelection.current = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
  }, [dialog, editor]);

  function restoreSelection(): void {
    const saved = savedSelection.current;
    if (saved) $setSelection(saved.clone());
  }

  function closeDialog(): void {
    setDialog(null);
    editor.focus();
  }

  function insertLink(url: string, text: string): void {
    editor.update(() => {
      restoreSelection();
      const selection = $getSelection();
      if ($isRangeSelection(selection) && selection.isCollapsed()) {
        // Nothing selected: insert the link with its own words.
        const link = $createLinkNode(url);
        link.append($createTextNode(text));
        $insertNodes([link]);
      } else {
        editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
      }
    });
  }

  function pressed(block: BlockType): boolean {
    return state.block === block;
  }

  function buttonProps(index: number) {
    return { tabIndex: index === focusIndex ? 0 : -1, onFocus: () => setFocusIndex(index) };
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft' && event.key !== 'Home' && event.key !== 'End') return;
    const buttons = [...(bar.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let next = current;
    if (event.key === 'ArrowRight') next = (current + 1) % buttons.length;
    else if (event.key === 'ArrowLeft') next = (current - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else next = buttons.length - 1;
    event.preventDefault();
    buttons[next]?.focus();
  }

  let index = 0;
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')} ref={bar} onKeyDown={onKeyDown}>
      <div className="editor-group">
        <button type="button" aria-label={t('editor.undo')} title={`${t('editor.undo')} (Ctrl+Z)`} aria-keyshortcuts="Control+Z" {...buttonProps(index++)} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
          <Undo2 {...ICON} />
        </button>
        <button type="button" aria-label={t('editor.redo')} title={`${t('editor.redo')} (Ctrl+Y)`} aria-keyshortcuts="Control+Y" {...buttonProps(index++)} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
          <Redo2 {...ICON} />
        </button>
      </div>
      <div className="editor-group">
        {FORMATS.map((f) => (
          <button
            key={f.format}
            type="button"
            aria-label={t(f.label)}
            title={`${t(f.label)} (${f.shortcut.replace('Control', 'Ctrl')})`}
            aria-keyshortcuts={f.shortcut}
            aria-pressed={state[f.format as 'bold' | 'italic' | 'underline']}
            {...buttonProps(index++)}
            onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f.format)}
          >
            <f.Icon {...ICON} />
          </button>
        ))}
      </div>
      <div className="editor-group">
        {BLOCKS.map((b) => (
          <button
            key={b.block}
            type="button"
            aria-label={t(b.label)}
            title={b.shortcut ? `${t(b.label)} (${b.shortcut.replace('Control', 'Ctrl')})` : t(b.label)}
            aria-keyshortcuts={b.shortcut}
            aria-pressed={pressed(b.block)}
            {...buttonProps(index++)}
            onClick={() => setBlock(editor, pressed(b.block) ? 'paragraph' : b.block, state.block)}
          >
            <b.Icon {...ICON} />
          </button>
        ))}
      </div>
      <div className="editor-group">
        <button
          type="button"
          aria-label={t('editor.link')}
          title={`${t('editor.link')} (Ctrl+K)`}
          aria-keyshortcuts="Control+K"
          aria-pressed={state.link !== null}
          {...buttonProps(index++)}
          onClick={() => setDialog('link')}
        >
          <Link {...ICON} />
        </button>
        <button type="button" aria-label={t('editor.kbLink')} title={`${t('editor.kbLink')} (Ctrl+Shift+K)`} aria-keyshortcuts="Control+Shift+K" {...buttonProps(index++)} onClick={() => setDialog('kb')}>
          {t('editor.kbButton')}
        </button>
        <button
          type="button"
          aria-label={t('editor.table')}
          title={t('editor.table')}
          {...buttonProps(index++)}
          onClick={() => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } })}
        >
          <Table {...ICON} />
        </button>
        {onPickImage && (
          <>
            <button type="button" aria-label={t('editor.image')} title={t('editor.image')} {...buttonProps(index++)} onClick={() => fileInput.current?.click()}>
              <ImagePlus {...ICON} />
            </button>
            <input
              ref={fileInput}
              type="file"
              accept="image/*"
              className="visually-hidden"
              tabIndex={-1}
              aria-label={t('editor.imageFile')}
              data-testid="editor-image-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                void onPickImage(file).then((stored) => {
                  if (!stored) return;
                  editor.update(() => {
                    restoreSelection();
                    $insertNodes([$createImageNode(stored.sha256, stored.name)]);
                  });
                });
              }}
            />
          </>
        )}
      </div>
      {dialog === 'link' && (
        <LinkDialog
          initialUrl={state.link ?? ''}
          onClose={closeDialog}
          onLink={(url) => {
            setDialog(null);
            if (url === null) {
              editor.update(() => {
                restoreSelection();
                editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
              });
            } else insertLink(url, url);
            editor.focus();
          }}
        />
      )}
      {dialog === 'kb' && (
        <KbLinkDialog
          onClose={closeDialog}
          onPick={(hit) => {
            setDialog(null);
            insertLink(`kb:${hit.id}`, hit.title);
            editor.focus();
          }}
        />
      )}
    </div>
  );
}

/** Turns the selected blocks into a heading, quote, list or back into paragraphs. */
export function setBlock(editor: ReturnType<typeof useLexicalComposerContext>[0], block: BlockType, current: BlockType): void {
  if (block === 'bullet') return void editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
  if (block === 'number') return void editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
  if (block === 'check') return void editor.dispatchCommand(INSERT_CHECK_LIST_COMMAND, undefined);
  if (current === 'bullet' || current === 'number' || current === 'check') editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (block === 'paragraph') $setBlocksType(selection, () => $createParagraphNode());
    else if (block === 'quote') $setBlocksType(selection, () => $createQuoteNode());
    else $setBlocksType(selection, () => $createHeadingNode(block as HeadingTagType));
  });
}
