/** English texts of operations: what people see when pulsebot is overloaded (spread into `en`). */
export const opsEn = {
  'answer.busy': 'pulsebot is very busy right now, so this answer was not recorded. Please try again in a minute.',
};
