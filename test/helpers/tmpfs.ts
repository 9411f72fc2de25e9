import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { makeTempDir } from './temp-dir';

/**
 * Small tmpfs mounts for the disk-full and read-only tests: a real file system that really runs
 * out of space or really refuses writes. Mounting needs root (or CAP_SYS_ADMIN); `TMPFS_UNAVAILABLE`
 * says why it is impossible here, and the tests that need it are skipped with that reason.
 */

function mountProblem(): string | null {
  if (process.platform !== 'linux') return `tmpfs mounts need Linux (this is ${process.platform})`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'tmpfs mounts need root; run the tests as root to exercise full and read-only disks';
  const probe = makeTempDir('fieldbench-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe.dir], { stdio: 'pipe' });
    execFileSync('umount', [probe.dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `cannot mount a tmpfs here: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  } finally {
    probe.cleanup();
  }
}

/** Why tmpfs tests cannot run on this machine, or null when they can. */
export const TMPFS_UNAVAILABLE: string | null = mountProblem();
if (TMPFS_UNAVAILABLE !== null) console.warn(`[tmpfs tests skipped] ${TMPFS_UNAVAILABLE}`);

export type Tmpfs = {
  dir: string;
  /** Fills the file system until ENOSPC, then gives back `leaveBytes`; returns the filler's path. */
  fill(leaveBytes?: number): string;
  /** Removes the filler: the disk has room again. */
  free(): void;
  remountReadOnly(): void;
  remountWritable(): void;
};

/** What to undo after each test, last mounted first. */
const undo: (() => void)[] = [];
afterEach(() => {
  for (const step of undo.splice(0).reverse()) step();
});

/** Lazy: a backend a failed test left open may still hold a file in there. */
function unmount(target: string): void {
  execFileSync('umount', ['-l', target], { stdio: 'pipe' });
}

/** A fresh tmpfs of `sizeKb` kilobytes, unmounted after the test. Only call when TMPFS_UNAVAILABLE is null. */
export function mountTmpfs(sizeKb: number): Tmpfs {
  const parent = makeTempDir('fieldbench-tmpfs-');
  const dir = path.join(parent.dir, 'data');
  fs.mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'pipe' });
  undo.push(() => {
    unmount(dir);
    parent.cleanup();
  });
  const filler = path.join(dir, 'filler.bin');
  return {
    dir,
    fill(leaveBytes = 0) {
      const fd = fs.openSync(filler, 'a');
      const chunk = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        // The last chunk may have gone in partly; byte-sized writes use up what is left.
        try {
          for (;;) fs.writeSync(fd, chunk, 0, 1);
        } catch (last) {
          if ((last as NodeJS.ErrnoException).code !== 'ENOSPC') throw last;
        }
      }
      if (leaveBytes > 0) fs.ftruncateSync(fd, Math.max(0, fs.fstatSync(fd).size - leaveBytes));
      fs.closeSync(fd);
      return filler;
    },
    free() {
      fs.rmSync(filler, { force: true });
    },
    remountReadOnly() {
      execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' });
    },
    remountWritable() {
      execFileSync('mount', ['-o', 'remount,rw', dir], { stdio: 'pipe' });
    },
  };
}

/** Makes one file read-only for everyone, root included: a read-only bind mount over it. Undone after the test. */
export function bindReadOnly(file: string): void {
  execFileSync('mount', ['--bind', file, file], { stdio: 'pipe' });
  undo.push(() => unmount(file));
  execFileSync('mount', ['-o', 'remount,ro,bind', file], { stdio: 'pipe' });
}
