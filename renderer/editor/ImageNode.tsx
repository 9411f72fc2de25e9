import type { ReactNode } from 'react';
import { $applyNodeReplacement, DecoratorNode, type EditorConfig, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical';
import { StoredImage } from '../lib/StoredImage';
import { useI18n } from '../i18n/i18n';

/**
 * An image in rich text: it names a stored attachment by its sha256 and never a URL, so a note
 * cannot make the app fetch anything (core/notes/lexical-document.ts refuses image URLs too).
 * It has no importDOM on purpose: pasted HTML never brings <img> elements in; pasted image files
 * become attachments instead (see FilePastePlugin).
 */
export type SerializedImageNode = Spread<{ sha256: string; altText: string }, SerializedLexicalNode>;

export class ImageNode extends DecoratorNode<ReactNode> {
  __sha256: string;
  __altText: string;

  static override getType(): string {
    return 'image';
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode(node.__sha256, node.__altText, node.__key);
  }

  static override importJSON(json: SerializedImageNode): ImageNode {
    return $createImageNode(json.sha256, json.altText);
  }

  constructor(sha256: string, altText: string, key?: NodeKey) {
    super(key);
    this.__sha256 = sha256;
    this.__altText = altText;
  }

  override exportJSON(): SerializedImageNode {
    return { type: 'image', version: 1, sha256: this.__sha256, altText: this.__altText };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const span = document.createElement('span');
    const className = config.theme.image;
    if (typeof className === 'string') span.className = className;
    return span;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): boolean {
    return true;
  }

  override getTextContent(): string {
    return this.__altText;
  }

  override decorate(): ReactNode {
    return <AttachmentImage sha256={this.__sha256} altText={this.__altText} />;
  }
}

export function $createImageNode(sha256: string, altText: string): ImageNode {
  return $applyNodeReplacement(new ImageNode(sha256, altText));
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}

function AttachmentImage({ sha256, altText }: { sha256: string; altText: string }) {
  const { t } = useI18n();
  const missing = (
    <span className="rt-image-missing" role="img" aria-label={t('editor.imageMissing', { name: altText })}>
      {t('editor.imageMissing', { name: altText })}
    </span>
  );
  return <StoredImage className="rt-image" sha256={sha256} alt={altText} draggable={false} fallback={missing} />;
}
