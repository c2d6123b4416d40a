import type { bankEn } from './bank-en.js';

/**
 * The built-in question bank beyond the first pulse's (issue #17): more statements for each
 * driver, and two drivers of their own, purpose and voice. Each statement notes the construct
 * it measures; a survey HR writes picks them by id (`growth-4`) or rotates through drivers.
 */
export const bankSv: Record<keyof typeof bankEn, string> = {
  'driver.purpose': 'Mening',
  'driver.voice': 'Delaktighet',
  // recognition from one's manager for extra effort
  'q.recognition.4': 'Min chef märker när jag anstränger mig lite extra.',
  // fairness of recognition
  'q.recognition.5': 'Erkännande i mitt team går till dem som faktiskt gjorde jobbet.',
  // access to the training the job needs
  'q.growth.4': 'Jag får den utbildning jag behöver för att göra ett bra jobb.',
  // stretch: new challenges in the work itself
  'q.growth.5': 'Mitt arbete ger mig chanser att anta nya utmaningar.',
  // managerial support with priorities
  'q.management.5': 'Min chef hjälper mig att prioritera när det är för mycket att göra.',
  // knowledge sharing among colleagues
  'q.peers.4': 'Folk i mitt team delar med sig av det de kan.',
  // constructive conflict
  'q.peers.5': 'Oenigheter i mitt team löses på ett konstruktivt sätt.',
  // recovery: time off without work piling up
  'q.wellness.4': 'Jag kan vara ledig utan att oroa mig för att arbetet hopar sig.',
  // organisational support for health
  'q.wellness.5': 'Min arbetsplats stöttar min fysiska och psykiska hälsa.',
  // overtime needed to keep up
  'q.workload.4': 'Jag behöver sällan arbeta övertid för att hinna med.',
  // realistic deadlines
  'q.workload.5': 'Tidsfristerna i mitt team är realistiska.',
  // role clarity
  'q.alignment.4': 'Jag vet vad som förväntas av mig på jobbet.',
  // team goal clarity
  'q.alignment.5': 'Mitt teams mål är tydliga.',
  // influence over decisions about one's work
  'q.autonomy.4': 'Jag har inflytande över beslut som påverkar mitt arbete.',
  // control over how the working day is organised
  'q.autonomy.5': 'Jag kan lägga upp min arbetsdag så som det passar mig bäst.',
  // use of one's skills
  'q.satisfaction.4': 'Mitt jobb tar väl till vara mina färdigheter.',
  // overall job satisfaction compared with expectations
  'q.satisfaction.5': 'Att arbeta här motsvarar det jag förväntade mig.',
  // recommending the workplace to friends
  'q.ambassadorship.4': 'Jag skulle uppmuntra en vän att söka jobb här.',
  // pride in the organisation's reputation
  'q.ambassadorship.5': 'Jag är stolt över det som det här företaget står för.',
  // meaningful work: the work matters to others
  'q.purpose.1': 'Mitt arbete gör skillnad för dem vi finns till för.',
  // connection to the mission
  'q.purpose.2': 'Jag känner mig förbunden med vårt företags uppdrag.',
  // personal values fit
  'q.purpose.3': 'Det här företagets värderingar stämmer med mina egna.',
  // seeing the results of one's work
  'q.purpose.4': 'Jag ser resultaten av mitt arbete.',
  // sense of accomplishment
  'q.purpose.5': 'Jag känner att jag åstadkommer något i mitt arbete.',
  // psychological safety: speaking up
  'q.voice.1': 'Jag kan säga ifrån om problem utan negativa följder.',
  // freedom of opinion in the team
  'q.voice.2': 'Det är tryggt att vara oenig med andra i mitt team.',
  // ideas are heard
  'q.voice.3': 'Mina idéer tas på allvar.',
  // leadership acts on feedback
  'q.voice.4': 'Ledningen agerar på återkoppling från medarbetarna.',
  // admitting mistakes without blame
  'q.voice.5': 'I mitt team kan vi erkänna misstag utan att bli skuldbelagda.',
  'action.purpose.1': 'Dela en berättelse i månaden om vad teamets arbete betydde för en kund eller en kollega.',
  'action.purpose.2': 'Koppla varje persons arbete till ett av företagets mål i nästa enskilda samtal.',
  'action.voice.1': 'Be om invändningar före beslut (”vad missar vi?”) och tacka den första som svarar.',
  'action.voice.2': 'Berätta för teamet vad som hände med de senaste idéerna och synpunkterna, även vad ni valde bort och varför.',
};
