import type { ScaleQuestion } from '../question.js';

/** The employee Net Promoter Score question, asked on its own cadence in pulses and in every exit survey. */
export const ENPS_QUESTION: ScaleQuestion = {
  id: 'enps',
  kind: 'scale',
  textKey: 'q.enps',
  lowLabelKey: 'scale.low',
  highLabelKey: 'scale.high',
};
