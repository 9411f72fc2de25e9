import { useScenarios } from '../data/catalog';
import { useI18n } from '../i18n/i18n';

/**
 * The scenarios a record is for, as checkboxes (lessons, an article being published): at most
 * `max` ticked, the others disabled once that many are. `unavailable` says why none are listed
 * when the names could not be read.
 */
export function ScenarioChecks({ legend, hint, selected, max, unavailable, onChange }: {
  legend: string;
  hint?: string;
  selected: readonly string[];
  max: number;
  unavailable: string;
  onChange: (scenarios: string[]) => void;
}) {
  const { text } = useI18n();
  const scenarios = useScenarios();
  return (
    <fieldset className="scenario-checks">
      <legend>{legend}</legend>
      {hint !== undefined && <p className="muted scenario-checks-hint">{hint}</p>}
      {scenarios.length === 0 && selected.length > 0 && <p className="muted">{unavailable}</p>}
      <ul>
        {scenarios.map((s) => {
          const checked = selected.includes(s.id);
          return (
            <li key={s.id}>
              <label>
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={!checked && selected.length >= max}
                  onChange={() => onChange(checked ? selected.filter((x) => x !== s.id) : [...selected, s.id])}
                />{' '}
                {text(s.name)}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
