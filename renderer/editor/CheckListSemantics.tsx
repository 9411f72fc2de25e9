import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isListNode, ListNode } from '@lexical/list';
import { $getNodeByKey } from 'lexical';

/**
 * Lexical draws a check list as a <ul> of <li role="checkbox">. A list whose items are
 * checkboxes is, to assistive technology, a group of checkboxes (a <ul> may hold list items
 * only: axe "list"), so a check list's element gets role="group"; other lists keep theirs. In a
 * read-only text (an article, a submitted note) the checkboxes say they cannot be changed.
 */
export function CheckListSemantics({ readOnly }: { readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerMutationListener(ListNode, (mutations) => {
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            if (mutation === 'destroyed') continue;
            const node = $getNodeByKey(key);
            const element = editor.getElementByKey(key);
            if (!$isListNode(node) || element === null) continue;
            if (node.getListType() !== 'check') {
              element.removeAttribute('role');
              continue;
            }
            element.setAttribute('role', 'group');
            for (const item of element.querySelectorAll(':scope > li[role="checkbox"]')) {
              if (readOnly) item.setAttribute('aria-readonly', 'true');
              else item.removeAttribute('aria-readonly');
            }
          }
        });
      }),
    [editor, readOnly],
  );
  return null;
}
