/** Types of package-size.mjs for the TypeScript that imports it (test/unit/package-size.test.ts). */

export type Project = {
  root: string;
  manifest: { main?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  lock: { packages: Record<string, { version?: string; dependencies?: Record<string, string>; [key: string]: unknown }> };
  builder: { files?: (string | object)[]; extraResources?: (string | { from: string; to?: string })[]; directories?: { output?: string; buildResources?: string } };
};

export type RuntimeCode = {
  /** npm package → the shipped bundles that require it. */
  requires: Map<string, string[]>;
  /** A file below node_modules that a shipped bundle loads → that bundle. */
  loaded: Map<string, string>;
};

export type ShippedPackage = { name: string; version: string; lockPath: string; via: string[]; loaded: boolean; files: number; bytes: number };

export type PackagePlan = {
  requires: string[];
  renderer: string[];
  app: { files: number; bytes: number; fileList: string[]; built: boolean };
  packages: ShippedPackage[];
  asar: { files: number; bytes: number; moduleFiles: number; moduleBytes: number };
  extras: { from: string; to: string; present: boolean; files: number; bytes: number }[];
  problems: string[];
};

export declare function loadProject(root?: string): Project;
export declare function appFileFilter(project: Project): (relative: string, isDirectory?: boolean) => boolean;
export declare function appFiles(project: Project): { file: string; bytes: number }[];
export declare function productionPackages(project: Project): { shipped: Map<string, { name: string; version: string; via: string[] }>; problems: string[] };
export declare function runtimeCode(project: Project): Promise<RuntimeCode>;
export declare function rendererImports(project: Project): Set<string>;
export declare function placementProblems(project: Project, code: RuntimeCode, renderer: Set<string>): string[];
export declare function packagePlan(project?: Project): Promise<PackagePlan>;
export declare function formatPlan(plan: PackagePlan): string;
