import { beforeAll, describe, expect, it } from 'vitest';
import { appFileFilter, formatPlan, loadProject, packagePlan, placementProblems, rendererImports, runtimeCode, type PackagePlan, type Project, type RuntimeCode } from '../../scripts/package-size.mjs';

/** A copy of the project whose package.json and lock file list these dependencies instead. */
function withDependencies(project: Project, change: (deps: Record<string, string>) => void): Project {
  const copy: Project = structuredClone(project);
  const deps = { ...copy.manifest.dependencies };
  change(deps);
  copy.manifest.dependencies = deps;
  const lockRoot = copy.lock.packages[''];
  if (lockRoot) lockRoot.dependencies = { ...deps };
  return copy;
}

describe('what electron-builder would package (scripts/package-size.mjs)', () => {
  const project = loadProject();
  let plan: PackagePlan;
  let code: RuntimeCode;
  let renderer: Set<string>;

  beforeAll(async () => {
    [plan, code] = await Promise.all([packagePlan(project), runtimeCode(project)]);
    renderer = rendererImports(project);
    // The figures, for whoever reads the test output (npm run package:size prints the same).
    console.log(formatPlan(plan));
  });

  it('finds no problem in the real project', () => {
    expect(plan.problems).toEqual([]);
  });

  it('ships the Node bundles and the renderer, not the browser host, source maps or sources', () => {
    const shipped = appFileFilter(project);
    for (const file of ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/backend-worker.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc.js']) {
      expect(shipped(file), file).toBe(true);
    }
    for (const file of ['dist/web/server.cjs', 'dist/electron/main.cjs.map', 'dist/renderer/assets/index-abc.js.map', 'core/dates.ts', 'electron/main/main.ts', 'test/unit/dates.test.ts', 'resources/content/pack.yaml', 'node_modules/zod/index.js', 'package-lock.json', 'release/x.AppImage']) {
      expect(shipped(file), file).toBe(false);
    }
  });

  it('ships every package the worker and main require, and no renderer-only library', () => {
    expect(plan.requires).toEqual(expect.arrayContaining(['better-sqlite3', 'zod', 'docx', 'lexical', '@lexical/headless']));
    const names = new Set(plan.packages.map((p) => p.name));
    for (const name of plan.requires) expect(names.has(name), name).toBe(true);
    for (const name of ['react', 'react-dom', 'react-router', 'zustand', 'd3', '@lexical/react']) {
      expect(renderer.has(name), `the renderer imports ${name}`).toBe(true);
      expect(names.has(name), `${name} is shipped`).toBe(false);
    }
  });

  it('fails when a renderer-only package is placed in dependencies', () => {
    const wrong = withDependencies(project, (deps) => {
      deps.react = project.manifest.devDependencies?.react ?? '';
    });
    expect(placementProblems(wrong, code, renderer)).toEqual([expect.stringMatching(/^"react" would be shipped in the app, but only the renderer imports it and Vite bundles it: move it to package.json "devDependencies"\.$/)]);
  });

  it('fails when a package the backend requires is not a dependency', () => {
    const wrong = withDependencies(project, (deps) => {
      delete deps.yaml;
    });
    expect(placementProblems(wrong, code, renderer)).toEqual([expect.stringMatching(/^dist\/electron\/backend-worker\.cjs requires "yaml" at run time, but electron-builder would not ship it: add it to package\.json "dependencies"\.$/)]);
  });

  it('fails when a dependency is not required at run time at all', () => {
    const wrong = withDependencies(project, (deps) => {
      deps.minisearch = project.manifest.devDependencies?.minisearch ?? '';
    });
    expect(placementProblems(wrong, code, renderer)).toEqual([expect.stringMatching(/^"minisearch" would be shipped in the app, but no shipped bundle requires it at run time/)]);
  });

  it('fails when a glob leaves out a file the bundles load', () => {
    const wrong: Project = structuredClone(project);
    wrong.builder.files = [...(wrong.builder.files ?? []), '!node_modules/jszip/lib/**'];
    expect(placementProblems(wrong, code, renderer)).toEqual([expect.stringMatching(/^dist\/electron\/backend-worker\.cjs loads node_modules\/jszip\/lib\/\S+ at run time, but the "files" globs of electron-builder\.yml leave it out of the app\.$/)]);
  });

  it('fails when the lock file does not match package.json', () => {
    const wrong: Project = structuredClone(project);
    wrong.manifest.dependencies = { ...wrong.manifest.dependencies, yaml: '2.0.0' };
    expect(placementProblems(wrong, code, renderer)).toContain('package-lock.json does not list the same "dependencies" as package.json: run npm install.');
  });
});
