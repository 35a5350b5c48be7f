import { pickStarter } from '../store/actions';
import { usePlaygroundStore } from '../store/store';
import { STARTERS, starterMatching } from '../scenario/starters';

export function StarterPicker() {
  const input = usePlaygroundStore((state) => state.scenario.input);
  const current = starterMatching(input)?.id ?? '';
  return (
    <label className="starter-picker">
      <span className="starter-picker-label">Starter</span>
      <select data-testid="starter-picker" value={current} onChange={(event) => pickStarter(event.target.value)}>
        {current === '' && <option value="">Your scenario</option>}
        {STARTERS.map((starter) => (
          <option key={starter.id} value={starter.id}>
            {starter.title}
          </option>
        ))}
      </select>
    </label>
  );
}
