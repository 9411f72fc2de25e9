import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { BackupInfo } from '../../core/api/types';
import { RestoreDialog } from '../../renderer/settings/RestoreDialog';

const backup: BackupInfo = {
  id: 'fieldbench-20261206T090000Z-abcdef-daily',
  reason: 'daily',
  createdAt: '2026-12-06T09:00:00.000Z',
  appVersion: '0.1.0',
  schemaVersion: 10,
  size: 1024,
  counts: { customers: 1, engagements: 1, assessments: 0, notes: 3, lessons: 0, proposals: 0, risks: 0 },
};

const render = (syncing: boolean): string => renderToStaticMarkup(<RestoreDialog backup={backup} syncing={syncing} busy={false} error={null} onCancel={() => {}} onConfirm={() => {}} />);

describe('<RestoreDialog>', () => {
  it('says on a device that syncs that a restore does not undo what it sent', () => {
    expect(render(true)).toMatch(/changes it sent since then come back at its next sync.*roll it back on the Sync screen/);
    expect(render(false)).not.toMatch(/next sync/);
  });
});
