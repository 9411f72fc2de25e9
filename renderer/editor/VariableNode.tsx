import { useState, type FormEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $applyNodeReplacement, $createTextNode, $getNodeByKey, DecoratorNode, type EditorConfig, type LexicalNode, type NodeKey } from 'lexical';
import { VARIABLE_NODE_TYPE, VARIABLE_REASONS, type SerializedVariableNode, type VariableReason } from '../../core/proposals/types';
import { Dialog, DialogActions } from '../ui/Dialog';
import { useI18n } from '../i18n/i18n';

/**
 * A variable a proposal could not fill (`{{name}}`): highlighted, its reason shown on hover and on
 * focus, and "replace with text" on click or Enter. Only the proposal editor registers it; the
 * backend check (core/proposals/document.ts) keeps exactly the fields exportJSON writes.
 */
export class VariableNode extends DecoratorNode<ReactNode> {
  __name: string;
  __reason: VariableReason;
  __suggestion: string | undefined;

  static override getType(): string {
    return VARIABLE_NODE_TYPE;
  }

  static override clone(node: VariableNode): VariableNode {
    return new VariableNode(node.__name, node.__reason, node.__suggestion, node.__key);
  }

  static override importJSON(json: SerializedVariableNode): VariableNode {
    const reason = (VARIABLE_REASONS as readonly string[]).includes(json.reason) ? json.reason : 'unknown';
    return $createVariableNode(json.name, reason, json.suggestion);
  }

  constructor(name: string, reason: VariableReason, suggestion?: string, key?: NodeKey) {
    super(key);
    this.__name = name;
    this.__reason = reason;
    this.__suggestion = suggestion;
  }

  override exportJSON(): SerializedVariableNode {
    const json: SerializedVariableNode = { type: VARIABLE_NODE_TYPE, version: 1, name: this.__name, reason: this.__reason };
    if (this.__suggestion !== undefined) json.suggestion = this.__suggestion;
    return json;
  }

  override createDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'rt-variable-wrap';
    return span;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): boolean {
    return true;
  }

  override getTextContent(): string {
    return `{{${this.__name}}}`;
  }

  override decorate(_editor: unknown, _config: EditorConfig): ReactNode {
    return <VariableChip nodeKey={this.__key} name={this.__name} reason={this.__reason} suggestion={this.__suggestion} />;
  }
}

export function $createVariableNode(name: string, reason: VariableReason, suggestion?: string): VariableNode {
  return $applyNodeReplacement(new VariableNode(name, reason, suggestion));
}

export function $isVariableNode(node: LexicalNode | null | undefined): node is VariableNode {
  return node instanceof VariableNode;
}

function VariableChip({ nodeKey, name, reason, suggestion }: { nodeKey: NodeKey; name: string; reason: VariableReason; suggestion: string | undefined }) {
  const { t } = useI18n();
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const why = t(`editor.variable.${reason}`) + (suggestion ? ` ${t('editor.variableSuggest', { name: suggestion })}` : '');

  function replace(event: FormEvent): void {
    event.preventDefault();
    if (text.trim() === '') return;
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isVariableNode(node)) node.replace($createTextNode(text));
    });
    setOpen(false);
  }

  return (
    <>
      <span
        className={`rt-variable rt-variable-${reason}`}
        role="button"
        tabIndex={0}
        aria-label={t('editor.variableLabel', { name, reason: why })}
        data-variable={name}
        onClick={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            e.stopPropagation();
            setOpen(true);
          }
        }}
      >
        {`{{${name}}}`}
        <span className="rt-variable-reason" aria-hidden="true">
          {why}
        </span>
      </span>
      {open &&
        // Outside the editable text, so typing in the dialog never reaches the editor.
        createPortal(
        <Dialog labelledBy={`variable-title-${nodeKey}`} onClose={() => setOpen(false)}>
          <form onSubmit={replace}>
            <h2 id={`variable-title-${nodeKey}`}>{t('editor.variableTitle', { name: `{{${name}}}` })}</h2>
            <p className="muted">{why}</p>
            <label htmlFor={`variable-text-${nodeKey}`}>{t('editor.variableText')}</label>
            <input id={`variable-text-${nodeKey}`} type="text" value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
            <DialogActions cancelLabel={t('editor.cancel')} onCancel={() => setOpen(false)} actionLabel={t('editor.variableReplace')} disabled={text.trim() === ''} />
          </form>
        </Dialog>,
          document.body,
        )}
    </>
  );
}
