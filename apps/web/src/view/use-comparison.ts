import { useMemo } from 'react';
import { usePlaygroundStore } from '../store/store';
import { buildComparison, type ComparisonModel } from './comparison';

export function useComparison(): ComparisonModel {
  const prediction = usePlaygroundStore((state) => state.ui.prediction);
  const run = usePlaygroundStore((state) => state.ui.run);
  const revision = usePlaygroundStore((state) => state.scenario.revision);
  return useMemo(() => buildComparison(prediction, run, revision), [prediction, run, revision]);
}
