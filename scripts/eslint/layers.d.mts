/** Types of layers.mjs for the TypeScript that imports it (the rule's unit test). */
import type { ESLint, Rule } from 'eslint';

export declare const NODE: 'node:*';
export type LayerRule = { readonly code: readonly string[]; readonly packages: readonly string[] };
export declare const LAYER_RULES: Readonly<Record<string, LayerRule>>;
export declare const EXEMPT_FOLDERS: readonly string[];
export declare const EXEMPT_FILES: readonly string[];
export declare function layerOf(file: string): string | null;
export declare function packageOf(specifier: string): string;
export declare const layersRule: Rule.RuleModule;
declare const plugin: ESLint.Plugin;
export default plugin;
