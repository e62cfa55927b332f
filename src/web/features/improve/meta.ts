// How improvement requests look: state colours; names come from src/common/improve.ts.
import type { ImprovementState } from '../../../common/improve.ts';

export const STATE_COLOR: Record<ImprovementState, string> = {
  proposed: 'blue',
  assessing: 'gold',
  accepted: 'cyan',
  rejected: 'default',
  implemented: 'purple',
  evaluated: 'green',
};
export const RESULT_COLOR: Record<string, string> = { met: 'green', partly: 'orange', not_met: 'red' };
