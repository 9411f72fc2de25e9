import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isLinkNode, AutoLinkNode, LinkNode } from '@lexical/link';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import { $findMatchingParent } from '@lexical/utils';
import { $getNearestNodeFromDOMNode, $getRoot, $insertNodes, $isTextNode, COMMAND_PRIORITY_LOW, KEY_DOWN_COMMAND, TextNode, type LexicalEditor } from 'lexical';
import { isAllowedNoteLink } from '../../core/notes/lexical-document';
import { checkTextStyle } from '../../core/richtext/style';
import { $createImageNode } from './ImageNode';

/**
 * Keeps every link in the document within the note link policy (https:, mailto:, kb:<id>), however
 * it arrived — typed, pasted as HTML or auto-linked. A link that is not allowed is unwrapped: its
 * words stay, the link goes. The backend applies the same rule and refuses what slips through.
 */
export function LinkPolicyPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const unwrapIfHostile = (node: LinkNode): void => {
      if (isAllowedNoteLink(node.getURL())) return;
      for (const child of node.getChildren()) node.insertBefore(child);
      node.remove();
    };
    const dropUnsafeStyle = (node: TextNode): void => {
      // Pasted HTML can carry inline styles: keep what the backend's allowlist keeps, as it stores it.
      if (!$isTextNode(node)) return;
      const style = node.getStyle();
      const checked = checkTextStyle(style);
      const kept = checked.refused === null ? checked.style : '';
      if (kept !== style) node.setStyle(kept);
    };
    const removeLink = editor.registerNodeTransform(LinkNode, unwrapIfHostile);
    const removeAutoLink = editor.registerNodeTransform(AutoLinkNode, unwrapIfHostile);
    const removeStyle = editor.registerNodeTransform(TextNode, dropUnsafeStyle);
    return () => {
      removeLink();
      removeAutoLink();
      removeStyle();
    };
  }, [editor]);
  return null;
}

/** The URL of the link under a clicked element, if there is one. */
export function linkUrlAt(editor: LexicalEditor, target: Element): string | null {
  const anchor = target.closest('a');
  if (!anchor) return null;
  return editor.read(() => {
    const node = $getNearestNodeFromDOMNode(anchor);
    const link = $isLinkNode(node) ? node : $findMatchingParent(node ?? $getRoot(), $isLinkNode);
    return $isLinkNode(link) ? link.getURL() : null;
  });
}

/**
 * Pasted or dropped files: images are stored as attachments of the record being edited and shown
 * from there (never from a URL). Other files are left to the caller's attachment list.
 */
export function FilePastePlugin({ onFiles }: { onFiles: (files: File[]) => Promise<{ sha256: string; name: string }[]> }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        DRAG_DROP_PASTE,
        (files: File[]) => {
          const images = files.filter((f) => f.type.startsWith('image/'));
          if (images.length === 0) return false;
          void onFiles(images).then((stored) => {
            editor.update(() => {
              $insertNodes(stored.map((s) => $createImageNode(s.sha256, s.name)));
            });
          });
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, onFiles],
  );
  return null;
}

/**
 * Ctrl/Cmd+Home and Ctrl/Cmd+End move to the start and end of the document. Left to the browser,
 * they do nothing when the text ends (or starts) with an inline widget such as an unresolved
 * variable, because the caret cannot be placed beside a non-editable element at a block's edge.
 */
export function DocumentEdgeKeysPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event: KeyboardEvent) => {
          if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return false;
          if (event.key !== 'End' && event.key !== 'Home') return false;
          event.preventDefault();
          editor.update(() => {
            if (event.key === 'End') $getRoot().selectEnd();
            else $getRoot().selectStart();
          });
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}
