import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ExportFindings } from '../../renderer/proposals/ExportFindings';

/** The export dialog's list of what the recipient would notice. */

describe('ExportFindings', () => {
  it('leads to Settings from the one finding fixed outside the proposal, and only from it', () => {
    const html = renderToStaticMarkup(
      <MemoryRouter>
        <ExportFindings findings={[{ kind: 'noSender' }, { kind: 'emptySection', where: 'Notes' }]} />
      </MemoryRouter>,
    );
    expect(html).toMatch(/fill in your organisation in Settings\. <a href="\/settings"[^>]*>Open Settings<\/a><\/li>/);
    expect(html.match(/<a /g)).toHaveLength(1);
  });
});
