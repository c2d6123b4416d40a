import type { MessageKey } from '../i18n/en.js';
import type { ScaleQuestion } from '../question.js';

/** The employee Net Promoter Score question, asked on its own cadence in pulses and in every exit survey. */
export const ENPS_QUESTION: ScaleQuestion<MessageKey> = {
  id: 'enps',
  kind: 'scale',
  text: 'q.enps',
  low: 'scale.low',
  high: 'scale.high',
};
