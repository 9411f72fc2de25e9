import { describe, expect, it } from 'vitest';
import { fileNamePart, withoutRepeat } from '../../core/document/file-name';

describe('export file names', () => {
  it('keeps letters and digits in any script, joins words with dashes and cuts between words', () => {
    expect(fileNamePart('Harbour Telecom — Voice POC (v2)', 'x')).toBe('Harbour-Telecom-Voice-POC-v2');
    expect(fileNamePart('华东电信 Eastern Telecom', 'x')).toBe('华东电信-Eastern-Telecom');
    const long = fileNamePart('Contact centre AI readiness and voice virtual agent pilot for the eastern region', 'x', 40);
    expect(long).toBe('Contact-centre-AI-readiness-and-voice');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(fileNamePart('***', 'proposal')).toBe('proposal');
    expect(fileNamePart('Supercalifragilisticexpialidocious', 'x', 10)).toBe('Supercalif');
  });

  it('names the customer once when the title already does', () => {
    expect(withoutRepeat('Harbour Telecom', 'Voice POC — Harbour Telecom')).toBe('Voice POC — Harbour Telecom');
    expect(withoutRepeat('Harbour Telecom', 'Voice POC')).toBe('Harbour Telecom Voice POC');
  });
});
