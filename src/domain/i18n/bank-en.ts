/**
 * The built-in question bank beyond the first pulse's (issue #17): more statements for each
 * driver, and two drivers of their own, purpose and voice. Each statement notes the construct
 * it measures; a survey HR writes picks them by id (`growth-4`) or rotates through drivers.
 */
export const bankEn = {
  'driver.purpose': 'Purpose',
  'driver.voice': 'Voice',
  // recognition from one's manager for extra effort
  'q.recognition.4': 'My manager notices when I go the extra mile.',
  // fairness of recognition
  'q.recognition.5': 'Recognition on my team goes to the people who did the work.',
  // access to the training the job needs
  'q.growth.4': 'I get the training I need to do my job well.',
  // stretch: new challenges in the work itself
  'q.growth.5': 'My work gives me chances to take on new challenges.',
  // managerial support with priorities
  'q.management.5': 'My manager helps me prioritise when there is too much to do.',
  // knowledge sharing among colleagues
  'q.peers.4': 'People on my team share what they know.',
  // constructive conflict
  'q.peers.5': 'Disagreements on my team are resolved constructively.',
  // recovery: time off without work piling up
  'q.wellness.4': 'I can take time off without worrying about work piling up.',
  // organisational support for health
  'q.wellness.5': 'My workplace supports my physical and mental health.',
  // overtime needed to keep up
  'q.workload.4': 'I rarely have to work overtime to keep up.',
  // realistic deadlines
  'q.workload.5': 'Deadlines on my team are realistic.',
  // role clarity
  'q.alignment.4': 'I know what is expected of me at work.',
  // team goal clarity
  'q.alignment.5': "My team's goals are clear.",
  // influence over decisions about one's work
  'q.autonomy.4': 'I have a say in decisions that affect my work.',
  // control over how the working day is organised
  'q.autonomy.5': 'I can organise my working day in the way that suits me best.',
  // use of one's skills
  'q.satisfaction.4': 'My job makes good use of my skills.',
  // overall job satisfaction compared with expectations
  'q.satisfaction.5': 'Working here lives up to what I expected.',
  // recommending the workplace to friends
  'q.ambassadorship.4': 'I would encourage a friend to apply for a job here.',
  // pride in the organisation's reputation
  'q.ambassadorship.5': 'I am proud of what this company stands for.',
  // meaningful work: the work matters to others
  'q.purpose.1': 'My work makes a difference to the people we serve.',
  // connection to the mission
  'q.purpose.2': "I feel connected to our company's mission.",
  // personal values fit
  'q.purpose.3': 'The values of this company fit my own.',
  // seeing the results of one's work
  'q.purpose.4': 'I can see the results of my work.',
  // sense of accomplishment
  'q.purpose.5': 'I feel a sense of accomplishment from my work.',
  // psychological safety: speaking up
  'q.voice.1': 'I can speak up about problems without negative consequences.',
  // freedom of opinion in the team
  'q.voice.2': 'It is safe to disagree with others on my team.',
  // ideas are heard
  'q.voice.3': 'My ideas are taken seriously.',
  // leadership acts on feedback
  'q.voice.4': 'Leadership acts on feedback from employees.',
  // admitting mistakes without blame
  'q.voice.5': 'On my team we can admit mistakes without being blamed.',
  'action.purpose.1': 'Share one story a month of what the team’s work changed for a customer or a colleague.',
  'action.purpose.2': 'Connect each person’s current work to one company goal in your next one-to-one.',
  'action.voice.1': 'Ask for disagreement before decisions (“what are we missing?”) and thank the first person who answers.',
  'action.voice.2': 'Tell the team what happened with the last ideas and feedback they gave, including what you decided not to do and why.',
} as const;
